"""The project's URLs plus the harness's ceiling view; only bench.settings mounts this."""

from django.urls import path

from careerapi.urls import *  # noqa: F403  (handler400 … handler500 too)
from careerapi.urls import urlpatterns as project_urlpatterns

from .ceiling import ceiling

# Before the project's catch-alls; /bench/ is not a path the API uses.
urlpatterns = [path("bench/ceiling/", ceiling, name="bench-ceiling"), *project_urlpatterns]
