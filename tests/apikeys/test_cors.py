"""CORS for browser widgets: allowed origins only, API paths only, read methods, no cookies."""

import pytest

pytestmark = pytest.mark.django_db

URL = "/api/v1/sources/"
ALLOWED = "https://jobs.example"


@pytest.fixture(autouse=True)
def allowed_origins(settings):
    settings.CORS_ALLOWED_ORIGINS = [ALLOWED]


def preflight(client, origin, path=URL):
    return client.options(
        path,
        HTTP_ORIGIN=origin,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="x-api-key, if-none-match",
    )


def test_a_preflight_from_an_allowed_origin_is_answered(client):
    response = preflight(client, ALLOWED)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    assert set(response["Access-Control-Allow-Methods"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    allowed_headers = set(response["Access-Control-Allow-Headers"].split(", "))
    assert {"authorization", "x-api-key", "if-none-match", "if-modified-since"} <= allowed_headers
    assert "Access-Control-Allow-Credentials" not in response


def test_a_preflight_from_a_foreign_origin_gets_no_cors_headers(client):
    response = preflight(client, "https://evil.example")

    assert "Access-Control-Allow-Origin" not in response
    assert "Access-Control-Allow-Methods" not in response


def test_a_cross_origin_get_exposes_the_caching_and_quota_headers(seed_dataset, client):
    response = client.get(URL, HTTP_ORIGIN=ALLOWED)

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == ALLOWED
    exposed = set(response["Access-Control-Expose-Headers"].split(", "))
    assert exposed == {
        "X-Request-ID",
        "ETag",
        "Last-Modified",
        "Retry-After",
        "RateLimit-Limit",
        "RateLimit-Remaining",
        "RateLimit-Reset",
    }


def test_cors_applies_to_api_paths_only(client):
    response = preflight(client, ALLOWED, path="/admin/login/")

    assert "Access-Control-Allow-Origin" not in response


def test_no_origin_is_allowed_by_default(client, settings):
    settings.CORS_ALLOWED_ORIGINS = []

    assert "Access-Control-Allow-Origin" not in preflight(client, ALLOWED)
