"""REQUIRE_API_KEY=true makes an API key mandatory; by default anonymous calls are allowed."""

from django.conf import settings
from rest_framework.exceptions import NotAuthenticated
from rest_framework.permissions import BasePermission

from .authentication import HEADER, blaming
from .models import PartnerKey


class ApiKeyRequiredIfConfigured(BasePermission):
    """Anonymous requests pass unless REQUIRE_API_KEY is on; then they are a 401."""

    message = (
        "An API key is required: send it as `Authorization: Bearer <key>`, `X-API-Key: <key>` "
        "or `Authorization: Api-Key <key>`."
    )

    def has_permission(self, request, view) -> bool:
        if settings.REQUIRE_API_KEY and not isinstance(request.auth, PartnerKey):
            # Raised here: DRF would answer a failed permission with its generic message.
            # One header is named, the one OpenAPI's apiKey scheme names; the detail says
            # Authorization does as well.
            raise blaming(NotAuthenticated(self.message), HEADER)
        return True
