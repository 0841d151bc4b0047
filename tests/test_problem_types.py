"""Every problem document's `type` is a page the API serves: the problem catalogue."""

from urllib.parse import urlsplit

import pytest
from django.test import override_settings

from careerapi.api.errors import PROBLEMS

pytestmark = pytest.mark.django_db

#: A request for each cause of error the API answers itself (method, path, headers).
CAUSES = {
    400: ("get", "/api/v1/roles/?colour=red", {}),
    401: ("get", "/api/v1/roles/", {"HTTP_X_API_KEY": "nope.nope"}),
    404: ("get", "/api/v1/roles/no-such-role/", {}),
    405: ("post", "/api/v1/roles/", {}),
    406: ("get", "/api/v1/roles/", {"HTTP_ACCEPT": "application/xml"}),
}


def problem_page(client, type_uri: str):
    """The answer to following a problem's `type` on this server."""
    assert type_uri.startswith("/api/problems/"), type_uri
    return client.get(type_uri)


@pytest.mark.parametrize("status", sorted(CAUSES))
def test_the_type_of_a_real_error_resolves_to_its_description(seed_dataset, client, status):
    method, path, headers = CAUSES[status]
    body = getattr(client, method)(path, **headers).json()
    assert body["status"] == status

    page = problem_page(client, body["type"])

    assert page.status_code == 200
    described = page.json()
    assert (described["type"], described["title"], described["status"]) == (
        body["type"],
        body["title"],
        status,
    )
    assert described["description"]


def test_every_type_the_api_can_emit_resolves_without_a_dataset_or_a_key(client):
    listed = client.get("/api/problems/").json()["results"]

    assert {item["status"] for item in listed} == set(PROBLEMS)
    with override_settings(REQUIRE_API_KEY=True):
        for item in listed:
            page = client.get(item["type"])
            assert page.status_code == 200, item["type"]
            assert page.json() == item


def test_types_are_absolute_from_the_public_base_url_when_it_is_set(seed_dataset, client):
    with override_settings(PUBLIC_BASE_URL="https://api.example.com"):
        body = client.get("/api/v1/roles/no-such-role/").json()
        listed = client.get("/api/problems/").json()["results"]

    assert body["type"] == "https://api.example.com/api/problems/not-found/"
    assert all(urlsplit(item["type"]).netloc == "api.example.com" for item in listed)
    assert client.get(urlsplit(body["type"]).path).status_code == 200


def test_an_unknown_problem_type_is_a_404_problem(client):
    response = client.get("/api/problems/no-such-problem/")

    assert response.status_code == 404
    assert response.json()["type"] == "/api/problems/not-found/"


def test_a_status_without_a_page_of_its_own_is_about_blank():
    from careerapi.api.errors import problem

    assert problem(418, "No coffee here.")["type"] == "about:blank"
    assert problem(418, "No coffee here.")["title"] == "I'm a Teapot"


# --- open to anyone: no key read, no quota counted --------------------------------------

OPEN_PATHS = ["/api/problems/", "/api/problems/not-authenticated/", "/api/schema/", "/api/docs/"]
CREDENTIALS = {
    "a failing X-API-Key": {"HTTP_X_API_KEY": "AbCd1234.zzzz"},
    "a proxy's Basic": {"HTTP_AUTHORIZATION": "Basic dXNlcjpwYXNz"},
    "a key without its scheme": {"HTTP_AUTHORIZATION": "AbCd1234.zzzz"},
}


@pytest.mark.parametrize("require_key", [False, True], ids=["keys optional", "keys required"])
@pytest.mark.parametrize("credentials", CREDENTIALS)
@pytest.mark.parametrize("path", OPEN_PATHS)
def test_the_catalogue_schema_and_docs_answer_whatever_credentials_are_sent(
    client, path, credentials, require_key
):
    with override_settings(REQUIRE_API_KEY=require_key):
        response = client.get(path, **CREDENTIALS[credentials])

    assert response.status_code == 200, response.content[:300]
    assert "RateLimit-Limit" not in response


def test_a_failing_key_there_does_not_count_towards_the_failing_key_bound(seed_dataset, client):
    with override_settings(FAILED_KEY_RATE="2/minute"):
        for _ in range(3):
            assert client.get("/api/problems/", HTTP_X_API_KEY="AbCd1234.zzzz").status_code == 200
        statuses = [client.get("/api/v1/roles/", HTTP_X_API_KEY="AbCd1234.zzzz").status_code]
        statuses += [client.get("/api/v1/roles/", HTTP_X_API_KEY="AbCd1234.zzzz").status_code]

    assert statuses == [401, 401]  # the two failures the bound allows are still to come


@pytest.mark.parametrize(
    "path", ["/api/problems/too-many-requests/", "/api/problems/", "/api/schema/", "/api/redoc/"]
)
def test_with_the_anonymous_quota_used_up_the_catalogue_schema_and_docs_still_answer(
    seed_dataset, client, path
):
    with override_settings(ANON_RATE="1/minute"):
        assert client.get("/api/v1/roles/").status_code == 200
        assert client.get("/api/v1/roles/").status_code == 429

        response = client.get(path)

    assert response.status_code == 200
    assert not {"RateLimit-Limit", "RateLimit-Remaining", "Retry-After"} & set(response.headers)


def test_the_catalogue_schema_and_docs_count_against_no_quota(seed_dataset, client):
    with override_settings(ANON_RATE="2/minute"):
        for path in [*OPEN_PATHS, "/api/redoc/"] * 2:
            assert client.get(path).status_code == 200, path

        first = client.get("/api/v1/roles/")

    assert first.status_code == 200
    assert first["RateLimit-Remaining"] == "1"  # the first counted request of the window


def test_the_catalogue_answers_the_same_whatever_credentials(seed_dataset, client):
    plain = client.get("/api/problems/not-authenticated/")
    with_basic = client.get(
        "/api/problems/not-authenticated/", HTTP_AUTHORIZATION="Basic dXNlcjpwYXNz"
    )

    assert with_basic.content == plain.content
    assert with_basic["Cache-Control"] == plain["Cache-Control"]


def test_a_problem_type_is_found_in_any_case(client):
    response = client.get("/api/problems/Too-Many-Requests/")

    assert response.status_code == 200
    assert response.json()["slug"] == "too-many-requests"
