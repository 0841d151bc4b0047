"""GET /metrics: Prometheus text exposition of every worker's request metrics.

Only with `Authorization: Bearer <METRICS_TOKEN>` or from an address in `METRICS_ALLOWED_IPS`;
anyone else gets the same 404 as any unknown path, whatever the method (no CSRF failure, no
cache headers of its own), so the endpoint does not reveal itself. An allowed scraper's
other method than GET or HEAD is a 405 problem document.
With several gunicorn workers (`PROMETHEUS_MULTIPROC_DIR` set), it adds up the samples every
worker wrote there. The metrics themselves are counted by `careerapi.observability`.
"""

import functools
import hmac
import ipaddress
import os

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    generate_latest,
    multiprocess,
)

from careerapi.api.errors import SAFE_METHODS, method_not_allowed, not_found


def metrics_allowed(request) -> bool:
    """A bearer token equal to METRICS_TOKEN, or a client address in METRICS_ALLOWED_IPS.

    The address is the connection's (REMOTE_ADDR): Prometheus scrapes each app server
    directly, and a forwarded header could be forged.
    """
    token = settings.METRICS_TOKEN
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if token and scheme.lower() == "bearer" and hmac.compare_digest(given.encode(), token.encode()):
        return True
    networks = _networks(tuple(settings.METRICS_ALLOWED_IPS))
    try:
        address = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    return any(address in network for network in networks)


@functools.lru_cache(maxsize=8)
def _networks(entries: tuple[str, ...]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """METRICS_ALLOWED_IPS as networks: addresses (10.0.0.5) or CIDR blocks (10.0.0.0/8)."""
    try:
        return [ipaddress.ip_network(entry, strict=False) for entry in entries]
    except ValueError as error:
        raise ImproperlyConfigured(f"METRICS_ALLOWED_IPS: {error}") from error


@csrf_exempt
def metrics(request) -> HttpResponse:
    """Prometheus text exposition of every worker's metrics, to allowed scrapers only."""
    if not metrics_allowed(request):
        return not_found(request)
    if request.method not in SAFE_METHODS:
        return method_not_allowed(request)
    registry = REGISTRY
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    response = HttpResponse(generate_latest(registry), content_type=CONTENT_TYPE_LATEST)
    add_never_cache_headers(response)
    return response
