"""A dataset version names one load's data: a load that changes anything makes a new one, a
revert to earlier files included, so an ETag or cached body of one load never answers for
another."""

import shutil

import pytest

from dataset.models import DatasetVersion
from dataset.versions import version_after
from loader.reading import dataset_read
from tests.conftest import FixtureFile

pytestmark = pytest.mark.django_db

BAND_SLUG = "amazon-engineer-overall-range"
BAND = f"/api/v1/salary-bands/{BAND_SLUG}/"
CHANGES = "/api/v1/changes/"


@pytest.fixture
def files_a_and_b(dataset_copy, tmp_path):
    """Two dataset trees: A (the fixtures) and B (one band's median changed)."""
    b = tmp_path / "b"
    shutil.copytree(dataset_copy, b)

    def raise_median(data):
        (band,) = [b for b in data["salary_bands"] if b["slug"] == BAND_SLUG]
        band["median"] = 111111

    FixtureFile(b / "amazon" / "amazon-engineer-salaries.yaml").edit(raise_median)
    return dataset_copy, b


def _stored(version: DatasetVersion) -> tuple:
    """The version's row as the database holds it now."""
    row = DatasetVersion.objects.get(pk=version.pk)
    return row.version, row.content_hash, row.loaded_at


def test_a_revert_to_earlier_files_is_a_new_version_and_etag(client, load, files_a_and_b):
    a, b = files_a_and_b
    first = load(a).version
    first_row = _stored(first)
    band = client.get(BAND)  # cached under the first load's version
    assert band.json()["median_amount"] == 110000

    second = load(b).version
    assert client.get(BAND).json()["median_amount"] == 111111
    third = load(a).version

    assert len({first.version, second.version, third.version}) == 3
    assert third.version == version_after(second.version, content_hash=third.content_hash)
    assert first.content_hash == third.content_hash == dataset_read([a]).content_hash
    assert second.content_hash == dataset_read([b]).content_hash
    assert _stored(first) == first_row  # history is not rewritten
    assert DatasetVersion.objects.count() == 3

    again = client.get(BAND, HTTP_IF_NONE_MATCH=band["ETag"])
    assert again.status_code == 200  # the first load's ETag names the first load only
    assert again["ETag"] != band["ETag"]
    assert again.json()["median_amount"] == 110000
    assert again.json()["updated_at"] > band.json()["updated_at"]
    assert again.json()["updated_at"].startswith(third.loaded_at.isoformat()[:19])

    dataset = client.get("/api/v1/dataset/").json()
    assert (dataset["version"], dataset["content_hash"]) == (third.version, first.content_hash)


def test_a_load_that_changes_nothing_keeps_the_version_and_the_etag(client, load, files_a_and_b):
    a, _ = files_a_and_b
    result = load(a)
    first_row = _stored(result.version)
    band = client.get(BAND)

    again = load(a)
    assert not again.changed
    assert _stored(again.version) == first_row  # its load time included
    assert DatasetVersion.objects.count() == 1
    assert client.get(BAND, HTTP_IF_NONE_MATCH=band["ETag"]).status_code == 304


def test_files_that_differ_only_in_bytes_keep_the_version_they_hold(load, files_a_and_b):
    a, _ = files_a_and_b
    first_row = _stored(load(a).version)
    salaries = a / "amazon" / "amazon-engineer-salaries.yaml"
    salaries.write_text("# reviewed\n" + salaries.read_text("utf-8"), "utf-8")

    again = load(a)
    assert not again.changed
    assert dataset_read([a]).content_hash != first_row[1]
    assert _stored(again.version) == first_row  # same data, same version


def test_the_change_feed_follows_each_load_of_a_revert(client, load, files_a_and_b):
    a, b = files_a_and_b
    first = load(a).version.version
    second = load(b).version.version
    latest = load(a).version.version

    since_first = client.get(CHANGES, {"since": first, "page_size": 100}).json()
    band_changes = [c for c in since_first["results"] if c["slug"] == BAND_SLUG]
    assert [(c["kind"], c["version"]) for c in band_changes] == [
        ("updated", second),
        ("updated", latest),
    ]
    assert since_first["version"] == latest

    since_second = client.get(CHANGES, {"since": second, "page_size": 100}).json()
    assert [c["version"] for c in since_second["results"]] == [latest] * since_second["count"]
    assert BAND_SLUG in {c["slug"] for c in since_second["results"]}
    assert client.get(CHANGES, {"since": latest}).json()["count"] == 0
