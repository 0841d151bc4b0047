"""OpenAPI security scheme for API keys, so Swagger UI's Authorize button takes a key.

Operations list the key and, unless REQUIRE_API_KEY is on, anonymous access (`{}`) as
alternatives: the schema says what the server configured at generation time enforces.
"""

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension

from .authentication import HEADER, KEYWORD


class ApiKeyAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "apikeys.authentication.ApiKeyAuthentication"
    name = "ApiKeyAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": HEADER,
            "description": f"A partner API key, sent as `{HEADER}: <key>` (or "
            f"`Authorization: {KEYWORD} <key>`). Requests without a key are anonymous and "
            "throttled by client IP; each key has its own quota.",
        }

    def get_security_requirement(self, auto_schema):
        requirement = {self.name: []}
        return [requirement] if settings.REQUIRE_API_KEY else [requirement, {}]
