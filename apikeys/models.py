"""API keys issued to partner platforms, each with its own request quota.

Keys are stored hashed (djangorestframework-api-key); only the prefix before the dot is
kept readable, so a key can be recognised in the admin without being recoverable.
"""

from django.conf import settings
from django.db import models
from rest_framework_api_key.models import AbstractAPIKey

from .rates import validate_rate


class PartnerKey(AbstractAPIKey):
    """An API key of one partner platform, throttled at its own rate."""

    rate = models.CharField(
        max_length=20,
        blank=True,
        validators=[validate_rate],
        help_text="Requests allowed per period: N/second, N/minute, N/hour or N/day "
        "(e.g. 1000/hour). Blank: the default partner rate (PARTNER_DEFAULT_RATE).",
    )

    class Meta(AbstractAPIKey.Meta):
        verbose_name = "partner API key"
        verbose_name_plural = "partner API keys"

    @property
    def effective_rate(self) -> str:
        """The key's own rate, or the default partner rate when it has none."""
        return self.rate or settings.PARTNER_DEFAULT_RATE
