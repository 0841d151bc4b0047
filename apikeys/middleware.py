"""Writes the caller's quota, as `ApiKeyRateThrottle` left it, into RateLimit-* headers
(counting first a request expected to be a 304 that got another answer).

A middleware rather than a view mixin so every DRF view gets the headers, error responses
(400, 404, 429) included, without each view opting in.
"""

from .throttling import REQUEST_ATTRIBUTE, quota_count_uncounted


class RateLimitHeadersMiddleware:
    """`RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (seconds) on throttled views."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code != 304:
            quota_count_uncounted(request)  # expected to be a 304, it was not: it counts
        rate_limit = getattr(request, REQUEST_ATTRIBUTE, None)
        if rate_limit is not None:
            response["RateLimit-Limit"] = str(rate_limit.limit)
            response["RateLimit-Remaining"] = str(rate_limit.remaining)
            response["RateLimit-Reset"] = str(rate_limit.reset)
        return response
