"""Quotas: per key (two partners behind one IP count separately), per IP without a key, with
RateLimit-* headers on every response and Retry-After on a 429; failed key lookups bounded
per client address, refused before the database is asked."""

import pytest
from django.test import override_settings

from apikeys import throttling
from apikeys.apps import check_rate_settings

pytestmark = pytest.mark.django_db

URL = "/api/v1/sources/"
SAME_IP = {"REMOTE_ADDR": "203.0.113.7"}


def get(client, key=None, **extra):
    headers = {"HTTP_X_API_KEY": key} if key else {}
    return client.get(URL, **SAME_IP, **headers, **extra)


def test_two_keys_from_one_ip_have_separate_quotas(seed_dataset, client, make_key):
    _, first = make_key(name="Board A", rate="2/minute")
    _, second = make_key(name="Board B", rate="2/minute")

    assert [get(client, first).status_code for _ in range(3)] == [200, 200, 429]
    assert [get(client, second).status_code for _ in range(2)] == [200, 200]
    assert get(client, second).status_code == 429


def test_a_key_does_not_share_the_anonymous_quota_of_its_ip(seed_dataset, client, make_key):
    _, key = make_key(rate="5/minute")
    with override_settings(ANON_RATE="1/minute"):
        assert [get(client).status_code for _ in range(2)] == [200, 429]

        assert get(client, key).status_code == 200


def test_every_response_carries_the_quota(seed_dataset, client, make_key, clock):
    _, key = make_key(rate="5/minute")

    responses = [get(client, key) for _ in range(2)] + [get(client, key, data={"nope": 1})]

    assert [r.status_code for r in responses] == [200, 200, 400]
    assert [r["RateLimit-Limit"] for r in responses] == ["5", "5", "5"]
    assert [r["RateLimit-Remaining"] for r in responses] == ["4", "3", "2"]
    assert {r["RateLimit-Reset"] for r in responses} == {"50"}


def test_a_429_is_a_problem_with_retry_after_and_ratelimit_headers(
    seed_dataset, client, make_key, clock
):
    _, key = make_key(rate="1/minute")
    get(client, key)

    response = get(client, key)

    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["status"] == 429
    assert response["Retry-After"] == "50"
    assert response["RateLimit-Limit"] == "1"
    assert response["RateLimit-Remaining"] == "0"
    assert response["RateLimit-Reset"] == "50"


def test_the_quota_resets_with_the_next_window(seed_dataset, client, make_key, clock):
    _, key = make_key(rate="1/minute")
    assert [get(client, key).status_code for _ in range(2)] == [200, 429]

    clock.now += 50

    response = get(client, key)
    assert response.status_code == 200
    assert response["RateLimit-Remaining"] == "0" and response["RateLimit-Reset"] == "60"


@override_settings(PARTNER_DEFAULT_RATE="3/hour")
def test_a_key_without_a_rate_gets_the_default_partner_rate(seed_dataset, client, make_key):
    _, key = make_key(rate="")

    assert get(client, key)["RateLimit-Limit"] == "3"


@override_settings(ANON_RATE="2/minute")
def test_anonymous_requests_are_throttled_by_client_ip(seed_dataset, client):
    other_ip = {"REMOTE_ADDR": "198.51.100.1"}

    assert [get(client).status_code for _ in range(3)] == [200, 200, 429]
    assert client.get(URL, **other_ip).status_code == 200
    # X-Forwarded-For is not trusted unless NUM_PROXIES says so: no escaping the quota.
    assert get(client, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


@override_settings(ANON_RATE="")
def test_an_empty_rate_means_no_limit(seed_dataset, client):
    response = get(client)

    assert response.status_code == 200
    assert "RateLimit-Limit" not in response


@pytest.mark.parametrize("key", [False, True], ids=["anonymous", "with a key"])
@override_settings(ANON_RATE="2/minute")
def test_a_cached_answer_still_counts_against_the_quota(seed_dataset, client, make_key, key):
    _, plain = make_key(rate="2/minute")
    plain = plain if key else None

    assert [get(client, plain).status_code for _ in range(3)] == [200, 200, 429]


# --- conditional requests: a 304 is not counted, its headers still show the quota ---------

# Without a key and with a plain Accept a 304 is answered early (careerapi.api.caching),
# with a key or another Accept the REST framework's way: both leave the quota as it was.
WAYS = {
    "early": lambda key: {},
    "anonymous, the full way": lambda key: {"HTTP_ACCEPT": "application/json; indent=2"},
    "with a key": lambda key: {"HTTP_X_API_KEY": key},
}


def quota(response) -> tuple[int, str, str]:
    return response.status_code, response["RateLimit-Limit"], response["RateLimit-Remaining"]


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("conditional", ["HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE"])
@override_settings(ANON_RATE="3/minute")
def test_a_304_does_not_count_against_the_quota(seed_dataset, client, make_key, way, conditional):
    _, key = make_key(rate="3/minute")
    headers = WAYS[way](key)
    first = client.get(URL, **SAME_IP, **headers)
    validator = first["ETag"] if conditional == "HTTP_IF_NONE_MATCH" else first["Last-Modified"]

    revalidated = [
        client.get(URL, **SAME_IP, **headers, **{conditional: validator}) for _ in range(5)
    ]
    fetched = client.get(URL, **SAME_IP, **headers)

    assert quota(first) == (200, "3", "2")
    assert [quota(r) for r in revalidated] == [(304, "3", "2")] * 5
    assert {r["RateLimit-Reset"] for r in revalidated} == {first["RateLimit-Reset"]}
    assert quota(fetched) == (200, "3", "1")


@pytest.mark.parametrize("way", WAYS)
@override_settings(ANON_RATE="2/minute")
def test_a_304_is_refused_once_the_quota_is_used_up(seed_dataset, client, make_key, way):
    _, key = make_key(rate="2/minute")
    headers = WAYS[way](key)
    etag = [client.get(URL, **SAME_IP, **headers) for _ in range(2)][-1]["ETag"]

    response = client.get(URL, **SAME_IP, **headers, HTTP_IF_NONE_MATCH=etag)

    assert quota(response) == (429, "2", "0")
    assert int(response["Retry-After"]) > 0


@pytest.mark.parametrize("way", WAYS)
@override_settings(ANON_RATE="5/minute")
def test_a_conditional_request_answered_otherwise_counts(seed_dataset, client, make_key, way):
    _, key = make_key(rate="5/minute")
    headers = WAYS[way](key)
    etag = client.get(URL, **SAME_IP, **headers)["ETag"]
    modified_since = {"HTTP_IF_MODIFIED_SINCE": "Wed, 01 Jan 2099 00:00:00 GMT"}

    other_etag = client.get(URL, **SAME_IP, **headers, HTTP_IF_NONE_MATCH='"other"')
    bad_parameter = client.get(URL, {"nope": "1"}, **SAME_IP, **headers, **modified_since)
    other_url = client.get(URL, {"page_size": 1}, **SAME_IP, **headers, HTTP_IF_NONE_MATCH=etag)

    assert quota(other_etag) == (200, "5", "3")
    assert quota(bad_parameter) == (400, "5", "2")
    assert quota(other_url) == (200, "5", "1")


@override_settings(ANON_RATE="60/min", PARTNER_DEFAULT_RATE="1000/hour")
def test_a_malformed_rate_setting_fails_the_system_checks():
    [error] = check_rate_settings()

    assert error.id == "apikeys.E001" and "ANON_RATE='60/min'" in error.msg


@override_settings(FAILED_KEY_RATE="20/min", FAILED_LOGIN_RATE="often")
def test_malformed_failure_bounds_fail_the_system_checks():
    errors = check_rate_settings()

    assert [error.msg.split(" is not")[0] for error in errors] == [
        "FAILED_KEY_RATE='20/min'",
        "FAILED_LOGIN_RATE='often'",
    ]


# --- failed key lookups: counted per client address, refused past FAILED_KEY_RATE ---------

WRONG_KEY = "AbCd1234.nothingissuedlikethis0000000000"


@override_settings(FAILED_KEY_RATE="3/minute")
def test_failed_key_lookups_past_the_bound_are_a_429_without_a_query(
    seed_dataset, client, clock, django_assert_num_queries
):
    get(client)  # the anonymous answer is cached: a wrong key must not be served it

    statuses = [get(client, WRONG_KEY).status_code for _ in range(3)]
    with django_assert_num_queries(0):
        response = get(client, WRONG_KEY)

    assert statuses == [401, 401, 401]
    assert response.status_code == 429
    assert response["Content-Type"] == "application/problem+json"
    assert response["Retry-After"] == "50"
    body = response.json()
    assert body["status"] == 429 and body["title"] == "Too many requests"
    assert "API key" in body["detail"]


@override_settings(FAILED_KEY_RATE="2/minute")
def test_the_failed_key_bound_refuses_only_requests_with_a_key(
    seed_dataset, client, make_key, clock
):
    _, key = make_key()
    assert [get(client, WRONG_KEY).status_code for _ in range(3)] == [401, 401, 429]

    assert get(client).status_code == 200  # no key: the anonymous quota alone decides
    # A key is not looked up from that address, valid or not, until the window ends.
    assert get(client, key).status_code == 429
    assert client.get(URL, REMOTE_ADDR="198.51.100.1", HTTP_X_API_KEY=key).status_code == 200
    clock.now += 50
    assert get(client, key).status_code == 200


@override_settings(FAILED_KEY_RATE="2/minute")
def test_unknown_bearer_keys_count_as_failed_lookups(seed_dataset, client, make_key, clock):
    _, key = make_key()
    bearer = {"HTTP_AUTHORIZATION": f"Bearer {WRONG_KEY}"}

    assert [get(client, **bearer).status_code for _ in range(3)] == [401, 401, 429]
    # Past the bound a valid Bearer key from that address waits too, as any other key.
    assert get(client, HTTP_AUTHORIZATION=f"Bearer {key}").status_code == 429


@override_settings(FAILED_KEY_RATE="2/minute")
def test_revoked_keys_count_as_failed_lookups(seed_dataset, client, make_key, clock):
    partner_key, key = make_key()
    partner_key.revoked = True
    partner_key.save()

    assert [get(client, key).status_code for _ in range(3)] == [401, 401, 429]


@override_settings(FAILED_KEY_RATE="")
def test_an_empty_failed_key_rate_means_no_bound(seed_dataset, client):
    assert {get(client, WRONG_KEY).status_code for _ in range(30)} == {401}


class CacheSpy:
    """The cache, recording the keys each operation touches."""

    def __init__(self, cache):
        self.cache, self.keys = cache, []

    def __getattr__(self, name):
        operation = getattr(self.cache, name)

        def spy(key, *args, **kwargs):
            self.keys.extend(key if isinstance(key, list | tuple) else [key])
            return operation(key, *args, **kwargs)

        return spy


def test_requests_without_a_key_or_with_a_valid_key_do_not_read_the_failure_counters(
    seed_dataset, client, make_key, monkeypatch
):
    from django.core.cache import cache

    _, key = make_key()
    spy = CacheSpy(cache)
    monkeypatch.setattr(throttling, "cache", spy)

    assert [get(client).status_code, get(client, key).status_code] == [200, 200]
    assert spy.keys and not [k for k in spy.keys if "failures" in k]
