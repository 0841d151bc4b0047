"""Quotas: per key (two partners behind one IP count separately), per IP without a key, with
RateLimit-* headers on every response and Retry-After on a 429."""

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


@pytest.fixture
def clock(monkeypatch):
    """Freeze the throttle's clock; set `clock.now` to move it."""

    class Clock:
        now = 1_800_000_000.0 + 10  # 10 s into a minute

    monkeypatch.setattr(throttling, "clock", lambda: Clock.now)
    return Clock


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


def test_a_cached_answer_still_counts_against_the_quota(seed_dataset, client, make_key):
    _, key = make_key(rate="2/minute")
    etag = get(client, key)["ETag"]

    assert get(client, key, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert get(client, key, HTTP_IF_NONE_MATCH=etag).status_code == 429


@override_settings(ANON_RATE="60/min", PARTNER_DEFAULT_RATE="1000/hour")
def test_a_malformed_rate_setting_fails_the_system_checks():
    [error] = check_rate_settings()

    assert error.id == "apikeys.E001" and "ANON_RATE='60/min'" in error.msg
