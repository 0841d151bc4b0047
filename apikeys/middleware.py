"""Writes the caller's quota, as `ApiKeyRateThrottle` left it, into RateLimit-* headers.

A middleware rather than a view mixin so every DRF view gets the headers, error responses
(400, 404, 429) included, without each view opting in.
"""

from .throttling import REQUEST_ATTRIBUTE


class RateLimitHeadersMiddleware:
    """`RateLimit-Limit`, `RateLimit-Remaining`, `RateLimit-Reset` (seconds) on throttled views."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        rate_limit = getattr(request, REQUEST_ATTRIBUTE, None)
        if rate_limit is not None:
            response["RateLimit-Limit"] = str(rate_limit.limit)
            response["RateLimit-Remaining"] = str(rate_limit.remaining)
            response["RateLimit-Reset"] = str(rate_limit.reset)
        return response
