"""The ceiling view, and the two probes bench/server.py waits on."""

from django.http import HttpResponse
from django.urls import path

from bench.ceiling import ceiling


def ok(request):
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path("bench/ceiling/", ceiling, name="bench-ceiling"),
    path("livez", ok),
    path("readyz", ok),
]
