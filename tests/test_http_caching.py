"""Conditional requests and the response cache, keyed by the dataset version."""

import pytest
from django.test import override_settings
from django.utils.http import http_date

from careerapi.api.caching import LocalResponses
from loader.services import dataset_load

pytestmark = pytest.mark.django_db

ROLES = "/api/v1/roles/"


@pytest.mark.parametrize(
    "url",
    ["/api/v1/", ROLES, f"{ROLES}aws-developer/", "/api/v1/dataset/", "/api/v1/salary-bands/"],
)
def test_every_get_carries_validators_and_cache_control(seed_dataset, client, url):
    response = client.get(url)

    assert response.status_code == 200
    assert response["ETag"].startswith('"') and response["ETag"].endswith('"')  # strong
    assert response["Last-Modified"] == http_date(seed_dataset.version.loaded_at.timestamp())
    assert response["Cache-Control"] == "public, max-age=60"
    assert "Accept" in response["Vary"]


def test_the_etag_differs_by_query_but_not_by_parameter_order(seed_dataset, client):
    one = client.get(f"{ROLES}?family=software-engineering&ordering=slug")["ETag"]
    same = client.get(f"{ROLES}?ordering=slug&family=software-engineering")["ETag"]
    other = client.get(f"{ROLES}?ordering=-slug")["ETag"]

    assert one == same != other


def test_if_none_match_answers_304_without_a_query(seed_dataset, client, django_assert_num_queries):
    etag = client.get(ROLES)["ETag"]

    with django_assert_num_queries(0):
        response = client.get(ROLES, HTTP_IF_NONE_MATCH=etag)

    assert response.status_code == 304
    assert response.content == b""
    assert response["ETag"] == etag


@pytest.mark.parametrize("header", ["*", 'W/"{etag}"', '"nope", "{etag}"'])
def test_if_none_match_forms(seed_dataset, client, header):
    etag = client.get(ROLES)["ETag"].strip('"')

    assert client.get(ROLES, HTTP_IF_NONE_MATCH=header.format(etag=etag)).status_code == 304


def test_a_stale_etag_gets_the_full_answer(seed_dataset, client):
    assert client.get(ROLES, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_if_modified_since(seed_dataset, client):
    last_modified = client.get(ROLES)["Last-Modified"]

    assert client.get(ROLES, HTTP_IF_MODIFIED_SINCE=last_modified).status_code == 304
    assert client.get(ROLES, HTTP_IF_MODIFIED_SINCE=http_date(0)).status_code == 200


def test_a_repeated_get_is_served_from_the_cache(seed_dataset, client, django_assert_num_queries):
    first = client.get(ROLES, {"skill": "python"})

    with django_assert_num_queries(0):
        second = client.get(ROLES, {"skill": "python"})

    assert second.status_code == 200
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]
    assert second["Content-Type"] == "application/json"


def test_head_works_with_the_same_validators(seed_dataset, client):
    get = client.get(f"{ROLES}aws-developer/")
    head = client.head(f"{ROLES}aws-developer/")

    assert head.status_code == 200
    assert head["ETag"] == get["ETag"]


def test_errors_are_not_cached_or_tagged(seed_dataset, client):
    response = client.get(ROLES, {"skill": "nope"})

    assert response.status_code == 400
    assert "ETag" not in response


def test_a_new_load_changes_etags_and_cached_answers(
    seed_dataset, client, dataset_copy, fixture_file, django_capture_on_commit_callbacks
):
    """Load, GET, edit a fixture, load, GET: nothing older than the last load is served."""
    before = client.get(f"{ROLES}aws-developer/")

    def retitle(data):
        data["roles"][0]["title"] = "AWS Application Developer"

    fixture_file("industry/aws-developer.yaml").edit(retitle)
    with django_capture_on_commit_callbacks(execute=True):
        dataset_load(paths=[dataset_copy])
    after = client.get(f"{ROLES}aws-developer/", HTTP_IF_NONE_MATCH=before["ETag"])

    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert after.json()["title"] == "AWS Application Developer"
    assert before.json()["title"] == "AWS Developer"


def test_partners_answers_are_private(seed_dataset, client):
    from apikeys.services import partner_key_create

    _, key = partner_key_create(name="Board", rate="", expires=None)

    response = client.get(ROLES, HTTP_X_API_KEY=key)

    assert response.status_code == 200
    assert response["Cache-Control"] == "private, max-age=60"


# --- the fast path: cached answers and 304s before the REST framework runs ---------------


def headers_of(response) -> dict:
    """The headers a client sees, but those that differ per request or per answer kind."""
    skip = {"x-request-id", "content-length", "ratelimit-remaining", "ratelimit-reset"}
    return {name.lower(): value for name, value in response.items() if name.lower() not in skip}


def test_a_cached_answer_has_the_headers_of_the_first(seed_dataset, client):
    first = client.get(ROLES, {"skill": "python"}, HTTP_ORIGIN="https://board.example")
    cached = client.get(ROLES, {"skill": "python"}, HTTP_ORIGIN="https://board.example")

    assert cached.content == first.content
    assert headers_of(cached) == headers_of(first)
    assert first["Allow"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_ACCEPT": "application/json"}, {"HTTP_ACCEPT": "*/*"}, {}],
)
def test_plain_accept_headers_get_the_cached_answer(
    seed_dataset, client, django_assert_num_queries, headers
):
    client.get(ROLES)

    with django_assert_num_queries(0):
        assert client.get(ROLES, **headers).status_code == 200


def test_an_unservable_accept_is_a_406_even_when_cached(seed_dataset, client):
    client.get(ROLES)

    assert client.get(ROLES, HTTP_ACCEPT="text/html").status_code == 406


def test_a_bad_key_is_a_401_even_when_the_answer_is_cached(seed_dataset, client):
    etag = client.get(ROLES)["ETag"]

    assert client.get(ROLES, HTTP_X_API_KEY="abc.nope").status_code == 401
    assert client.get(ROLES, HTTP_IF_NONE_MATCH=etag, HTTP_X_API_KEY="abc.nope").status_code == 401


def test_cached_answers_count_against_the_anonymous_quota_and_304s_do_not(
    seed_dataset, client, settings
):
    settings.ANON_RATE = "3/minute"
    etag = client.get(ROLES)["ETag"]  # 1

    cached = client.get(ROLES)  # 2
    revalidated = client.get(ROLES, HTTP_IF_NONE_MATCH=etag)  # not counted
    last = client.get(ROLES)  # 3
    refused = client.get(ROLES, HTTP_IF_NONE_MATCH=etag)  # the quota is used up

    assert cached.status_code == 200 and cached["RateLimit-Remaining"] == "1"
    assert revalidated.status_code == 304 and revalidated["RateLimit-Remaining"] == "1"
    assert last.status_code == 200 and last["RateLimit-Remaining"] == "0"
    assert refused.status_code == 429
    assert refused["Retry-After"] and refused["RateLimit-Remaining"] == "0"


def test_with_keys_required_a_cached_answer_still_needs_one(seed_dataset, client, settings):
    client.get(ROLES)
    settings.REQUIRE_API_KEY = True

    assert client.get(ROLES).status_code == 401


@override_settings(API_LOCAL_RESPONSE_BYTES=1000)
def test_a_process_keeps_its_last_responses_within_its_byte_limit():
    kept = LocalResponses()
    for n in range(5):
        kept.put(f"page-{n}", ("v1", bytes(200), "application/json"))
    kept.put("page-0", ("v1", bytes(200), "application/json"))  # used again: kept longest
    kept.put("page-5", ("v1", bytes(200), "application/json"))
    assert kept.get("page-1", "v1") is None  # least recently used: out first
    assert all(kept.get(f"page-{n}", "v1") for n in (0, 2, 3, 4, 5))
    assert kept.get("page-2", "v2") is None  # rendered from another dataset version
    kept.put("huge", ("v1", bytes(400), "application/json"))  # over a quarter of the limit
    assert kept.get("huge", "v1") is None


def test_the_stamp_in_the_shared_cache_is_plain_data(seed_dataset):
    """Servers of another release, in a rolling deploy, must be able to read it."""
    from django.core.cache import cache

    from dataset.versions import STAMP_KEY

    version, loaded_at = cache.get(STAMP_KEY)

    assert (version, loaded_at) == (seed_dataset.version.version, seed_dataset.version.loaded_at)
    assert type(version) is str and type(cache.get(STAMP_KEY)) is tuple


# Three ways to the same answer: before URL resolution (careerapi/api/early.py, for a URL the
# view answered early before), early in the view (anonymous, plain Accept: `early_answer`),
# and the REST framework's way (an Accept the early answers leave to content negotiation,
# which shares the plain answer's ETag and cache entry).
EARLY = {"HTTP_ACCEPT": "application/json", "HTTP_ORIGIN": "https://board.example"}
FULL = {"HTTP_ACCEPT": "application/json; indent=2", "HTTP_ORIGIN": "https://board.example"}


def answered_by_the_view_early(response) -> bool:
    return hasattr(response.wsgi_request, "early_route")  # what the view leaves behind


@pytest.mark.parametrize(
    "url",
    [
        f"{ROLES}?page_size=5",
        f"{ROLES}aws-developer/",
        f"{ROLES}aws-developer/?format=jsonld",
        "/api/v1/salary-bands/?role=aws-developer&currency=USD",
        "/api/v1/questions/?page_size=3",
        "/api/v1/",
    ],
)
@override_settings(ANON_RATE="50/minute")
def test_early_answers_have_the_headers_of_the_full_way(seed_dataset, client, url):
    computed = client.get(url, **EARLY)

    in_the_view = client.get(url, **EARLY)
    before_the_view = client.get(url, **EARLY)
    full = client.get(url, **FULL)
    tag = {"HTTP_IF_NONE_MATCH": computed["ETag"]}
    not_modified = [client.get(url, **EARLY, **tag) for _ in range(2)]
    not_modified_full = client.get(url, **FULL, **tag)

    assert answered_by_the_view_early(in_the_view)
    assert not answered_by_the_view_early(before_the_view)
    assert not answered_by_the_view_early(not_modified[1])
    for response in (in_the_view, before_the_view, full):
        assert response.status_code == 200
        assert response.content == computed.content
        assert headers_of(response) == headers_of(computed)
    for response in not_modified:
        assert response.status_code == 304
        assert headers_of(response) == headers_of(not_modified_full)
    assert not_modified_full.status_code == 304
    assert not_modified_full["ETag"] == computed["ETag"]


@override_settings(ANON_RATE="3/minute")
def test_answers_before_the_view_count_against_the_quota(seed_dataset, client):
    statuses = [client.get(ROLES, **EARLY).status_code for _ in range(4)]

    assert statuses == [200, 200, 200, 429]  # the third and the fourth from before the view


def test_answers_before_the_view_follow_a_new_load(
    seed_dataset, client, dataset_copy, fixture_file, django_capture_on_commit_callbacks
):
    url = f"{ROLES}aws-developer/"
    before = [client.get(url, **EARLY) for _ in range(3)]
    assert not answered_by_the_view_early(before[2])  # answered before the view

    def retitle(data):
        data["roles"][0]["title"] = "AWS Application Developer"

    fixture_file("industry/aws-developer.yaml").edit(retitle)
    with django_capture_on_commit_callbacks(execute=True):
        dataset_load(paths=[dataset_copy])
    revalidated = client.get(url, **EARLY, HTTP_IF_NONE_MATCH=before[0]["ETag"])
    fetched = client.get(url, **EARLY)

    assert revalidated.status_code == 200
    assert revalidated.json()["title"] == fetched.json()["title"] == "AWS Application Developer"
    assert revalidated["ETag"] == fetched["ETag"] != before[0]["ETag"]
