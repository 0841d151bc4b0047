"""The apikeys app: partner API keys, per-key quotas, failure bounds, and the checks on their
settings."""

from django.apps import AppConfig
from django.conf import settings
from django.core import checks

from .rates import RATE_PATTERN


class ApikeysConfig(AppConfig):
    name = "apikeys"
    verbose_name = "API keys"

    def ready(self):
        from . import schema  # noqa: F401 - registers the OpenAPI security scheme

        checks.register(check_rate_settings, checks.Tags.security)


def check_rate_settings(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """The rate settings must parse, or every request they apply to would fail."""
    return [
        checks.Error(
            f"{name}={value!r} is not a rate such as 1000/hour (N/second|minute|hour|day), "
            "nor empty (no limit).",
            id="apikeys.E001",
        )
        for name in ("ANON_RATE", "PARTNER_DEFAULT_RATE", "FAILED_KEY_RATE", "FAILED_LOGIN_RATE")
        if (value := getattr(settings, name, "")) and not RATE_PATTERN.match(value)
    ]
