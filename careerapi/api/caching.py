"""Conditional requests and the response cache, both keyed by the dataset version.

The data only changes when a dataset is loaded, so everything a GET returns is fixed by
(dataset version, API version, the normalised URL). From those alone, before any query or
serialization, every GET gets a strong ETag; `If-None-Match` / `If-Modified-Since` answer
304, and a rendered 200 is kept in the cache (Redis through REDIS_URL, shared by all app
servers) under that ETag. Loading a dataset changes the version, so nothing older than the
last load is ever served.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from rest_framework.response import Response

CURRENT_VERSION_KEY = "careerapi:dataset-version"
RESPONSE_KEY = "careerapi:response:{etag}"
API_VERSION = "v1"


@dataclass(frozen=True)
class DatasetStamp:
    """Which dataset is loaded, and when it was."""

    version: str
    loaded_at: datetime


def current_version_store(*, version: str, loaded_at: datetime) -> None:
    """Publish the current dataset version to every app server through the shared cache."""
    cache.set(CURRENT_VERSION_KEY, DatasetStamp(version, loaded_at), timeout=None)


def current_version() -> DatasetStamp | None:
    """The loaded dataset version: from the cache, else one query (then cached briefly)."""
    stamp = cache.get(CURRENT_VERSION_KEY)
    if stamp is None:
        from dataset.models import DatasetVersion

        row = DatasetVersion.objects.order_by("-loaded_at").values("version", "loaded_at").first()
        if row is None:
            return None
        stamp = DatasetStamp(row["version"], row["loaded_at"])
        cache.set(CURRENT_VERSION_KEY, stamp, timeout=settings.DATASET_VERSION_CHECK_SECONDS)
    return stamp


def _normalised_url(request) -> str:
    """Path plus query with parameters sorted by name (each name's values keep their order)."""
    query = "&".join(
        f"{name}={value}"
        for name in sorted(request.query_params)
        for value in request.query_params.getlist(name)
    )
    return f"{request.path}?{query}"


def _tags(header: str) -> set[str]:
    """The entity tags of an If-None-Match header, compared weakly (W/ ignored) as for GET."""
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


@dataclass(frozen=True)
class Representation:
    """What a GET will return, known before it is computed."""

    stamp: DatasetStamp
    etag: str

    @classmethod
    def for_request(cls, request) -> "Representation | None":
        stamp = current_version()
        if stamp is None:
            return None
        basis = f"{stamp.version}|{API_VERSION}|{_normalised_url(request)}"
        return cls(stamp, '"' + hashlib.sha256(basis.encode()).hexdigest()[:40] + '"')

    def not_modified(self, request) -> bool:
        if_none_match = request.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = _tags(if_none_match)
            return "*" in tags or self.etag in tags
        since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
        return since is not None and int(self.stamp.loaded_at.timestamp()) <= since

    @property
    def cache_key(self) -> str:
        return RESPONSE_KEY.format(etag=self.etag.strip('"'))

    def add_headers(self, request, response) -> None:
        response["ETag"] = self.etag
        response["Last-Modified"] = http_date(self.stamp.loaded_at.timestamp())
        # A shared cache must not answer partners for us: their requests count against
        # their own quota and carry their own RateLimit headers.
        keyed = getattr(settings, "REQUIRE_API_KEY", False) or request.auth is not None
        visibility = "private" if keyed else "public"
        response["Cache-Control"] = f"{visibility}, max-age={settings.API_CACHE_MAX_AGE}"
        # Only JSON is served (another Accept gets a 406), so Accept is what varies the body.
        patch_vary_headers(response, ["Accept"])


class _Answered(Exception):
    """Raised from `initial()` when the answer is known without running the view."""

    def __init__(self, response: HttpResponse):
        self.response = response


class HttpCaching:
    """View mixin: ETag, Last-Modified and Cache-Control on every GET, 304s, cached bodies.

    It runs after authentication, throttling and the parameter check (`initial`), so a
    cached answer still counts against the caller's quota and bad parameters still fail.
    """

    representation: Representation | None = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return
        self.representation = representation = Representation.for_request(request)
        if representation is None:
            return
        if representation.not_modified(request):
            raise _Answered(HttpResponse(status=304))
        cached = cache.get(representation.cache_key)
        if cached is not None:
            content, content_type = cached
            raise _Answered(HttpResponse(content, content_type=content_type))

    def handle_exception(self, exc):
        if isinstance(exc, _Answered):
            return exc.response
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        representation = self.representation
        if representation is None or response.status_code not in (200, 304):
            return response
        representation.add_headers(request, response)
        if isinstance(response, Response) and response.status_code == 200:
            response.add_post_render_callback(
                lambda rendered: cache.set(
                    representation.cache_key,
                    (rendered.content, rendered["Content-Type"]),
                    timeout=settings.API_RESPONSE_CACHE_SECONDS,
                )
            )
        return response
