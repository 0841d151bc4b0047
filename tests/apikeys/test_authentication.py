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
    assert response["WWW-Authenticate"] == "Api-Key"
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


def test_another_authorization_scheme_is_anonymous(seed_dataset, client):
    response = client.get(URL, HTTP_AUTHORIZATION="Bearer something")

    assert response.status_code == 200


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


def test_the_schema_declares_the_key_scheme_and_the_401_and_429_problems():
    schema = yaml.safe_load((Path(settings.BASE_DIR) / "openapi.yaml").read_text("utf-8"))

    scheme = schema["components"]["securitySchemes"]["ApiKeyAuth"]
    assert (scheme["type"], scheme["in"], scheme["name"]) == ("apiKey", "header", "X-API-Key")
    operation = schema["paths"]["/api/v1/sources/"]["get"]
    assert operation["security"] == [{"ApiKeyAuth": []}, {}]
    for status in ("401", "429"):
        assert "application/problem+json" in operation["responses"][status]["content"]
