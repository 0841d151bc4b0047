"""Cached answers and 304s before URL resolution: `EarlyAnswerMiddleware`.

A view of `careerapi.api.caching.CachedResponses` answers an anonymous GET with a plain
Accept from the client's validators or the response cache before the REST framework sets up
a request. What that took of the view (its URL match, representation variant, throttles and
Allow) it leaves on the request as an `EarlyRoute`; this middleware remembers it per URL and
Accept (`early_routes`, bounded), so the next such request for the URL is answered in the
same way by the same function (`answer_early`: the dataset version held, the quota counted by
the same throttles, the same headers) without URL resolution, the view or the REST
framework. Innermost in `MIDDLEWARE`, so every other middleware (request id and log,
metrics, CORS, security headers, compression, RateLimit headers) handles its answer as
any other. When it cannot answer (the body left the cache, the quota refuses, another
version), the request goes the full way, with the representation already looked up.
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass

from .caching import EarlyRoute, Representation, answer_early, early_eligible, normalised_url

#: URLs remembered per process; each entry is small (the view's URL match and a few names).
MAX_ROUTES = 2000


class EarlyRoutes:
    """The `EarlyRoute` of each (URL, Accept) answered early last, least recently used out
    first."""

    def __init__(self, limit: int = MAX_ROUTES):
        self.limit = limit
        self._routes: OrderedDict[tuple, EarlyRoute] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple) -> EarlyRoute | None:
        with self._lock:
            route = self._routes.get(key)
            if route is not None:
                self._routes.move_to_end(key)
            return route

    def put(self, key: tuple, route: EarlyRoute) -> None:
        with self._lock:
            self._routes[key] = route
            self._routes.move_to_end(key)
            while len(self._routes) > self.limit:
                self._routes.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._routes.clear()


early_routes = EarlyRoutes()


@dataclass(frozen=True)
class _Answering:
    """What the throttles ask of the view answering: the representation (a 304 is not
    counted)."""

    representation: Representation


class EarlyAnswerMiddleware:
    """Answers a GET the view answered early before, as the view would (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not early_eligible(request.META):
            return self.get_response(request)
        url = normalised_url(request)
        key = (url, request.META.get("HTTP_ACCEPT"))
        route = early_routes.get(key)
        if route is not None:
            response = self.answer(request, route, url)
            if response is not None:
                return response
        response = self.get_response(request)
        found = getattr(request, "early_route", None)
        if found is not None:
            early_routes.put(key, found)
        return response

    @staticmethod
    def answer(request, route: EarlyRoute, url: str):
        representation = Representation.of(request, variant=route.variant, url=url)
        if representation is None:
            return None
        throttles = [throttle() for throttle in route.throttle_classes]
        answering = _Answering(representation)
        response = answer_early(
            request, representation, throttles=throttles, view=answering, allow=route.allow
        )
        if response is None:
            request.early_representation = (route.variant, representation)  # for the view
            return None
        request.resolver_match = route.resolver_match  # the route the log and metrics name
        request.dataset = representation.stamp
        return response
