"""Partner platforms authenticate with an API key; a request without one is anonymous.

The key is sent as `Authorization: Api-Key <key>` or `X-API-Key: <key>`. A key that is
unknown, revoked or expired is a 401 rather than an anonymous request, so a partner notices
at once that its key stopped working instead of silently dropping to the anonymous quota.
"""

import re

from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed

from .models import PartnerKey

KEYWORD = "Api-Key"
HEADER = "X-API-Key"
# What the key generator produces: `<prefix>.<secret>`, letters and digits only. Anything
# else is rejected before a query (PostgreSQL refuses NUL bytes in text, for one).
KEY_PATTERN = re.compile(r"^([A-Za-z0-9]{1,8})\.[A-Za-z0-9]{1,100}$")


class Partner:
    """The partner platform behind a key-authenticated request (`request.user`)."""

    is_authenticated = True
    is_anonymous = False

    def __init__(self, key: PartnerKey):
        self.key = key
        self.name = key.name

    def __str__(self) -> str:
        return self.name


class ApiKeyAuthentication(BaseAuthentication):
    """`request.user` is a `Partner` and `request.auth` its `PartnerKey`, or no key at all."""

    def authenticate(self, request):
        key = self.key_from_headers(request)
        if key is None:
            return None
        partner_key = self.partner_key_check(key)
        return Partner(partner_key), partner_key

    def authenticate_header(self, request) -> str:
        # Makes DRF answer a missing or bad key with 401 (not 403) and this challenge.
        return KEYWORD

    @staticmethod
    def key_from_headers(request) -> str | None:
        scheme, _, credentials = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() == KEYWORD.lower():
            return credentials.strip()
        key = request.headers.get(HEADER)
        return key.strip() if key is not None else None

    @staticmethod
    def partner_key_check(key: str) -> PartnerKey:
        match = KEY_PATTERN.match(key)
        partner_key = None
        if match is not None:
            partner_key = PartnerKey.objects.filter(prefix=match[1]).first()
        if partner_key is None or not partner_key.is_valid(key):
            raise AuthenticationFailed("Unknown API key.")
        if partner_key.revoked:
            raise AuthenticationFailed("This API key has been revoked.")
        if partner_key.has_expired:
            raise AuthenticationFailed(
                f"This API key expired at {partner_key.expiry_date.isoformat()}."
            )
        return partner_key
