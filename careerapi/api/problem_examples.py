"""The error responses' examples in the schema, each the body the API answers for a cause
it names: the exception the API raises for that cause, through the same exception handler
(`problem_exception_handler`), so an example cannot say what the API does not.

tests/test_problem_examples.py makes each request and compares.
"""

import json

from django.test import RequestFactory
from drf_spectacular.utils import OpenApiExample
from rest_framework import exceptions
from rest_framework.request import Request

from .errors import (
    DATABASE_UNAVAILABLE_DETAIL,
    SERVER_ERROR_DETAIL,
    not_found,
    problem,
    problem_exception_handler,
)
from .examples import MISSING_ITEMS, collection_of
from .pagination import Pagination
from .views import item_not_found, page_error, unknown_parameter_message

#: The unknown query parameter, the page past the last one and the key no one was given,
#: of the examples.
UNKNOWN_PARAMETER = "colour"
PAGE_PAST_THE_END = 9999
UNKNOWN_KEY = "unknown.key"
MISTYPED = "typo"


def _answer(exc: Exception, **context) -> dict:
    """The problem document of `exc`, raised by a view with this context (`request`, the
    path's `kwargs`), as the exception handler writes it."""
    return problem_exception_handler(exc, context).data


def _example(name: str, summary: str, value: dict) -> OpenApiExample:
    return OpenApiExample(name, summary=summary, value=value, response_only=True)


def _page_past_the_end() -> exceptions.APIException:
    """What the pagination raises for a page past the last one."""
    request = Request(RequestFactory().get("/", {"page": PAGE_PAST_THE_END}))
    try:
        Pagination().paginate_queryset([], request)
    except exceptions.NotFound as error:
        return error
    raise AssertionError("a page past the last one is found")


def problem_examples(*, view, path: str, status: int) -> list[OpenApiExample]:
    """The examples of the `status` answer of the GET at `path`, served by `view`."""
    allowed = (
        view.allowed_query_parameters() if hasattr(view, "allowed_query_parameters") else set()
    )
    examples = []
    if status == 400:
        message = unknown_parameter_message(allowed)
        error = exceptions.ValidationError({UNKNOWN_PARAMETER: message})
        examples.append(
            _example(
                "unknown_parameter",
                f"?{UNKNOWN_PARAMETER}=red: a parameter this endpoint does not take",
                _answer(error),
            )
        )
        if "page_size" in allowed:
            error = exceptions.ValidationError({"page_size": page_error("page_size", ["1000"])})
            examples.append(_example("invalid_value", "?page_size=1000", _answer(error)))
    elif status == 404:
        if "{" in path:
            collection, name = collection_of(path), _item_name(view)
            value = MISSING_ITEMS.get(collection, MISSING_ITEMS["*"])
            kwargs = {path.rsplit("{", 1)[1].split("}")[0]: value}
            body = _answer(item_not_found(name, value), kwargs=kwargs)
            examples.append(_example("unknown_item", f"No {name} {value}", body))
        if "page" in allowed:
            examples.append(
                _example(
                    "page_past_the_end", f"?page={PAGE_PAST_THE_END}", _answer(_page_past_the_end())
                )
            )
        if not examples:  # nothing of its own to miss: a mistyped path beside it
            typo = f"{path}{MISTYPED}/"
            body = json.loads(not_found(RequestFactory().get(typo)).content)
            examples.append(_example("unknown_path", f"GET {typo}", body))
    elif status in SAME_FOR_EVERY_OPERATION:
        name, summary, body = SAME_FOR_EVERY_OPERATION[status]()
        examples.append(_example(name, summary, body))
    return examples


def _unknown_key() -> exceptions.AuthenticationFailed:
    """What the key authentication (apikeys, a floor above) raises for an unknown key sent
    in X-API-Key: a 401 naming the header."""
    error = exceptions.AuthenticationFailed("Unknown API key.")
    error.parameter = "X-API-Key"
    return error


def _item_name(view) -> str:
    queryset = getattr(view, "queryset", None)
    return queryset.model._meta.verbose_name if queryset is not None else view.item_name


#: By status: the example's name, summary and body, made when the schema is.
SAME_FOR_EVERY_OPERATION = {
    401: lambda: (
        "unknown_key",
        f"X-API-Key: {UNKNOWN_KEY}",
        _answer(_unknown_key()),
    ),
    405: lambda: ("method_not_allowed", "POST", _answer(exceptions.MethodNotAllowed("POST"))),
    406: lambda: (
        "not_acceptable",
        "Accept: application/xml",
        _answer(
            exceptions.NotAcceptable(),
            request=RequestFactory().get("/", HTTP_ACCEPT="application/xml"),
        ),
    ),
    429: lambda: (
        "quota_used_up",
        "The quota resets in an hour",
        _answer(exceptions.Throttled(wait=3600)),
    ),
    # As gunicorn words them (gunicorn.workers.base), in careerapi.gunicorn_errors' shape.
    414: lambda: (
        "request_line_too_long",
        "A request line of 9,000 bytes",
        {
            "type": "about:blank",
            "title": "URI Too Long",
            "status": 414,
            "detail": "Request Line is too large (9000 > 8190)",
        },
    ),
    431: lambda: (
        "too_many_headers",
        "51 headers",
        {
            "type": "about:blank",
            "title": "Request Header Fields Too Large",
            "status": 431,
            "detail": "Error parsing headers: 'limit request headers fields'",
        },
    ),
    500: lambda: ("server_error", "A failure, logged", problem(500, SERVER_ERROR_DETAIL)),
    503: lambda: (
        "database_unavailable",
        "The database is down",
        problem(503, DATABASE_UNAVAILABLE_DETAIL),
    ),
}
