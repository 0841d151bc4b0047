"""A load whose announcement Redis drops (Redis stalled while the load publishes) must not
leave servers answering new rows under the old version, nor the old version for long
(dataset.versions: the cache's stamp expires; computed answers read the version in their
own snapshot)."""

import shutil

import psycopg
from django.conf import settings

from careerapi.api.caching import entity_tag

from .processes import http_get, http_json, postgres_url, served_dataset_load, wait_until

BAND = "/api/v1/salary-bands/amazon-engineer-overall-range/"
# DATASET_VERSION_CHECK_SECONDS (5) + VERIFY_SECONDS (5), and time to spare.
CONVERGENCE_SECONDS = 15


def variant_with_median(tmp_path, median: int) -> str:
    target = tmp_path / f"median-{median}"
    shutil.copytree(settings.DATASET_DIR, target, ignore=shutil.ignore_patterns("*.md"))
    salaries = target / "amazon" / "amazon-engineer-salaries.yaml"
    text = salaries.read_text(encoding="utf-8")
    assert "    median: 110000\n" in text
    salaries.write_text(text.replace("    median: 110000\n", f"    median: {median}\n", 1))
    return str(target)


def current_version() -> str:
    with psycopg.connect(postgres_url("serve")) as conn:
        query = "SELECT version FROM dataset_datasetversion ORDER BY loaded_at DESC LIMIT 1"
        return conn.execute(query).fetchone()[0]


def median(served, path: str) -> tuple[float, str]:
    status, headers, body = http_json(served.base + path)
    assert status == 200, served.log_tail()
    return body["median_amount"], headers["ETag"]


def test_a_load_redis_never_announced_is_served_under_its_own_version(
    served, redis_server, tmp_path
):
    old_median, old_etag = median(served, BAND)
    assert old_median == 110000
    for _ in range(10):  # both workers hold the stamp and keep the page
        assert http_get(served.base + BAND, headers={"If-None-Match": old_etag})[0] == 304

    redis_server.pause()
    try:
        served_dataset_load(variant_with_median(tmp_path, 111111), redis_url=redis_server.url)
    finally:
        redis_server.resume()
    version = current_version()
    try:
        # Computed afresh: the new rows, under the new version's ETag (never the old one's).
        fresh = "/api/v1/salary-bands/?page_size=37&role=amazon-engineer"
        for _ in range(10):
            status, headers, body = http_json(served.base + fresh)
            assert status == 200, served.log_tail()
            medians = {band["slug"]: band["median_amount"] for band in body["results"]}
            assert medians["amazon-engineer-overall-range"] == 111111
            assert headers["ETag"] == entity_tag(version, fresh)

        # Cached answers of the old version may be served a few seconds more, never longer.
        wait_until(
            lambda: all(median(served, BAND)[0] == 111111 for _ in range(10)),
            timeout=CONVERGENCE_SECONDS,
        )
        assert median(served, BAND)[1] == entity_tag(version, f"{BAND}?")
        assert http_get(served.base + BAND, headers={"If-None-Match": old_etag})[0] == 200
    finally:
        served_dataset_load(str(settings.DATASET_DIR), redis_url=redis_server.url)
    assert median(served, BAND)[0] == 110000


def test_a_revert_is_a_new_version_on_every_server(served, redis_server, tmp_path):
    status, headers, first = http_json(served.base + BAND)
    assert status == 200 and first["median_amount"] == 110000
    for files in (variant_with_median(tmp_path, 111111), str(settings.DATASET_DIR)):
        served_dataset_load(files, redis_url=redis_server.url)

    for _ in range(10):  # both workers, their own copies and Redis's
        status, again_headers, again = http_json(served.base + BAND)
        assert again["median_amount"] == 110000
        assert again["updated_at"] > first["updated_at"]
        assert again_headers["ETag"] != headers["ETag"]
        revalidated = http_get(served.base + BAND, headers={"If-None-Match": headers["ETag"]})
        assert revalidated[0] == 200
