"""Conditional requests and the response cache, both keyed by the dataset version.

The data only changes when a dataset is loaded, so everything a GET returns is fixed by
(dataset version, API version, the normalised URL). From those alone, before any query or
serialization, every GET gets a strong ETag; `If-None-Match` / `If-Modified-Since` answer
304, and a rendered 200 is kept in the cache (Redis through REDIS_URL, shared by all app
servers) under the URL, with the version it was rendered from. Loading a dataset changes
the version, so nothing older than the last load is ever served: a cached body of another
version is a miss.

Each app process holds the version between loads (`version_watch`) and keeps the bodies it
served last (`local_responses`, bounded in bytes), so a repeated GET or a 304 usually needs
no round trip to Redis at all. Without a held version, the version and the body come in
one round trip.
"""

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from rest_framework.response import Response

from apikeys.throttling import anonymous_quota_allows

from .version_watch import version_announce, version_watch

CURRENT_VERSION_KEY = "careerapi:dataset-version"
RESPONSE_KEY = "careerapi:response:{url_hash}"
API_VERSION = "v1"


@dataclass(frozen=True)
class DatasetStamp:
    """Which dataset is loaded, and when it was."""

    version: str
    loaded_at: datetime


def current_version_store(*, version: str, loaded_at: datetime) -> None:
    """Publish the current dataset version to every app server through the shared cache."""
    cache.set(CURRENT_VERSION_KEY, DatasetStamp(version, loaded_at), timeout=None)
    version_announce(version)


def current_version(cached: DatasetStamp | None = None) -> DatasetStamp | None:
    """The loaded dataset version: from the cache (`cached`: already read from it), else
    one query (then cached briefly)."""
    stamp = cached if cached is not None else cache.get(CURRENT_VERSION_KEY)
    if stamp is None:
        from dataset.models import DatasetVersion

        row = DatasetVersion.objects.order_by("-loaded_at").values("version", "loaded_at").first()
        if row is None:
            return None
        stamp = DatasetStamp(row["version"], row["loaded_at"])
        cache.set(CURRENT_VERSION_KEY, stamp, timeout=settings.DATASET_VERSION_CHECK_SECONDS)
    return stamp


def _normalised_url(request) -> str:
    """Path plus query, parameters sorted by name (each name's values keep their order).

    Sorts the raw query string's pairs: parsing it would cost more than all the rest of a
    cached answer. Two spellings of one query (`%41` and `A`) are two keys; that only
    costs a cache miss.
    """
    pairs = [pair for pair in request.META.get("QUERY_STRING", "").split("&") if pair]
    pairs.sort(key=lambda pair: pair.partition("=")[0])
    return f"{request.path}?{'&'.join(pairs)}"


class LocalResponses:
    """The rendered responses this process served last, at most `API_LOCAL_RESPONSE_BYTES`
    of them, least recently used out first. Entries are (version, content, content type),
    as in the shared cache; one of another version is a miss."""

    def __init__(self):
        self._entries: OrderedDict[str, tuple] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: str, version: str) -> tuple | None:
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            if entry[0] != version:
                self._remove(key)
                return None
            self._entries.move_to_end(key)
            return entry

    def put(self, key: str, entry: tuple) -> None:
        limit = settings.API_LOCAL_RESPONSE_BYTES
        if len(entry[1]) > limit // 4:  # one huge page must not push out everything else
            return
        with self._lock:
            self._remove(key)
            self._entries[key] = entry
            self._bytes += len(entry[1])
            while self._bytes > limit:
                self._remove(next(iter(self._entries)))

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0

    def _remove(self, key: str) -> None:
        entry = self._entries.pop(key, None)
        if entry is not None:
            self._bytes -= len(entry[1])


local_responses = LocalResponses()


@lru_cache(maxsize=8)
def _http_date(moment: datetime) -> str:
    return http_date(moment.timestamp())


def _tags(header: str) -> set[str]:
    """The entity tags of an If-None-Match header, compared weakly (W/ ignored) as for GET."""
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


@dataclass
class Representation:
    """What a GET will return, known before it is computed."""

    stamp: DatasetStamp
    etag: str
    cache_key: str
    #: The cache entry under `cache_key`, when it was read with the version.
    prefetched: bool = False
    found: tuple | None = None

    @classmethod
    def for_request(cls, request) -> "Representation | None":
        """The representation the request asks for. Unless the process holds the version,
        the cached body (if any, and no conditional header) is fetched in the same round
        trip as the version (`cached_body`)."""
        url = _normalised_url(request)
        cache_key = RESPONSE_KEY.format(url_hash=hashlib.sha256(url.encode()).hexdigest()[:40])
        meta = request.META
        fetched: list[dict] = []

        def read() -> DatasetStamp | None:
            # With the version, the body too (in the same round trip); a 304 needs neither.
            if "HTTP_IF_NONE_MATCH" not in meta and "HTTP_IF_MODIFIED_SINCE" not in meta:
                fetched.append(cache.get_many([CURRENT_VERSION_KEY, cache_key]))
            return current_version(fetched[0].get(CURRENT_VERSION_KEY) if fetched else None)

        stamp = version_watch.current(read)
        if stamp is None:
            return None
        basis = f"{stamp.version}|{API_VERSION}|{url}"
        etag = '"' + hashlib.sha256(basis.encode()).hexdigest()[:40] + '"'
        found = fetched[0].get(cache_key) if fetched else None
        return cls(stamp, etag, cache_key, prefetched=bool(fetched), found=found)

    def not_modified(self, request) -> bool:
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match is not None:
            tags = _tags(if_none_match)
            return "*" in tags or self.etag in tags
        since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
        return since is not None and int(self.stamp.loaded_at.timestamp()) <= since

    def cached_body(self) -> tuple[bytes, str] | None:
        """The cached (content, content type) of this version, or None."""
        version = self.stamp.version
        if self.prefetched:
            found = self.found
        else:
            found = local_responses.get(self.cache_key, version)
            if found is None:
                found = cache.get(self.cache_key)
                if found is not None and found[0] == version:
                    local_responses.put(self.cache_key, found)
            # Looked up once: the fast path and `initial()` both ask.
            self.found, self.prefetched = found, True
        if found is None or found[0] != version:
            return None
        return found[1], found[2]

    def keep(self, response) -> None:
        """Keep a rendered 200 in the response cache (and this process's copies)."""
        entry = (self.stamp.version, response.content, response["Content-Type"])
        cache.set(self.cache_key, entry, timeout=settings.API_RESPONSE_CACHE_SECONDS)
        local_responses.put(self.cache_key, entry)

    def add_headers(self, response, *, keyed: bool) -> None:
        response["ETag"] = self.etag
        response["Last-Modified"] = _http_date(self.stamp.loaded_at)
        visibility = "private" if keyed else "public"
        response["Cache-Control"] = f"{visibility}, max-age={settings.API_CACHE_MAX_AGE}"
        # Only JSON is served (another Accept gets a 406), so Accept is what varies the body.
        if response.has_header("Vary"):
            patch_vary_headers(response, ["Accept"])
        else:
            response["Vary"] = "Accept"


class _Answered(Exception):
    """Raised from `initial()` when the answer is known without running the view."""

    def __init__(self, response: HttpResponse):
        self.response = response


_request_state = threading.local()


def _representation(request) -> Representation | None:
    representation = Representation.for_request(request)
    if representation is not None:
        _request_state.stamp = representation.stamp
    return representation


def request_stamp() -> DatasetStamp | None:
    """The dataset version the current API request is answered from (read once per request),
    or, outside one, the current version."""
    return getattr(_request_state, "stamp", None) or current_version()


#: Accept headers the fast path answers (JSON is all the API serves); others take the
#: full path, where content negotiation answers 406 where it must.
PLAIN_ACCEPT = {None, "", "*/*", "application/json"}


def _cached_answer(representation: Representation, request) -> HttpResponse | None:
    """A 304 or the cached 200 for this representation, or None when neither applies."""
    if representation.not_modified(request):
        return HttpResponse(status=304)
    cached = representation.cached_body()
    if cached is None:
        return None
    content, content_type = cached
    response = HttpResponse(content, content_type=content_type)
    response.from_cache = True
    return response


class HttpCaching:
    """View mixin: ETag, Last-Modified and Cache-Control on every GET, 304s, cached bodies.

    A cached answer still counts against the caller's quota and bad parameters still fail:
    it is given after authentication, throttling and the parameter check (`initial`). The
    commonest polls, anonymous with a plain Accept, are answered before the REST framework
    sets up a request at all (`dispatch`): the quota is counted the same way, parameters
    are known to be valid because only a valid request's answer is ever cached or tagged,
    and the response carries the same headers.
    """

    representation: Representation | None = None

    def dispatch(self, request, *args, **kwargs):
        try:
            response = self._fast_answer(request)
            if response is None:
                return super().dispatch(request, *args, **kwargs)
            return response
        finally:
            _request_state.stamp = None

    def _fast_answer(self, request) -> HttpResponse | None:
        if request.method not in ("GET", "HEAD") or getattr(settings, "REQUIRE_API_KEY", False):
            return None
        meta = request.META
        if "HTTP_AUTHORIZATION" in meta or "HTTP_X_API_KEY" in meta:
            return None
        if meta.get("HTTP_ACCEPT") not in PLAIN_ACCEPT:
            return None
        self.representation = representation = _representation(request)
        if representation is None:
            return None
        response = _cached_answer(representation, request)
        if response is None or not anonymous_quota_allows(request):
            return None  # the full path answers (a 429 when the quota is spent)
        representation.add_headers(response, keyed=False)
        response["Allow"] = ", ".join(self.allowed_methods)
        return response

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method not in ("GET", "HEAD"):
            return
        # Computed already when the fast path looked and found no answer.
        representation = self.representation or _representation(request)
        self.representation = representation
        if representation is None:
            return
        response = _cached_answer(representation, request)
        if response is not None:
            raise _Answered(response)

    def handle_exception(self, exc):
        if isinstance(exc, _Answered):
            return exc.response
        return super().handle_exception(exc)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        representation = self.representation
        if representation is None or response.status_code not in (200, 304):
            return response
        # A shared cache must not answer partners for us: their requests count against
        # their own quota and carry their own RateLimit headers.
        keyed = getattr(settings, "REQUIRE_API_KEY", False) or request.auth is not None
        representation.add_headers(response, keyed=keyed)
        if response.status_code != 200:
            return response
        if isinstance(response, Response):
            response.add_post_render_callback(representation.keep)
        elif isinstance(response, HttpResponse) and not getattr(response, "from_cache", False):
            representation.keep(response)  # rendered already (from JSON rendered at load)
        return response
