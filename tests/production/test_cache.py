"""FailSoftRedisCache: with Redis unreachable, reads miss, writes are dropped, counters
start afresh (quotas fail open), and nothing raises."""

import time

from careerapi.cache import FailSoftRedisCache

from .processes import REDIS_PORTS, free_port


def unreachable_cache() -> FailSoftRedisCache:
    port = free_port(REDIS_PORTS)  # nothing listens there
    return FailSoftRedisCache(
        f"redis://127.0.0.1:{port}/0",
        {"OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}},
    )


def test_unreachable_redis_degrades_to_misses_and_no_ops(caplog):
    cache = unreachable_cache()
    assert cache.get("key") is None
    assert cache.get("key", "fallback") == "fallback"
    assert cache.set("key", "value") is None
    assert cache.add("key", 0) is False
    assert cache.incr("counter") == 1  # a quota counter starts afresh: the request passes
    assert cache.get_many(["a", "b"]) == {}
    assert cache.delete("key") is False
    assert cache.get_or_set("key", "computed") == "computed"
    assert [r.levelname for r in caplog.records].count("ERROR") == 1  # once per outage


def test_after_a_failure_redis_is_left_alone_for_a_while():
    cache = unreachable_cache()
    cache.get("key")
    started = time.monotonic()
    for _ in range(100):
        cache.get("key")
    assert time.monotonic() - started < 0.5  # no connection attempt per call
