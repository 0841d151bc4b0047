"""Root URLs: the versioned API, its OpenAPI schema and docs, the admin, health probes
and Prometheus metrics.

Each app's `api/urls.py` owns its router; this module only mounts them.
"""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from apikeys.logins import login_throttled
from careerapi import health, metrics
from careerapi.api.docs import RedocView, SchemaView, SwaggerView
from careerapi.api.errors import not_found
from careerapi.api.index import ApiIndexView
from careerapi.api.problems import ProblemTypeListView, ProblemTypeView
from careerapi.occupation_page.urls import router as occupation_page
from careerapi.role_page.urls import router as role_page
from compensation.api.urls import router as compensation
from interviews.api.urls import router as interviews
from occupations.api.urls import router as occupations
from roles.api.urls import router as roles
from sources.api.urls import router as sources

admin.site.site_header = "careerapi dataset"
admin.site.site_title = "careerapi admin"

#: The routers of API v1's collections, listed by its index.
COLLECTION_ROUTERS = (sources, occupations, roles, compensation, interviews)

api_v1 = [
    path("", ApiIndexView.as_view(routers=COLLECTION_ROUTERS), name="index"),
    path("", include(sources.urls)),
    path("", include(occupations.urls)),
    path("", include(occupation_page.urls)),
    path("", include(roles.urls)),
    # After the roles app's routes: /roles/match/ is not a role page.
    path("", include(role_page.urls)),
    path("", include(compensation.urls)),
    path("", include(interviews.urls)),
    path("", include("loader.api.urls")),
    path("", include("careerapi.suggest.urls")),
    path("", include("careerapi.title_match.urls")),
]

urlpatterns = [
    path("api/v1/", include((api_v1, "v1"))),
    path("api/schema/", SchemaView.as_view(), name="schema"),
    path("api/docs/", SwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path(
        "api/redoc/",
        # Without drf-spectacular's Google Fonts links: the docs are served fully offline.
        RedocView.as_view(url_name="schema", template_name="docs/redoc.html"),
        name="redoc",
    ),
    # What each problem document's `type` links to (careerapi.api.errors.PROBLEMS_PATH).
    path("api/problems/", ProblemTypeListView.as_view(), name="problem-types"),
    path("api/problems/<slug:slug>/", ProblemTypeView.as_view(), name="problem-type"),
    # Before the admin's own route: failed logins are bounded per client address.
    path(f"{settings.ADMIN_URL}login/", login_throttled(admin.site.login)),
    path(settings.ADMIN_URL, admin.site.urls),
    path("livez", health.livez, name="livez"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),
    # Anything else under /api/ (an unknown version, a typo) is a JSON 404, even with DEBUG on.
    re_path(r"^api/", not_found),
]

handler400 = "careerapi.api.errors.bad_request"
handler403 = "careerapi.api.errors.permission_denied"
handler404 = "careerapi.api.errors.not_found"
handler500 = "careerapi.api.errors.server_error"
