"""Each app process holds the dataset version between loads (dataset.versions.version_watch)
and keeps the responses it served: a load in another process must still show at once, in
every worker, and an outage of Redis must never leave a stale version held."""

import shutil
import time

from django.conf import settings
from django.test import override_settings

from dataset.versions import VersionWatch, version_announce

from .processes import http_get, http_json, served_dataset_load, wait_until

SKILLS = "/api/v1/skills/?category=tool&page_size=100"  # the page the new skill joins
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

    served_dataset_load(variant_with_skill(tmp_path, "watched-skill"), redis_url=redis_server.url)
    try:
        after = answers(served, before)  # right after the load returned: no waiting
        assert {revalidated for revalidated, _, _ in after} == {200}
        assert before not in {etag for _, etag, _ in after}
        assert all("watched-skill" in slugs for _, _, slugs in after)
    finally:
        served_dataset_load(str(settings.DATASET_DIR), redis_url=redis_server.url)
    assert all("watched-skill" not in slugs for _, _, slugs in answers(served, before))


def redis_cache(redis_server) -> dict:
    return {
        "default": {
            "BACKEND": "careerapi.cache.FailSoftRedisCache",
            "LOCATION": redis_server.url,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


class Reads:
    """A version source that counts how often it is read."""

    def __init__(self, version: str):
        self.version, self.count = version, 0

    def __call__(self) -> str:
        self.count += 1
        return self.version


def test_a_held_version_is_dropped_when_a_load_announces_one(redis_server):
    with override_settings(CACHES=redis_cache(redis_server)):
        watch, reads = VersionWatch(), Reads("v1")
        assert watch.current(reads) == "v1"  # subscribes, then reads
        assert watch.current(reads) == "v1" and reads.count == 1  # held: no round trip
        reads.version = "v2"
        version_announce("v2")
        wait_until(lambda: watch.current(reads) == "v2", timeout=5, interval=0.01)
        count = reads.count
        assert watch.current(reads) == "v2" and reads.count == count


def test_a_version_read_while_a_load_announces_one_is_not_held(redis_server):
    with override_settings(CACHES=redis_cache(redis_server)):
        watch = VersionWatch()
        watch.current(Reads("v1"))

        def read_then_announce() -> str:
            # A load announces v2 while this read is under way, and another request takes
            # the message (a local Redis delivers it well within the pause).
            version_announce("v2")
            time.sleep(0.3)
            assert watch.current(Reads("v2")) == "v2"
            return "v1"

        watch.forget()
        assert watch.current(read_then_announce) == "v1"
        assert watch.current(Reads("v3")) == "v2"  # what the other request read, not v1


def test_nothing_is_held_without_redis_or_while_it_is_down(redis_server):
    local_memory = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    with override_settings(CACHES=local_memory):  # nothing to subscribe to
        watch, reads = VersionWatch(), Reads("v1")
        watch.current(reads)
        watch.current(reads)
        assert reads.count == 2

    with override_settings(CACHES=redis_cache(redis_server)):
        watch, reads = VersionWatch(), Reads("v1")
        watch.current(reads)
        watch.current(reads)
        assert reads.count == 1
        redis_server.stop()
        try:
            # The subscription's socket closed: the version is read on every request again.
            wait_until(lambda: watch.current(reads) and reads.count > 1, timeout=5)
            count = reads.count
            watch.current(reads)
            assert reads.count == count + 1
        finally:
            redis_server.start()
