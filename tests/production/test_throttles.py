"""Failure bounds through gunicorn and Redis: wrong API keys and failed admin logins from
one client address are 429 problem documents with Retry-After past their bound.

Each test is a client address of its own (127.0.0.2, 127.0.0.3), so the counters it fills
in the served Redis refuse nobody else: the other tests come from 127.0.0.1.
"""

import json

from django.conf import settings

from apikeys.rates import rate_parse

from .processes import Browser

WRONG_KEY = "AbCd1234.nothingissuedlikethis0000000000"


def assert_429(answer, window: int) -> None:
    status, headers, body = answer
    assert status == 429
    assert headers["Content-Type"] == "application/problem+json"
    assert 1 <= int(headers["Retry-After"]) <= window
    assert json.loads(body)["status"] == 429


def test_wrong_api_keys_past_the_bound_are_429_problems(served):
    bound, window = rate_parse(settings.FAILED_KEY_RATE)
    client = Browser(served.base, address="127.0.0.2")

    answers = [
        client.request("/api/v1/roles/", headers={"X-API-Key": WRONG_KEY}) for _ in range(3 * bound)
    ]

    statuses = [answer[0] for answer in answers]
    assert statuses[:bound] == [401] * bound, statuses
    assert 429 in statuses and set(statuses) == {401, 429}, statuses
    for answer in answers:
        if answer[0] == 429:
            assert_429(answer, window)
    # Only requests with a key are refused: the address may still call without one.
    assert client.request("/api/v1/roles/")[0] == 200


def test_failed_admin_logins_past_the_bound_are_429_problems(served):
    bound, window = rate_parse(settings.FAILED_LOGIN_RATE)
    client = Browser(served.base, address="127.0.0.3")

    answers = [client.login("nobody", "wrong password") for _ in range(bound + 3)]

    statuses = [answer[0] for answer in answers]
    assert statuses[:bound] == [200] * bound, statuses  # the form again, with its error
    assert 429 in statuses and set(statuses) == {200, 429}, statuses
    for answer in answers:
        if answer[0] == 429:
            assert_429(answer, window)
    assert client.request("/admin/login/")[0] == 200  # the form still shows
