"""API keys authenticate partners; bad keys are 401 problems; REQUIRE_API_KEY makes them
mandatory; the OpenAPI schema declares the scheme."""

from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.test import override_settings
from django.utils import timezone

from apikeys.models import PartnerKey

pytestmark = pytest.mark.django_db

URL = "/api/v1/sources/"


def assert_401(response, detail: str) -> None:
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"] == "Bearer, Api-Key"
    body = response.json()
    assert body["status"] == 401 and body["title"] == "Not authenticated"
    assert detail in body["detail"]


def test_a_key_in_the_authorization_header_authenticates(seed_dataset, client, make_key):
    _, key = make_key(rate="7/minute")

    response = client.get(URL, HTTP_AUTHORIZATION=f"Api-Key {key}")

    assert response.status_code == 200
    assert response["RateLimit-Limit"] == "7"  # the key's quota, not the anonymous one


def test_a_key_in_the_x_api_key_header_authenticates(seed_dataset, client, make_key):
    _, key = make_key(rate="7/minute")

    response = client.get(URL, HTTP_X_API_KEY=key)

    assert response.status_code == 200
    assert response["RateLimit-Limit"] == "7"


def test_the_request_knows_the_partner_and_its_key(rf, make_key):
    from apikeys.authentication import ApiKeyAuthentication

    partner_key, key = make_key(name="Acme Jobs")
    request = rf.get(URL, HTTP_X_API_KEY=key)

    user, auth = ApiKeyAuthentication().authenticate(request)

    assert auth == partner_key
    assert user.is_authenticated and str(user) == "Acme Jobs"


@pytest.mark.parametrize(
    "key",
    ["AbCd1234.nothingissuedlikethis0000000000", "not-a-key", "x" * 300, "bad\x00key", ""],
    ids=["well-formed", "malformed", "overlong", "nul-byte", "empty"],
)
def test_an_unknown_key_is_a_401(seed_dataset, client, key):
    assert_401(client.get(URL, HTTP_AUTHORIZATION=f"Api-Key {key}"), "Unknown API key")


def test_a_known_prefix_with_the_wrong_secret_is_a_401(seed_dataset, client, make_key):
    partner_key, _ = make_key()

    response = client.get(URL, HTTP_X_API_KEY=f"{partner_key.prefix}.wrongsecret")

    assert_401(response, "Unknown API key")


def test_a_revoked_key_is_a_401(seed_dataset, client, make_key):
    partner_key, key = make_key()
    partner_key.revoked = True
    partner_key.save()

    assert_401(client.get(URL, HTTP_X_API_KEY=key), "revoked")


def test_an_expired_key_is_a_401(seed_dataset, client, make_key):
    partner_key, key = make_key()
    PartnerKey.objects.filter(pk=partner_key.pk).update(
        expiry_date=timezone.now() - timedelta(minutes=1)
    )

    assert_401(client.get(URL, HTTP_X_API_KEY=key), "expired")


def test_a_key_expiring_later_works(seed_dataset, client, make_key):
    _, key = make_key(expires=timezone.now() + timedelta(days=1))

    assert client.get(URL, HTTP_X_API_KEY=key).status_code == 200


def test_a_bearer_key_authenticates_with_the_keys_quota(seed_dataset, client, make_key):
    _, key = make_key(rate="7/minute")

    response = client.get(URL, HTTP_AUTHORIZATION=f"Bearer {key}")

    assert response.status_code == 200
    assert response["RateLimit-Limit"] == "7"
    assert response["RateLimit-Remaining"] == "6"
    # The scheme is read in any case (RFC 9110), as Api-Key is.
    assert client.get(URL, HTTP_AUTHORIZATION=f"bearer {key}")["RateLimit-Remaining"] == "5"


@pytest.mark.parametrize("key", ["AbCd1234.nothingissuedlikethis0000000000", "not-a-key", ""])
def test_an_unknown_bearer_key_is_a_401(seed_dataset, client, key):
    assert_401(client.get(URL, HTTP_AUTHORIZATION=f"Bearer {key}"), "Unknown API key")


@pytest.mark.parametrize(
    "authorization",
    ["Basic dXNlcjpwYXNz", "Token abc123", "ApiKey abc.def", "Digest username=x"],
)
def test_another_authorization_scheme_is_a_401_not_anonymous(seed_dataset, client, authorization):
    client.get(URL)  # the anonymous answer is cached: it must not be served instead

    response = client.get(URL, HTTP_AUTHORIZATION=authorization)

    scheme, credentials = authorization.split(" ", 1)
    assert_401(response, f"Unsupported Authorization scheme {scheme!r}:")
    detail = response.json()["detail"]
    assert "Authorization: Bearer <key>" in detail
    assert credentials not in detail


# The key of the 401s below: no part of it may be echoed in the answer.
SECRET = "BU9uqseu.4Lp8secret"


@pytest.mark.parametrize("separator", ["\t", "  ", " \t "], ids=["tab", "spaces", "mixed"])
def test_a_bearer_key_may_follow_any_whitespace(seed_dataset, client, make_key, separator):
    _, key = make_key(rate="7/minute")

    response = client.get(URL, HTTP_AUTHORIZATION=f"Bearer{separator}{key}")
    unknown = client.get(URL, HTTP_AUTHORIZATION=f"Bearer{separator}{SECRET}")

    assert response.status_code == 200
    assert response["RateLimit-Limit"] == "7"
    assert_401(unknown, "Unknown API key.")


@pytest.mark.parametrize(
    "authorization",
    [SECRET, f" {SECRET} ", "abc", "Basic"],
    ids=["a key", "a key in spaces", "a word", "a scheme alone"],
)
def test_an_authorization_of_one_word_is_told_a_scheme_is_needed(
    seed_dataset, client, authorization
):
    response = client.get(URL, HTTP_AUTHORIZATION=authorization)

    assert_401(
        response, "The Authorization header needs a scheme before the key: send the API key as"
    )
    detail = response.json()["detail"]
    assert "`Authorization: Bearer <key>`" in detail
    assert authorization.strip() not in detail


@pytest.mark.parametrize(
    "authorization",
    [f"Token\t{SECRET}", f"{SECRET} Bearer", f"Basic:{SECRET} x", "Ünïcode abc", "A" * 21 + " x"],
    ids=["tab", "key first", "no space after the scheme", "not a token", "overlong"],
)
def test_an_unsupported_scheme_echoes_no_more_than_a_scheme_name(
    seed_dataset, client, authorization
):
    response = client.get(URL, HTTP_AUTHORIZATION=authorization)

    assert_401(response, "Unsupported Authorization scheme")
    detail = response.json()["detail"]
    assert SECRET not in detail and "BU9uqseu" not in detail
    scheme = authorization.split(None, 1)[0]
    if scheme == "Token":
        assert "scheme 'Token':" in detail
    else:  # nothing that is no scheme name is echoed
        assert scheme not in detail and "scheme:" in detail


def test_another_authorization_scheme_beside_an_x_api_key_uses_the_key(
    seed_dataset, client, make_key
):
    # A proxy's own credentials in Authorization do not hide the partner's key.
    _, key = make_key(rate="7/minute")

    response = client.get(URL, HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz", HTTP_X_API_KEY=key)

    assert response.status_code == 200
    assert response["RateLimit-Limit"] == "7"


@override_settings(REQUIRE_API_KEY=True)
def test_require_api_key_takes_a_bearer_key(seed_dataset, client, make_key):
    _, key = make_key()

    assert client.get(URL, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 200
    assert_401(client.get(URL, HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz"), "Unsupported")


def test_without_a_key_requests_are_anonymous_by_default(seed_dataset, client):
    assert client.get(URL).status_code == 200


@override_settings(REQUIRE_API_KEY=True)
def test_require_api_key_turns_anonymous_requests_away(seed_dataset, client, make_key):
    _, key = make_key()

    assert_401(client.get(URL), "An API key is required")
    assert_401(client.get("/api/v1/"), "An API key is required")
    assert client.get(URL, HTTP_X_API_KEY=key).status_code == 200


@override_settings(REQUIRE_API_KEY=True)
def test_require_api_key_leaves_the_docs_open(client):
    assert client.get("/api/schema/").status_code == 200
    assert client.get("/api/docs/").status_code == 200


def test_the_schema_declares_the_key_schemes_and_the_401_and_429_problems():
    schema = yaml.safe_load((Path(settings.BASE_DIR) / "openapi.yaml").read_text("utf-8"))

    schemes = schema["components"]["securitySchemes"]
    assert (schemes["BearerAuth"]["type"], schemes["BearerAuth"]["scheme"]) == ("http", "bearer")
    api_key = schemes["ApiKeyAuth"]
    assert (api_key["type"], api_key["in"], api_key["name"]) == ("apiKey", "header", "X-API-Key")
    # Once for the document, anonymous access ({}) among the alternatives: generated clients
    # then take a plain client as well as an authenticated one.
    assert schema["security"] == [{"BearerAuth": []}, {"ApiKeyAuth": []}, {}]
    operation = schema["paths"]["/api/v1/sources/"]["get"]
    assert "security" not in operation
    for status in ("401", "429"):
        assert "application/problem+json" in operation["responses"][status]["content"]


@override_settings(REQUIRE_API_KEY=True)
def test_with_require_api_key_the_schema_has_no_anonymous_alternative(client):
    schema = yaml.safe_load(client.get("/api/schema/").content)

    assert schema["security"] == [{"BearerAuth": []}, {"ApiKeyAuth": []}]
