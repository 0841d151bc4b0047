"""Admin for partner API keys: create one (its key is shown once), revoke it, set its expiry.

The package's own `APIKey` model is installed only because the package defines it; keys are
`PartnerKey`s, so its admin page is removed to leave one place to manage keys.
"""

from django.contrib import admin
from rest_framework_api_key.admin import APIKeyModelAdmin
from rest_framework_api_key.models import APIKey

from .models import PartnerKey

if admin.site.is_registered(APIKey):
    admin.site.unregister(APIKey)


@admin.register(PartnerKey)
class PartnerKeyAdmin(APIKeyModelAdmin):
    """Creating a key shows it once in a message; only its hash is stored."""

    list_display = (*APIKeyModelAdmin.list_display, "rate")
    list_filter = ("revoked", "created")

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        return (*fields, "rate") if obj is not None and obj.revoked else fields
