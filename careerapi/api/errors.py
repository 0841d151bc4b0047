"""One error shape for every 4xx and 5xx: RFC 9457 problem details.

    {"type": "/api/problems/invalid-parameters/", "title": "Invalid parameters",
     "status": 400, "detail": "...", "errors": [{"parameter": "skill", "detail": "..."}]}

served as `application/problem+json`, from DRF views (`problem_exception_handler`) and from
Django for URLs outside them (`not_found`, `server_error`, `csrf_failure`, and the 405 of
`safe_methods_only`). A DRF view's error is rendered as JSON whatever the view renders
otherwise (the schema's YAML, the docs' HTML), so its body is what its label says.

A problem's `type` is the page of the API's problem catalogue that describes it
(`careerapi.api.problems`), linked as every link is (`careerapi.api.links`); a status
with no page of its own has `about:blank` (RFC 9457: the status says it all).

A lost database (`OperationalError` / `InterfaceError`: PostgreSQL down, unreachable or
refusing connections) is a 503 with `Retry-After`, not a 500: the request was fine and
will succeed once the database is back. Django reconnects on the next request by itself
(the failed connection is dropped at the end of the request), so no restart is needed.
"""

import functools
import json
import logging
import sys
from http import HTTPStatus

from django.conf import settings
from django.core.exceptions import DisallowedHost, TooManyFieldsSent
from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import exception_handler

from .links import public_link

PROBLEM_CONTENT_TYPE = "application/problem+json"
#: Where the problem catalogue is served (careerapi.urls): a type's page is PROBLEMS_PATH<slug>/.
PROBLEMS_PATH = "/api/problems/"

logger = logging.getLogger(__name__)

# status -> (type slug, title)
PROBLEMS = {
    400: ("invalid-parameters", "Invalid parameters"),
    401: ("not-authenticated", "Not authenticated"),
    403: ("forbidden", "Forbidden"),
    404: ("not-found", "Not found"),
    405: ("method-not-allowed", "Method not allowed"),
    406: ("not-acceptable", "Not acceptable"),
    415: ("unsupported-media-type", "Unsupported media type"),
    429: ("too-many-requests", "Too many requests"),
    500: ("server-error", "Server error"),
    503: ("service-unavailable", "Service unavailable"),
}

# Errors that mean "the database is not answering", as opposed to a bug in a query.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
DATABASE_UNAVAILABLE_DETAIL = "The database is unavailable; retry shortly."
SERVER_ERROR_DETAIL = "The server failed to answer this request."
RETRY_AFTER_SECONDS = 5
#: The code of a 400 for a query string of more fields than Django parses
#: (DATA_UPLOAD_MAX_NUMBER_FIELDS): each may be valid, no one parameter is to blame.
TOO_MANY_FIELDS = "too_many_fields"
SAFE_METHODS = ("GET", "HEAD")


def problem_type_link(slug: str) -> str:
    """The `type` of a problem: the link to its page in the problem catalogue."""
    return public_link(f"{PROBLEMS_PATH}{slug}/")


def problem(status_code: int, detail: str, errors: list[dict] | None = None) -> dict:
    """The problem document for a status code."""
    if status_code in PROBLEMS:
        slug, title = PROBLEMS[status_code]
        type_ = problem_type_link(slug)
    else:
        type_, title = "about:blank", HTTPStatus(status_code).phrase
    body = {"type": type_, "title": title, "status": status_code, "detail": detail}
    if errors is not None:
        body["errors"] = errors
    return body


def _flatten(detail, parameter: str | None = None) -> list[dict]:
    """DRF's nested error detail as a flat list of {parameter, detail, code}."""
    if isinstance(detail, dict):
        return [error for key, value in detail.items() for error in _flatten(value, str(key))]
    if isinstance(detail, list):
        return [error for item in detail for error in _flatten(item, parameter)]
    code = getattr(detail, "code", None) or "invalid"
    return [{"parameter": parameter, "detail": str(detail), "code": code}]


def problem_exception_handler(exc, context) -> Response | None:
    """DRF exception handler: every handled error becomes a problem document."""
    if isinstance(exc, DATABASE_UNAVAILABLE):
        return database_unavailable_response(exc)
    response = exception_handler(exc, context)
    if response is None:
        return None  # unhandled: Django logs it and `server_error` answers
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        # What an unknown slug probably meant (careerapi.api.filters.unknown_suggestions).
        suggestions = getattr(exc, "suggestions", {})
        for error in errors:
            if error["code"] == "unknown" and error["parameter"] in suggestions:
                error["suggestions"] = suggestions[error["parameter"]]
        names = ", ".join(dict.fromkeys(e["parameter"] for e in errors if e["parameter"]))
        body = problem(400, f"Invalid value for: {names}." if names else "Invalid request.", errors)
    else:
        detail = str(exc.detail if isinstance(exc, exceptions.APIException) else exc)
        errors = None
        blamed = _blamed(exc, response.status_code, context)
        if blamed:
            errors = [{"parameter": blamed[0], "detail": detail, "code": blamed[1]}]
        body = problem(response.status_code, detail, errors)
    response.data = body
    response.content_type = PROBLEM_CONTENT_TYPE
    _render_as_json(context.get("request"))
    return response


def _blamed(exc, status_code: int, context) -> tuple[str, str] | None:
    """(parameter, code) of the one parameter or header to blame for an error that is no
    400, or None: what the exception names (`parameter`: a page past the last one, the
    header of a failing API key or of a missing one), the item a path names that does not
    exist (`slug`), an unacceptable Accept."""
    code = getattr(getattr(exc, "detail", None), "code", None) or "invalid"
    if getattr(exc, "parameter", None):
        return exc.parameter, code
    if status_code == 404:
        path_parameters = list(context.get("kwargs") or ())
        return (path_parameters[0], "not_found") if len(path_parameters) == 1 else None
    if status_code == 406:
        return "Accept", code
    return None


def _render_as_json(request) -> None:
    """Have the view render the problem as JSON. The renderer it negotiated may be another
    (the schema's YAML, the docs' HTML), and after a 406 there is none, when DRF would
    fall back to the view's first renderer whatever it is."""
    if request is not None and not isinstance(
        getattr(request, "accepted_renderer", None), JSONRenderer
    ):
        request.accepted_renderer = JSONRenderer()
        request.accepted_media_type = PROBLEM_CONTENT_TYPE


def problem_response(
    status_code: int, detail: str, errors: list[dict] | None = None
) -> HttpResponse:
    return HttpResponse(
        json.dumps(problem(status_code, detail, errors)),
        status=status_code,
        content_type=PROBLEM_CONTENT_TYPE,
    )


def database_unavailable_response(exc: Exception) -> HttpResponse:
    """503 problem document with Retry-After for a database that is down or unreachable."""
    logger.error("Database unavailable: %s", exc)
    response = problem_response(status.HTTP_503_SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE_DETAIL)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


@csrf_exempt
def not_found(request, exception=None) -> HttpResponse:
    """handler404: unknown paths (including unknown API versions) answer JSON, not HTML.

    Exempt from CSRF: as the catch-all under /api/ it is routed every method, and a POST
    there must be the same 404 as anywhere else, not a CSRF failure.
    """
    return problem_response(
        status.HTTP_404_NOT_FOUND, f"Nothing at {request.path}. The API lives under /api/v1/."
    )


def server_error(request) -> HttpResponse:
    """handler500: the failure is logged; the client gets a problem document, not a page.

    Django calls it while handling the exception, so a lost database raised outside a DRF
    view (in a middleware, the admin) is still told apart and answered with a 503.
    """
    exc = sys.exc_info()[1]
    if isinstance(exc, DATABASE_UNAVAILABLE):
        return database_unavailable_response(exc)
    return problem_response(status.HTTP_500_INTERNAL_SERVER_ERROR, SERVER_ERROR_DETAIL)


def bad_request(request, exception=None) -> HttpResponse:
    """handler400: a request Django refused before any view (SuspiciousOperation), naming
    what is to blame where it can: the `Host` it does not serve, a query string of more
    fields than it parses. The value given is not echoed."""
    limit = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS
    query = request.META.get("QUERY_STRING", "")
    blamed = None
    if isinstance(exception, DisallowedHost):
        detail = "The Host header names a host this server does not serve."
        blamed = "Host", "disallowed_host"
    # Counted as Python's parse_qsl counts for Django; else the body had too many.
    elif isinstance(exception, TooManyFieldsSent) and limit and query.count("&") + 1 > limit:
        detail = f"The query string has more than {limit} parameters (each repetition counts)."
        blamed = "query", TOO_MANY_FIELDS
    else:
        detail = "The request could not be understood."
    errors = None
    if blamed is not None:
        errors = [{"parameter": blamed[0], "detail": detail, "code": blamed[1]}]
    return problem_response(status.HTTP_400_BAD_REQUEST, detail, errors)


def permission_denied(request, exception=None) -> HttpResponse:
    return problem_response(status.HTTP_403_FORBIDDEN, "You may not access this resource.")


def csrf_failure(request, reason: str = "") -> HttpResponse:
    """CSRF_FAILURE_VIEW: a form POST (the admin's) without a valid CSRF token or origin."""
    return problem_response(status.HTTP_403_FORBIDDEN, f"CSRF verification failed: {reason}")


def method_not_allowed(request, allowed: tuple[str, ...] = SAFE_METHODS) -> HttpResponse:
    """405 problem document, naming the methods allowed in `Allow` (as DRF views do)."""
    response = problem_response(
        status.HTTP_405_METHOD_NOT_ALLOWED, f'Method "{request.method}" not allowed.'
    )
    response["Allow"] = ", ".join(allowed)
    return response


def safe_methods_only(view):
    """Django's `require_safe` for a plain view, answering other methods with a 405 problem
    document instead of an empty HTML page.

    The view is exempt from CSRF: only GET and HEAD reach it, which change nothing, and an
    unsafe method must get its 405, not a CSRF failure.
    """

    @functools.wraps(view)
    def safe_view(request, *args, **kwargs):
        if request.method not in SAFE_METHODS:
            return method_not_allowed(request)
        return view(request, *args, **kwargs)

    return csrf_exempt(safe_view)
