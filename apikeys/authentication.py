"""Partner platforms authenticate with an API key; a request without one is anonymous.

The key is sent as `Authorization: Bearer <key>` (what generated clients send),
`Authorization: Api-Key <key>` or `X-API-Key: <key>`. A key that is unknown, revoked or
expired is a 401 rather than an anonymous request, so a partner notices at once that its key
stopped working instead of silently dropping to the anonymous quota. So is an Authorization
header of any other scheme (Basic, Token ...) on a request without `X-API-Key`: it carries a
credential this API cannot read, and ignoring it would be the same silent drop. Its 401
echoes the scheme's name at most, never what follows it, and one that holds a single word (a
key without `Bearer`, likely) is told a scheme is needed. The problem document of a failing
key names the header the key came in (`errors[0].parameter`).

Each such 401 counts against the client address (FAILED_KEY_RATE, `throttling.failed_keys`):
past the bound, a request with a key from that address is a 429 with `Retry-After` until
the window ends, answered before the key is looked up, so guessing keys costs no queries.
Requests without a key are not refused by it: the anonymous quota alone decides for them.
"""

import re

from rest_framework.authentication import BaseAuthentication
from rest_framework.exceptions import APIException, AuthenticationFailed, Throttled

from .models import PartnerKey
from .throttling import client_address, failed_keys

KEYWORD = "Api-Key"
BEARER = "Bearer"
HEADER = "X-API-Key"
AUTHORIZATION = "Authorization"
#: The Authorization schemes that carry a key (compared in any case, as RFC 9110 says).
SCHEMES = (BEARER.lower(), KEYWORD.lower())
# What the key generator produces: `<prefix>.<secret>`, letters and digits only. Anything
# else is rejected before a query (PostgreSQL refuses NUL bytes in text, for one).
KEY_PATTERN = re.compile(r"^([A-Za-z0-9]{1,8})\.[A-Za-z0-9]{1,100}$")
#: What an unsupported scheme's name may look like to be echoed in the 401 (Basic, Token,
#: Digest): a key (with its ".") or any other credential is not.
SCHEME_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9-]{0,19}$")


def blaming(failure: APIException, header: str) -> APIException:
    """`failure`, its problem document naming `header` (careerapi.api.errors reads it)."""
    failure.parameter = header
    return failure


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
        found = self.key_from_headers(request)
        if found is None:
            return None
        header, key = found
        try:
            partner_key = self.partner_key_bounded(key, client=client_address(request))
        except (AuthenticationFailed, Throttled) as failure:
            blaming(failure, header)
            raise
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
    def key_from_headers(request) -> tuple[str, str] | None:
        """(the header it came in, the key) of the key the request carries, None without
        one; a 401 for an Authorization header this API cannot read."""
        authorization = request.headers.get(AUTHORIZATION, "").strip()
        # Scheme and key apart by any whitespace: a tab too, not only RFC 9110's spaces.
        scheme, *credentials = authorization.split(None, 1) or [""]
        if scheme.lower() in SCHEMES:
            return AUTHORIZATION, credentials[0].strip() if credentials else ""
        key = request.headers.get(HEADER)
        if key is not None:
            return HEADER, key.strip()
        if not authorization:
            return None
        how = (
            f"send the API key as `{AUTHORIZATION}: {BEARER} <key>`, `{AUTHORIZATION}: "
            f"{KEYWORD} <key>` or `{HEADER}: <key>`, or no {AUTHORIZATION} header for "
            "anonymous access."
        )
        if not credentials:  # one word: a key without its scheme, most likely; not echoed
            failure = AuthenticationFailed(
                f"The {AUTHORIZATION} header needs a scheme before the key: {how}"
            )
            raise blaming(failure, AUTHORIZATION)
        # Only the scheme is echoed, and only when it looks like one: never key material.
        named = f" {scheme!r}" if SCHEME_NAME.match(scheme) else ""
        failure = AuthenticationFailed(f"Unsupported {AUTHORIZATION} scheme{named}: {how}")
        raise blaming(failure, AUTHORIZATION)

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
