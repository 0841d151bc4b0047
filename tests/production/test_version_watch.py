"""Each app process holds the dataset version between loads (careerapi.api.version_watch)
and keeps the responses it served: a load in another process must still show at once, in
every worker, and an outage of Redis must never leave a stale version held."""

import shutil

from django.conf import settings
from django.test import override_settings

from careerapi.api.version_watch import VersionWatch, version_announce

from .processes import http_get, http_json, manage_run, postgres_url, wait_until

SKILLS = "/api/v1/skills/?page_size=100"
REQUESTS = 20  # enough to reach both workers many times over


def variant_with_skill(tmp_path, slug: str) -> str:
    target = tmp_path / slug
    shutil.copytree(settings.DATASET_DIR, target, ignore=shutil.ignore_patterns("*.md"))
    with (target / "catalogue" / "skills.yaml").open("a", encoding="utf-8") as skills:
        skills.write(f"\n  - {{slug: {slug}, name: {slug}, category: tool}}\n")
    return str(target)


def answers(served, etag: str) -> list[tuple[int, str, list[str]]]:
    """(status of a revalidation with `etag`, ETag of a plain GET, its skill slugs) per request."""
    seen = []
    for _ in range(REQUESTS):
        revalidated, _, _ = http_get(served.base + SKILLS, headers={"If-None-Match": etag})
        status, headers, body = http_json(served.base + SKILLS)
        assert status == 200, served.log_tail()
        seen.append((revalidated, headers["ETag"], [s["slug"] for s in body["results"]]))
    return seen


def test_a_load_elsewhere_shows_at_once_in_every_worker(served, redis_server, tmp_path):
    status, headers, _ = http_json(served.base + SKILLS)
    assert status == 200
    before = headers["ETag"]
    # Every worker now holds the version and keeps the page; revalidations answer 304.
    assert {revalidated for revalidated, _, _ in answers(served, before)} == {304}

    manage_run(
        "load_dataset",
        variant_with_skill(tmp_path, "watched-skill"),
        database_url=postgres_url("serve"),
        redis_url=redis_server.url,
    )
    try:
        after = answers(served, before)  # right after the load returned: no waiting
        assert {revalidated for revalidated, _, _ in after} == {200}
        assert before not in {etag for _, etag, _ in after}
        assert all("watched-skill" in slugs for _, _, slugs in after)
    finally:
        manage_run(
            "load_dataset",
            str(settings.DATASET_DIR),
            database_url=postgres_url("serve"),
            redis_url=redis_server.url,
        )
    assert all("watched-skill" not in slugs for _, _, slugs in answers(served, before))


def redis_cache(redis_server) -> dict:
    return {
        "default": {
            "BACKEND": "careerapi.cache.FailSoftRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


def test_a_held_version_is_dropped_when_a_load_announces_one(redis_server):
    with override_settings(CACHES=redis_cache(redis_server)):
        watch = VersionWatch()
        assert watch.held() is None  # subscribes; the caller reads the version
        watch.hold("v1")
        assert watch.held() == "v1"  # no round trip: nothing was announced
        version_announce("v2")
        wait_until(lambda: watch.held() is None, timeout=5, interval=0.01)
        watch.hold("v2")
        assert watch.held() == "v2"


def test_nothing_is_held_without_redis_or_while_it_is_down(redis_server):
    watch = VersionWatch()
    watch.hold("v1")  # the test settings' local-memory cache: nothing to subscribe to
    assert watch.held() is None

    with override_settings(CACHES=redis_cache(redis_server)):
        watch = VersionWatch()
        watch.held()
        watch.hold("v1")
        assert watch.held() == "v1"
        redis_server.stop()
        try:
            # The subscription's socket closed: the version is read again (and not held).
            wait_until(lambda: watch.held() is None, timeout=5, interval=0.01)
            watch.hold("v1")
            assert watch.held() is None
        finally:
            redis_server.start()
