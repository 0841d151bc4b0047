"""One error shape for every 4xx and 5xx: RFC 9457 problem details.

    {"type": "https://careerapi.dev/problems/invalid-parameters", "title": "Invalid parameters",
     "status": 400, "detail": "...", "errors": [{"parameter": "skill", "detail": "..."}]}

served as `application/problem+json`, from DRF views (`problem_exception_handler`) and from
Django for URLs outside them (`not_found`, `server_error`).

A lost database (`OperationalError` / `InterfaceError`: PostgreSQL down, unreachable or
refusing connections) is a 503 with `Retry-After`, not a 500: the request was fine and
will succeed once the database is back. Django reconnects on the next request by itself
(the failed connection is dropped at the end of the request), so no restart is needed.
"""

import json
import logging
import sys

from django.db.utils import InterfaceError, OperationalError
from django.http import HttpResponse
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler

PROBLEM_CONTENT_TYPE = "application/problem+json"
PROBLEM_BASE = "https://careerapi.dev/problems/"

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
RETRY_AFTER_SECONDS = 5


def problem(status_code: int, detail: str, errors: list[dict] | None = None) -> dict:
    """The problem document for a status code."""
    slug, title = PROBLEMS.get(status_code, ("error", "Error"))
    body = {"type": PROBLEM_BASE + slug, "title": title, "status": status_code, "detail": detail}
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
        names = ", ".join(dict.fromkeys(e["parameter"] for e in errors if e["parameter"]))
        body = problem(400, f"Invalid value for: {names}." if names else "Invalid request.", errors)
    else:
        detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
        body = problem(response.status_code, str(detail))
    response.data = body
    response.content_type = PROBLEM_CONTENT_TYPE
    return response


def problem_response(status_code: int, detail: str) -> HttpResponse:
    return HttpResponse(
        json.dumps(problem(status_code, detail)),
        status=status_code,
        content_type=PROBLEM_CONTENT_TYPE,
    )


def database_unavailable_response(exc: Exception) -> HttpResponse:
    """503 problem document with Retry-After for a database that is down or unreachable."""
    logger.error("Database unavailable: %s", exc)
    response = problem_response(status.HTTP_503_SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE_DETAIL)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def not_found(request, exception=None) -> HttpResponse:
    """handler404: unknown paths (including unknown API versions) answer JSON, not HTML."""
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
    return problem_response(
        status.HTTP_500_INTERNAL_SERVER_ERROR, "The server failed to answer this request."
    )


def bad_request(request, exception=None) -> HttpResponse:
    return problem_response(status.HTTP_400_BAD_REQUEST, "The request could not be understood.")


def permission_denied(request, exception=None) -> HttpResponse:
    return problem_response(status.HTTP_403_FORBIDDEN, "You may not access this resource.")
