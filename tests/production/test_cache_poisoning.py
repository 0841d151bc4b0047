"""Request headers cannot poison the shared response cache: a body's links come from the
settings, never from `Host` or `X-Forwarded-Proto`, and every server gives the same bytes."""

import uuid

from .processes import http_get


def test_a_forged_host_and_scheme_reach_no_later_client(served):
    # A URL no other test asks for: the forged request is the one that fills the cache.
    size = 2 + uuid.uuid4().int % 7  # fewer than the 9 languages: there is a next page
    path = f"/api/v1/skills/?page_size={size}&category=language"
    forged_headers = {"Host": "127.0.0.1:1", "X-Forwarded-Proto": "https"}
    status, _, forged = http_get(served.base + path, headers=forged_headers)
    assert status == 200, served.log_tail()

    for _ in range(6):  # both workers, from their own copies and from Redis
        status, _, plain = http_get(served.base + path)
        assert status == 200
        assert plain == forged
        assert b"127.0.0.1:1" not in plain and b"https:" not in plain
    assert b'"next":"/api/v1/skills/?category=language&page=2&page_size=' in plain

    status, _, index = http_get(served.base + "/api/v1/", headers=forged_headers)
    assert status == 200 and b"127.0.0.1:1" not in index and b"https:" not in index
