"""Partner platforms authenticate with an API key; a request without one is anonymous.

The key is sent as `Authorization: Bearer <key>` (what generated clients send),
`Authorization: Api-Key <key>` or `X-API-Key: <key>`. A key that is unknown, revoked or
expired is a 401 rather than an anonymous request, so a partner notices at once that its key
stopped working instead of silently dropping to the anonymous quota. So is an Authorization
header of any other scheme (Basic, Token ...) on a request without `X-API-Key`: it carries a
credential this API cannot read, and ignoring it would be the same silent drop.

Each such 401 counts against the client address (FAILED_KEY_RATE, `throttling.failed_keys`):
past the bound, a request with a key from that address is a 429 with `Retry-After` until
the window ends, answered before the key is looked up, so guessing keys costs no queries.
Requests without a key are not refused by it: the anonymous quota alone decides for them.
"""

import re

from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import AuthenticationFailed, Throttled

from .models import PartnerKey
from .throttling import client_address, failed_keys

KEYWORD = "Api-Key"
BEARER = "Bearer"
HEADER = "X-API-Key"
#: The Authorization schemes that carry a key (compared in any case, as RFC 9110 says).
SCHEMES = (BEARER.lower(), KEYWORD.lower())
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
        partner_key = self.partner_key_bounded(key, client=client_address(request))
        return Partner(partner_key), partner_key

    def partner_key_bounded(self, key: str, *, client: str) -> PartnerKey:
        """`partner_key_check`, each failure counted against `client`; a 429 past the bound
        (before the lookup once this process knows the client reached it)."""
        wait = failed_keys.refusal(client, known_only=True)
        if wait is None:
            try:
                return self.partner_key_check(key)
            except AuthenticationFailed:
                wait = failed_keys.count(client)
                if wait is None:
                    raise
        raise Throttled(wait, detail="Too many requests with a failing API key from this address.")

    def authenticate_header(self, request) -> str:
        # Makes DRF answer a missing or bad key with 401 (not 403) and these challenges.
        return f"{BEARER}, {KEYWORD}"

    @staticmethod
    def key_from_headers(request) -> str | None:
        """The key the request carries, None without one; a 401 for an unreadable scheme."""
        authorization = request.headers.get("Authorization", "").strip()
        scheme, _, credentials = authorization.partition(" ")
        if scheme.lower() in SCHEMES:
            return credentials.strip()
        key = request.headers.get(HEADER)
        if key is not None:
            return key.strip()
        if authorization:
            raise AuthenticationFailed(
                f"Unsupported Authorization scheme {scheme[:20]!r}: send the API key as "
                f"`Authorization: {BEARER} <key>`, `Authorization: {KEYWORD} <key>` or "
                f"`{HEADER}: <key>`, or no Authorization header for anonymous access."
            )
        return None

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
