"""Request quotas: per API key at the key's rate, per client IP for anonymous requests.

Counters are fixed windows in the Django cache (Redis when REDIS_URL is set), incremented
atomically, so a quota holds across gunicorn workers and app servers. Keying partners by
their key, not their address, gives two partners behind one IP separate quotas.

The numbers of the last check are left on the HttpRequest for `RateLimitHeadersMiddleware`,
which writes them as `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`.

A conditional request the view will answer 304 is not counted (as GitHub's API does not):
its quota is only read, so its headers still show the state, and it is refused only once
the quota is used up. Should it get another answer after all (a 400 for its parameters),
the middleware counts it then.

Failures are bounded the same way, per client address (the anonymous quota's): API keys
that fail to authenticate (FAILED_KEY_RATE) and failed admin logins (FAILED_LOGIN_RATE).
Past the bound, the client's next attempts are a 429 problem document with `Retry-After`
until the window ends, answered before the key is looked up or the password checked.
"""

import math
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle

from .models import PartnerKey
from .rates import rate_parse

CACHE_KEY = "apikeys:throttle:{ident}"
FAILURES_KEY = "apikeys:failures:{scope}:{ident}"
clock = time.time  # the quota windows' clock (tests set it)
REQUEST_ATTRIBUTE = "rate_limit"
#: (rate, ident) of a request read but not counted, expected to be answered 304.
UNCOUNTED_ATTRIBUTE = "rate_limit_uncounted"


@dataclass(frozen=True)
class RateLimit:
    """The caller's quota after this request: its size, what is left, seconds to reset."""

    limit: int
    remaining: int
    reset: int
    allowed: bool = True


@dataclass(frozen=True)
class Window:
    """The fixed window of a rate that is running now: its counter's cache key, the number
    allowed in it, the seconds left and when it ends."""

    key: str
    limit: int
    reset: int
    ends: float

    @classmethod
    def now(cls, rate: str, *, counter: str) -> "Window":
        limit, period = rate_parse(rate)
        now = clock()
        number = int(now // period)
        ends = (number + 1) * period
        return cls(f"{counter}:{period}:{number}", limit, max(1, math.ceil(ends - now)), ends)


def client_address(request) -> str:
    """The client's address, as the anonymous quota counts it (NUM_PROXIES decides)."""
    return BaseThrottle().get_ident(request)


def quota_count(http_request, *, rate: str, ident: str) -> RateLimit:
    """Count one request against `ident`'s quota; the result is also left on the request."""
    window = Window.now(rate, counter=CACHE_KEY.format(ident=ident))
    count = _count_request(window.key, window.reset)
    limit = window.limit
    rate_limit = RateLimit(limit, max(0, limit - count), window.reset, allowed=count <= limit)
    setattr(http_request, REQUEST_ATTRIBUTE, rate_limit)
    return rate_limit


def quota_read(http_request, *, rate: str, ident: str) -> RateLimit:
    """`ident`'s quota as it stands, without counting this request (one to be answered 304);
    allowed while a request counted now would be. Left on the request as `quota_count`'s."""
    window = Window.now(rate, counter=CACHE_KEY.format(ident=ident))
    count = cache.get(window.key) or 0
    limit = window.limit
    rate_limit = RateLimit(limit, max(0, limit - count), window.reset, allowed=count < limit)
    setattr(http_request, REQUEST_ATTRIBUTE, rate_limit)
    setattr(http_request, UNCOUNTED_ATTRIBUTE, (rate, ident))
    return rate_limit


def quota_count_uncounted(http_request) -> None:
    """Count a request whose quota was only read (`quota_read`), now that it got another
    answer than a 304."""
    uncounted = getattr(http_request, UNCOUNTED_ATTRIBUTE, None)
    if uncounted is not None:
        delattr(http_request, UNCOUNTED_ATTRIBUTE)
        quota_count(http_request, rate=uncounted[0], ident=uncounted[1])


class ApiKeyRateThrottle(BaseThrottle):
    """One quota per API key (PARTNER_DEFAULT_RATE unless the key sets its own), else per IP
    (ANON_RATE). An empty rate means no limit. A request the view will answer 304 is not
    counted (`quota_read`)."""

    def __init__(self):
        self.retry_after: int | None = None

    def allow_request(self, request, view) -> bool:
        rate_limit = getattr(request._request, REQUEST_ATTRIBUTE, None)  # counted already?
        if rate_limit is None:
            partner_key = request.auth if isinstance(request.auth, PartnerKey) else None
            rate = partner_key.effective_rate if partner_key is not None else settings.ANON_RATE
            if not rate:
                return True
            if partner_key is not None:
                ident = f"key:{partner_key.prefix}"
            else:
                ident = f"ip:{client_address(request)}"
            if _not_modified(request, view):
                rate_limit = quota_read(request._request, rate=rate, ident=ident)
            else:
                rate_limit = quota_count(request._request, rate=rate, ident=ident)
        if not rate_limit.allowed:
            self.retry_after = rate_limit.reset
            return False
        return True

    def wait(self) -> int | None:
        return self.retry_after


def _not_modified(request, view) -> bool:
    """Whether the view will answer 304: its `representation` (careerapi.api.caching, a
    floor below that must not know this one) says so from the conditional headers."""
    representation = getattr(view, "representation", None)
    return representation is not None and representation.not_modified(request)


class FailureBound:
    """Failed attempts per client address, counted in the cache in fixed windows of the rate
    in setting `setting` (empty: no bound); past the bound, the client waits for the next.

    Each process also remembers the clients it saw reach the bound (`_reached`), so that
    `refusal(..., known_only=True)` costs a cache round trip only for them: a request with
    a valid key is checked in memory. The counter in the cache stays the rule (a flushed
    cache lets the client through again); a client spread over several processes gets at
    most one attempt past the bound in each before they all know.
    """

    MAX_REMEMBERED = 10_000

    def __init__(self, *, scope: str, setting: str):
        self.scope, self.setting = scope, setting
        self._reached: dict[str, float] = {}  # client -> when its window ends
        self._lock = threading.Lock()

    def window(self, client: str) -> Window | None:
        rate = getattr(settings, self.setting)
        if not rate:
            return None
        return Window.now(rate, counter=FAILURES_KEY.format(scope=self.scope, ident=client))

    def refusal(self, client: str, *, known_only: bool = False) -> int | None:
        """Seconds `client` must wait, having used up its failures; None if it may try.

        With `known_only`, the cache is asked only about a client this process saw reach
        the bound.
        """
        if known_only and client not in self._reached:
            return None
        window = self.window(client)
        if window is None or (cache.get(window.key) or 0) < window.limit:
            self._reached.pop(client, None)
            return None
        return window.reset

    def count(self, client: str) -> int | None:
        """Count a failure of `client`; seconds to wait if it was past the bound, else None."""
        window = self.window(client)
        if window is None:
            return None
        failures = _count_request(window.key, window.reset)
        if failures >= window.limit:
            self._remember(client, window.ends)
        return window.reset if failures > window.limit else None

    def forget(self) -> None:
        """Forget the clients this process saw reach the bound (tests)."""
        with self._lock:
            self._reached.clear()

    def _remember(self, client: str, ends: float) -> None:
        with self._lock:
            if len(self._reached) >= self.MAX_REMEMBERED:
                now = clock()
                self._reached = {c: end for c, end in self._reached.items() if end > now}
                while len(self._reached) >= self.MAX_REMEMBERED:  # the oldest out first
                    del self._reached[next(iter(self._reached))]
            self._reached[client] = ends


failed_keys = FailureBound(scope="key", setting="FAILED_KEY_RATE")
failed_logins = FailureBound(scope="login", setting="FAILED_LOGIN_RATE")


def _count_request(key: str, ttl: int) -> int:
    """Add one to the window's counter and return it (atomic INCR on Redis)."""
    cache.add(key, 0, timeout=ttl + 1)
    try:
        return cache.incr(key)
    except ValueError:  # the window expired between add and incr
        cache.set(key, 1, timeout=ttl + 1)
        return 1
