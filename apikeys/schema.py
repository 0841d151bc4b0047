"""OpenAPI security schemes for API keys, so Swagger UI's Authorize button takes a key and
generated clients send it.

The key is declared twice, as alternatives: an HTTP bearer scheme (`Authorization: Bearer
<key>`, what `AuthenticatedClient(token=...)` of openapi-python-client and most other
generators send) and an apiKey scheme in `X-API-Key`. Operations list both and, unless
REQUIRE_API_KEY is on, anonymous access (`{}`) as alternatives: the schema says what the
server configured at generation time enforces, and generators then accept a plain client.
"""

from django.conf import settings
from drf_spectacular.extensions import OpenApiAuthenticationExtension

from .authentication import BEARER, HEADER, KEYWORD

QUOTAS = (
    "Requests without a key are anonymous and throttled by client IP; each key has its own quota."
)


class ApiKeyAuthenticationScheme(OpenApiAuthenticationExtension):
    target_class = "apikeys.authentication.ApiKeyAuthentication"
    name = ["BearerAuth", "ApiKeyAuth"]

    def get_security_definition(self, auto_schema):
        return [
            {
                "type": "http",
                "scheme": BEARER.lower(),
                "description": f"A partner API key, sent as `Authorization: {BEARER} <key>` "
                f"(or `Authorization: {KEYWORD} <key>`). {QUOTAS}",
            },
            {
                "type": "apiKey",
                "in": "header",
                "name": HEADER,
                "description": f"A partner API key, sent as `{HEADER}: <key>`. {QUOTAS}",
            },
        ]

    def get_security_requirement(self, auto_schema):
        requirements = [{name: []} for name in self.name]
        return requirements if settings.REQUIRE_API_KEY else [*requirements, {}]
