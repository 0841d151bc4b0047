"""Request quotas: per API key at the key's rate, per client IP for anonymous requests.

Counters are fixed windows in the Django cache (Redis when REDIS_URL is set), incremented
atomically, so a quota holds across gunicorn workers and app servers. Keying partners by
their key, not their address, gives two partners behind one IP separate quotas.

The numbers of the last check are left on the HttpRequest for `RateLimitHeadersMiddleware`,
which writes them as `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`.
"""

import math
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from rest_framework.throttling import BaseThrottle

from .models import PartnerKey
from .rates import rate_parse

CACHE_KEY = "apikeys:throttle:{ident}:{period}:{window}"
clock = time.time  # the quota windows' clock (tests set it)
REQUEST_ATTRIBUTE = "rate_limit"


@dataclass(frozen=True)
class RateLimit:
    """The caller's quota after this request: its size, what is left, seconds to reset."""

    limit: int
    remaining: int
    reset: int
    allowed: bool = True


def quota_count(http_request, *, rate: str, ident: str) -> RateLimit:
    """Count one request against `ident`'s quota; the result is also left on the request."""
    limit, period = rate_parse(rate)
    now = clock()
    window = int(now // period)
    reset = max(1, math.ceil((window + 1) * period - now))
    count = _count_request(CACHE_KEY.format(ident=ident, period=period, window=window), reset)
    rate_limit = RateLimit(limit, max(0, limit - count), reset, allowed=count <= limit)
    setattr(http_request, REQUEST_ATTRIBUTE, rate_limit)
    return rate_limit


def anonymous_quota_allows(http_request) -> bool:
    """Count an anonymous request (by client IP, ANON_RATE) and say whether it may pass.

    For views that answer before the REST framework runs (cached answers); the throttle
    then sees the request was counted and does not count it again.
    """
    if not settings.ANON_RATE:
        return True
    ident = f"ip:{BaseThrottle().get_ident(http_request)}"
    return quota_count(http_request, rate=settings.ANON_RATE, ident=ident).allowed


class ApiKeyRateThrottle(BaseThrottle):
    """One quota per API key (PARTNER_DEFAULT_RATE unless the key sets its own), else per IP
    (ANON_RATE). An empty rate means no limit."""

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
                ident = f"ip:{self.get_ident(request)}"
            rate_limit = quota_count(request._request, rate=rate, ident=ident)
        if not rate_limit.allowed:
            self.retry_after = rate_limit.reset
            return False
        return True

    def wait(self) -> int | None:
        return self.retry_after


def _count_request(key: str, ttl: int) -> int:
    """Add one to the window's counter and return it (atomic INCR on Redis)."""
    cache.add(key, 0, timeout=ttl + 1)
    try:
        return cache.incr(key)
    except ValueError:  # the window expired between add and incr
        cache.set(key, 1, timeout=ttl + 1)
        return 1
