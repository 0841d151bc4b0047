"""A dataset version names one load's data: a load that changes anything makes a new one, a
revert to earlier files included, so an ETag or cached body of one load never answers for
another."""

import shutil

import pytest

from dataset.models import DatasetVersion
from loader.reading import dataset_read
from tests.conftest import FixtureFile

pytestmark = pytest.mark.django_db

BAND = "/api/v1/salary-bands/amazon-engineer-overall-range/"


@pytest.fixture
def files_a_and_b(dataset_copy, tmp_path):
    """Two dataset trees: A (the fixtures) and B (one band's median changed)."""
    b = tmp_path / "b"
    shutil.copytree(dataset_copy, b)

    def raise_median(data):
        (band,) = [b for b in data["salary_bands"] if b["slug"] == BAND.split("/")[-2]]
        band["median"] = 111111

    FixtureFile(b / "amazon" / "amazon-engineer-salaries.yaml").edit(raise_median)
    return dataset_copy, b


def test_a_revert_to_earlier_files_is_a_new_version_and_etag(client, load, files_a_and_b):
    a, b = files_a_and_b
    first = load(a).version
    band = client.get(BAND)
    assert band.json()["median_amount"] == 110000

    second = load(b).version
    assert client.get(BAND).json()["median_amount"] == 111111
    third = load(a).version

    assert len({first.version, second.version, third.version}) == 3
    assert first.content_hash == third.content_hash == dataset_read([a]).version
    assert DatasetVersion.objects.count() == 3
    again = client.get(BAND, HTTP_IF_NONE_MATCH=band["ETag"])
    assert again.status_code == 200  # the first load's ETag names the first load only
    assert again["ETag"] != band["ETag"]
    assert again.json()["median_amount"] == 110000
    assert again.json()["updated_at"] > band.json()["updated_at"]


def test_a_load_that_changes_nothing_keeps_the_version_and_the_etag(client, load, files_a_and_b):
    a, _ = files_a_and_b
    first = load(a).version
    band = client.get(BAND)

    assert load(a).version == first
    assert client.get(BAND, HTTP_IF_NONE_MATCH=band["ETag"]).status_code == 304


def test_the_change_feed_follows_each_load_of_a_revert(client, load, files_a_and_b):
    a, b = files_a_and_b
    first = load(a).version.version
    load(b)
    latest = load(a).version.version

    since_first = client.get("/api/v1/changes/", {"since": first, "page_size": 100}).json()
    band_changes = [c for c in since_first["results"] if c["slug"] == BAND.split("/")[-2]]
    assert [c["kind"] for c in band_changes] == ["updated", "updated"]
    assert band_changes[-1]["version"] == latest == since_first["version"]
    assert client.get("/api/v1/changes/", {"since": latest}).json()["count"] == 0
