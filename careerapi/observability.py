"""Request logs and Prometheus metrics.

- `RequestLogMiddleware` gives every request an id (`X-Request-ID` from the client when it
  is a sane token, else a new one), returns it in the response and logs one line per
  request: id, method, route, path, status, latency and the API key's prefix, never the key.
  `RequestIdFilter` stamps the id on every other log record made while the request runs;
  `RejectedRequestFilter` keeps a rejected request (a bad Host header) to one WARNING line.
- `MetricsMiddleware` counts requests and times them by route, method and status. The route
  is the URL pattern (`api/v1/roles/<slug>/`), not the path, so the label set stays bounded.
- `careerapi.metrics` serves them to Prometheus.

This module is imported while logging is configured (for the filter), before the apps are
ready: it must not import models at module level.
"""

import contextvars
import functools
import itertools
import logging
import os
import re
import secrets
import time

from prometheus_client import Counter, Histogram

REQUEST_ID_HEADER = "X-Request-ID"
REQUEST_ID_META = "HTTP_X_REQUEST_ID"
_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
_current_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="-")
UNMATCHED_ROUTE = "<unmatched>"
# Any other method is counted as "other": a client cannot add label values at will.
METHODS = {"GET", "HEAD", "OPTIONS", "POST", "PUT", "PATCH", "DELETE", "TRACE", "CONNECT"}

request_logger = logging.getLogger("careerapi.requests")

REQUESTS = Counter(
    "careerapi_http_requests_total", "HTTP requests answered.", ["route", "method", "status"]
)
LATENCY = Histogram(
    "careerapi_http_request_duration_seconds",
    "Time to answer an HTTP request.",
    ["route", "method", "status"],
)


class _RequestIds:
    """New request ids: 32 hex digits, a random half per process and a counter.

    As unique as a random UUID across processes and machines (64 random bits per process,
    drawn again in a forked child), without a system call for randomness per request.
    """

    def __init__(self):
        self.reset()
        os.register_at_fork(after_in_child=self.reset)

    def reset(self) -> None:
        self.prefix = secrets.token_hex(8)
        self.counter = itertools.count()

    def new(self) -> str:
        return f"{self.prefix}{next(self.counter):016x}"


request_ids = _RequestIds()


class RequestIdFilter(logging.Filter):
    """Adds `request_id` (the current request's, or "-") to every record that lacks one."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not hasattr(record, "request_id"):
            record.request_id = _current_request_id.get()
        return True


class RejectedRequestFilter(logging.Filter):
    """Makes a `django.security.<Exception>` record one WARNING line without a traceback.

    Django logs every SuspiciousOperation it answers with a 400 (`DisallowedHost`,
    `TooManyFieldsSent`, ...) at ERROR with the traceback, so anyone can fill the log
    with one bad header per request. The client caused it and got a 400 problem document;
    the request line (same `request_id`) says which request it was, so the record's
    `request` (whose repr copies the whole query string) goes too.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.WARNING:
            record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = record.stack_info = None
        record.__dict__.pop("request", None)
        return True


@functools.lru_cache(maxsize=1024)
def _route_label(pattern: str) -> str:
    """`api/v1/roles/(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)/$` → `api/v1/roles/<slug>/`."""
    label, i = [], 0
    while i < len(pattern):
        match = re.match(r"\(\?P<(\w+)>", pattern[i:])
        if match is None:
            label.append(pattern[i])
            i += 1
            continue
        label.append(f"<{match[1]}>")
        depth, i = 1, i + match.end()
        while i < len(pattern) and depth:  # skip the group's regex, nested groups included
            if pattern[i] == "\\":
                i += 1
            elif pattern[i] == "(":
                depth += 1
            elif pattern[i] == ")":
                depth -= 1
            i += 1
    return "".join(label).replace("^", "").replace("$", "")


def route_of(request) -> str:
    """The URL pattern that answered the request, or `<unmatched>`."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.route is None:
        return UNMATCHED_ROUTE
    return _route_label(match.route)


class RequestLogMiddleware:
    """Request id in and out, and one log line per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        given = request.META.get(REQUEST_ID_META, "")  # request.headers would copy them all
        request.request_id = given if _SANE_REQUEST_ID.match(given) else request_ids.new()
        token = _current_request_id.set(request.request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request.request_id
            self.log(request, response, time.perf_counter() - started)
            return response
        finally:
            _current_request_id.reset(token)

    @staticmethod
    def log(request, response, seconds: float) -> None:
        latency_ms = round(seconds * 1000, 2)
        fields = {
            "request_id": request.request_id,
            "method": request.method,
            "route": route_of(request),
            "path": request.path,
            "status": response.status_code,
            "latency_ms": latency_ms,
        }
        # request.auth is the PartnerKey when DRF authenticated one: its prefix names the
        # key without revealing it. The key and the headers carrying it are never logged.
        prefix = getattr(getattr(request, "auth", None), "prefix", None)
        if prefix:
            fields["api_key_prefix"] = prefix
        level = logging.ERROR if response.status_code >= 500 else logging.INFO
        message = f"{request.method} {request.path} {response.status_code} {latency_ms}ms"
        request_logger.log(level, message, extra=fields)


@functools.lru_cache(maxsize=4096)
def _series(route: str, method: str, status: int):
    """The counter and the histogram of one (route, method, status): looked up once, since
    `labels()` validates and locks on every call. The label set is bounded (routes are URL
    patterns, methods a fixed set), so the cache is too."""
    labels = (route, method, str(status))
    return REQUESTS.labels(*labels), LATENCY.labels(*labels)


class MetricsMiddleware:
    """Counts and times every request by route, method and status."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        method = request.method if request.method in METHODS else "other"
        requests, latency = _series(route_of(request), method, response.status_code)
        requests.inc()
        latency.observe(time.perf_counter() - started)
        return response
