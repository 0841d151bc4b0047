"""What one release of the code cached or rendered is never served by another
(careerapi.release): a deploy may change an answer's shape without any load."""

import pytest
from django.conf import settings

from careerapi import release
from dataset.models import Rendering
from loader.services import dataset_load

pytestmark = pytest.mark.django_db

ROLES = "/api/v1/roles/?page_size=3"


@pytest.fixture
def deploy(monkeypatch):
    """Make the process look like the next release of the code."""

    def run():
        monkeypatch.setattr(release, "release_id", lambda: "next-release")
        for module in ("careerapi.api.caching", "dataset.rendering"):
            monkeypatch.setattr(f"{module}.release_id", release.release_id)

    return run


def test_the_release_is_a_hash_of_the_code():
    first = release.release_id()
    assert len(first) == 16 and int(first, 16) >= 0
    release.release_id.cache_clear()
    assert release.release_id() == first  # the same files: the same release


def test_another_release_neither_revalidates_nor_reuses_a_cached_answer(
    client, seed_dataset, deploy
):
    before = client.get(ROLES)
    assert client.get(ROLES, HTTP_IF_NONE_MATCH=before["ETag"]).status_code == 304
    deploy()

    after = client.get(ROLES, HTTP_IF_NONE_MATCH=before["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != before["ETag"]
    assert not getattr(after, "from_cache", False)
    assert after.content == before.content  # the same code here; what matters is the key


def test_another_release_renders_list_items_again_at_its_first_load(
    client, seed_dataset, deploy, django_capture_on_commit_callbacks
):
    rendered = Rendering.objects.count()
    assert set(Rendering.objects.values_list("release", flat=True)) == {release.release_id()}
    before = client.get(ROLES).content
    deploy()

    # Until a load, the list renders live what this release did not render itself.
    assert client.get(ROLES).content == before
    with django_capture_on_commit_callbacks(execute=True):
        result = dataset_load(paths=[settings.DATASET_DIR])
    assert not result.changed
    assert Rendering.objects.count() == rendered
    assert set(Rendering.objects.values_list("release", flat=True)) == {"next-release"}
