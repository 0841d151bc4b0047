"""Conditional requests and the response cache, both keyed by the dataset version.

The data only changes when a dataset is loaded, so everything a GET returns is fixed by
(dataset version, API version, the release of the code, the normalised URL). From those
alone, before any query or serialization, every GET gets a strong ETag; `If-None-Match` /
`If-Modified-Since` answer 304, and a rendered 200 is kept in the cache (Redis through
REDIS_URL, shared by all app servers) under the release and the URL, with the version it
was rendered from. Loading a dataset changes the version, so nothing older than the last
load is ever served: a cached body of another version is a miss. Each app process also
keeps the bodies it served last (`local_responses`, bounded in bytes), so with the version
held by the process (`dataset.versions.version_watch`) a repeated GET or a 304 needs no
round trip at all.

How a request goes through `CachedResponses.dispatch`, top to bottom:

1. Its representation: the dataset stamp it is answered from (and, unless the process
   holds the stamp, the cached body, read in the same round trip), its ETag and cache key,
   both of the URL and of the variant the view answers it in (`representation_variant`:
   the JSON-LD of a page is not its JSON).
   The stamp is left on the request as `request.dataset`: whatever the answer reads per
   dataset (`dataset.memo`) is read for that stamp.
2. An anonymous GET with a plain Accept, the commonest poll, is answered at once when it
   can be: a 304 (not counted against the quota), or the cached body (counted), by the
   view's throttles. What that took of the view is left on the request (`EarlyRoute`):
   the next such request for the URL is answered the same way before URL resolution
   (careerapi/api/early.py).
3. Otherwise the REST framework's way: authentication, permissions, quota and parameter
   checks; then a 304 or the cached body; only then does the view compute the answer,
   checked to come from one version's rows (`dataset_consistent`). When that is not the
   stamp the request was given (a load whose announcement was lost, a replica behind), the
   answer is computed from the database's version, with its ETag, its cache entry and its
   memos, so it never carries data of one version under another's name.
4. A 200 or 304 gets its ETag, Last-Modified, Cache-Control and Vary headers, and a 200
   the view computed is kept.
"""

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property, lru_cache

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, parse_http_date_safe
from rest_framework.request import Request
from rest_framework.response import Response

from careerapi.release import release_id
from dataset.versions import (
    STAMP_KEY,
    DatasetStamp,
    dataset_consistent,
    dataset_stamp_read,
    dataset_stamp_superseded,
    version_watch,
)

RESPONSE_KEY = "careerapi:response:{url_hash}"
API_VERSION = "v1"
#: Accept headers answered early (JSON, or the format a `format` names); others take the REST
#: framework's way, where content negotiation answers 406 where it must. Each is one
#: `careerapi.api.negotiation` answers with JSON unless `format` names another (an empty
#: Accept asks for anything).
PLAIN_ACCEPT = {None, "", "*/*", "application/json"}
CREDENTIAL_HEADERS = ("HTTP_AUTHORIZATION", "HTTP_X_API_KEY")


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


def normalised_url(request) -> str:
    """Path plus query, parameters sorted by name (each name's values keep their order).

    Sorts the raw query string's pairs: parsing it would cost more than all the rest of a
    cached answer. Two spellings of one query (`%41` and `A`) are two keys; that only
    costs a cache miss.
    """
    pairs = [pair for pair in request.META.get("QUERY_STRING", "").split("&") if pair]
    pairs.sort(key=lambda pair: pair.partition("=")[0])
    return f"{request.path}?{'&'.join(pairs)}"


def entity_tag(version: str, url: str) -> str:
    """The strong ETag of `url` (normalised) answered from dataset `version` by this release."""
    basis = f"{version}|{API_VERSION}|{release_id()}|{url}"
    return '"' + hashlib.sha256(basis.encode()).hexdigest()[:40] + '"'


@lru_cache(maxsize=8)
def _http_date(moment: datetime) -> str:
    return http_date(moment.timestamp())


def _tags(header: str) -> set[str]:
    """The entity tags of an If-None-Match header, compared weakly (W/ ignored) as for GET."""
    return {tag.strip().removeprefix("W/") for tag in header.split(",") if tag.strip()}


@dataclass
class Representation:
    """What a GET will return, known before it is computed: the dataset stamp it is
    answered from, its ETag and its cache key (and the cache entry, once looked up)."""

    stamp: DatasetStamp
    url: str
    cache_key: str
    looked_up: bool = False
    entry: tuple | None = None

    @cached_property
    def etag(self) -> str:
        return entity_tag(self.stamp.version, self.url)

    @classmethod
    def of(cls, request, *, variant: str = "", url: str | None = None) -> "Representation | None":
        """The representation a GET asks for, in `variant` (the JSON's is ""); None before
        any dataset is loaded. `url`: the request's `normalised_url`, when known.

        Unless the process holds the stamp, the stamp is read from the cache together with
        the cached body (when no conditional header makes the body unnecessary).
        """
        url = (url or normalised_url(request)) + (f"#{variant}" if variant else "")
        # Keyed by release too: another release may write another body for the same data.
        keyed = f"{release_id()}|{url}"
        cache_key = RESPONSE_KEY.format(url_hash=hashlib.sha256(keyed.encode()).hexdigest()[:40])
        meta = request.META
        fetched: dict | None = None

        def read() -> DatasetStamp | None:
            nonlocal fetched
            if "HTTP_IF_NONE_MATCH" in meta or "HTTP_IF_MODIFIED_SINCE" in meta:
                return dataset_stamp_read()
            fetched = cache.get_many([STAMP_KEY, cache_key])
            return dataset_stamp_read(fetched.get(STAMP_KEY))

        stamp = version_watch.current(read)
        if stamp is None:
            return None
        if fetched is None:
            return cls(stamp, url, cache_key)
        return cls(stamp, url, cache_key, looked_up=True, entry=fetched.get(cache_key))

    def of_version(self, stamp: DatasetStamp) -> "Representation":
        """The same URL answered from another dataset version."""
        return Representation(stamp, self.url, self.cache_key)

    def not_modified(self, request) -> bool:
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match is not None:
            tags = _tags(if_none_match)
            return "*" in tags or self.etag in tags
        header = request.META.get("HTTP_IF_MODIFIED_SINCE")
        if header is None:
            return False
        since = parse_http_date_safe(header)
        return since is not None and int(self.stamp.loaded_at.timestamp()) <= since

    def cached_body(self) -> tuple[bytes, str] | None:
        """The cached (content, content type) of this version, or None."""
        version = self.stamp.version
        if not self.looked_up:
            self.entry = local_responses.get(self.cache_key, version)
            if self.entry is None:
                self.entry = cache.get(self.cache_key)
                if self.entry is not None and self.entry[0] == version:
                    local_responses.put(self.cache_key, self.entry)
            self.looked_up = True
        if self.entry is None or self.entry[0] != version:
            return None
        return self.entry[1], self.entry[2]

    def answer(self, request) -> HttpResponse | None:
        """A 304, or the cached 200, when the client's copy or the cache has the answer."""
        if self.not_modified(request):
            response = HttpResponse(status=304)
            del response["Content-Type"]  # no body: not HttpResponse's default text/html
            return response
        cached = self.cached_body()
        if cached is None:
            return None
        response = HttpResponse(cached[0], content_type=cached[1])
        response.from_cache = True
        return response

    def keep(self, response) -> None:
        """Keep a rendered 200 in the response cache (and this process's copies)."""
        entry = (self.stamp.version, response.content, response["Content-Type"])
        cache.set(self.cache_key, entry, timeout=settings.API_RESPONSE_CACHE_SECONDS)
        local_responses.put(self.cache_key, entry)

    def add_headers(self, response, *, private: bool) -> None:
        response["ETag"] = self.etag
        response["Last-Modified"] = _http_date(self.stamp.loaded_at)
        visibility = "private" if private else "public"
        response["Cache-Control"] = f"{visibility}, max-age={settings.API_CACHE_MAX_AGE}"
        # Accept picks the body: JSON, or JSON-LD where a page offers it (else a 406).
        if response.has_header("Vary"):
            patch_vary_headers(response, ["Accept"])
        else:
            response["Vary"] = "Accept"


def early_eligible(meta: dict) -> bool:
    """Whether a GET may be answered from its validators or the cache before the REST
    framework sets up a request.

    Only while anonymous calls are allowed (REQUIRE_API_KEY off) and for a request without
    credentials: it is then authenticated as anonymous and passes every permission, and its
    parameters are known to be valid, because only a valid request's answer is ever cached
    or tagged. Only with a plain Accept (another may be a 406). `If-Modified-Since` alone
    proves nothing of the sort (a date fits any URL), so it goes the full way, where its
    parameters are checked.
    """
    return not (
        getattr(settings, "REQUIRE_API_KEY", False)
        or any(header in meta for header in CREDENTIAL_HEADERS)
        or meta.get("HTTP_ACCEPT") not in PLAIN_ACCEPT
        or ("HTTP_IF_MODIFIED_SINCE" in meta and "HTTP_IF_NONE_MATCH" not in meta)
    )


def answer_early(
    request, representation: Representation, *, throttles, view, allow: str
) -> HttpResponse | None:
    """A 304 or the cached 200 of an `early_eligible` request, counted by `throttles` (those
    of the view that answers the URL, asked with `view`), with the headers the full way
    gives it; None when neither applies or the quota refuses it (the full way then answers
    the 429: the throttles count a request once, however often they are asked; a 304 they
    do not count)."""
    response = representation.answer(request)
    if response is None:
        return None
    anonymous = Request(request)  # no authenticators: the request carries no key
    if not all(throttle.allow_request(anonymous, view) for throttle in throttles):
        return None
    representation.add_headers(response, private=False)
    response["Allow"] = allow
    return response


@dataclass(frozen=True)
class EarlyRoute:
    """What answering a URL early took of its view: its URL match (for the route the request
    log and the metrics name), the representation variant, the throttles and Allow."""

    resolver_match: object
    variant: str
    throttle_classes: tuple
    allow: str


class CachedResponses:
    """View mixin: ETag, Last-Modified and Cache-Control on every GET, 304s and cached
    bodies, read top to bottom in `dispatch` (see the module)."""

    representation: Representation | None = None
    variant = ""  # the representation's, of `representation_variant`

    def dispatch(self, request, *args, **kwargs):
        safe = request.method in ("GET", "HEAD")
        self.representation, self.variant = None, ""
        if safe:
            self.variant = self.representation_variant(request)
            # Looked up already by careerapi/api/early.py, which could not answer it.
            looked_up = getattr(request, "early_representation", None)
            if looked_up is not None and looked_up[0] == self.variant:
                self.representation = looked_up[1]
            else:
                self.representation = Representation.of(request, variant=self.variant)
        request.dataset = self.representation.stamp if self.representation else None
        early = self.early_answer(request)
        if early is not None:
            return early
        # The REST framework's own dispatch (rest_framework.views.APIView.dispatch), with
        # the cached answer looked up between the request's checks and the handler.
        self.args, self.kwargs = args, kwargs
        request = self.initialize_request(request, *args, **kwargs)
        self.request, self.headers = request, self.default_response_headers
        try:
            self.initial(request, *args, **kwargs)
            response = self.cached_answer()
            if response is None:
                response = self.computed_answer(request, *args, **kwargs)
        except Exception as exc:
            response = self.handle_exception(exc)
        self.response = self.finalize_response(request, response, *args, **kwargs)
        return self.response

    def representation_variant(self, request) -> str:
        """Which representation of the URL the request gets, other than the JSON ("")."""
        return ""

    def handler(self, request):
        """The method handler, as the REST framework picks it."""
        method = request.method.lower()
        if method not in self.http_method_names:
            return self.http_method_not_allowed
        return getattr(self, method, self.http_method_not_allowed)

    def early_answer(self, request) -> HttpResponse | None:
        """A 304 or the cached 200 for an anonymous GET with a plain Accept (`early_eligible`),
        counted by the view's throttles, before the REST framework sets up a request; else
        None. What it needed of the view is left on the request (`EarlyRoute`), so the next
        request for the URL can be answered before URL resolution (careerapi/api/early.py)."""
        representation = self.representation
        if representation is None or not early_eligible(request.META):
            return None
        allow = ", ".join(self.allowed_methods)
        response = answer_early(
            request, representation, throttles=self.get_throttles(), view=self, allow=allow
        )
        if response is not None:
            request.early_route = EarlyRoute(
                resolver_match=request.resolver_match,
                variant=self.variant,
                throttle_classes=tuple(self.throttle_classes),
                allow=allow,
            )
        return response

    def cached_answer(self) -> HttpResponse | None:
        """A 304 or the cached 200 for a GET that passed the REST framework's checks."""
        if self.representation is None:
            return None
        return self.representation.answer(self.request)

    def computed_answer(self, request, *args, **kwargs):
        """The handler's answer; for a GET, checked to come from one version's rows."""
        handler = self.handler(request)
        if self.representation is None:
            return handler(request, *args, **kwargs)

        def compute(stamp: DatasetStamp):
            if stamp != self.representation.stamp:
                self.version_differs(request, stamp)
                response = self.cached_answer()
                if response is not None:
                    return response
            return handler(request, *args, **kwargs)

        return dataset_consistent(compute, held=self.representation.stamp)

    def version_differs(self, request, stamp: DatasetStamp) -> None:
        """Answer from `stamp`, the version of the rows read, not the one held."""
        dataset_stamp_superseded(self.representation.stamp, stamp)
        self.representation = self.representation.of_version(stamp)
        request.dataset = request._request.dataset = stamp

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        representation = self.representation
        if representation is None or response.status_code not in (200, 304):
            return response
        # A shared cache must not answer partners for us: their requests count against
        # their own quota and carry their own RateLimit headers.
        private = getattr(settings, "REQUIRE_API_KEY", False) or request.auth is not None
        representation.add_headers(response, private=private)
        if response.status_code != 200 or getattr(response, "from_cache", False):
            return response
        if isinstance(response, Response):
            response.add_post_render_callback(representation.keep)
        elif isinstance(response, HttpResponse):
            representation.keep(response)  # rendered already (from JSON rendered at load)
        return response
