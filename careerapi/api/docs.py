"""GET /api/schema/, /api/docs/ and /api/redoc/: drf-spectacular's schema and its two
documentation pages, open to anyone (`OpenToAnyone`): no key read, no quota counted."""

from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from .views import OpenToAnyone


class SchemaView(OpenToAnyone, SpectacularAPIView):
    """The OpenAPI schema, YAML or JSON as Accept asks."""


class SwaggerView(OpenToAnyone, SpectacularSwaggerView):
    """Swagger UI on the schema."""


class RedocView(OpenToAnyone, SpectacularRedocView):
    """Redoc on the schema."""
