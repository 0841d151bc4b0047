"""`dataset_consistent`: an answer is computed again when a load lands while it is computed,
so it never carries rows of one version under another's (dataset/versions.py)."""

from datetime import timedelta

import pytest
from django.db import OperationalError
from django.utils import timezone

from dataset.models import DatasetVersion
from dataset.versions import DatasetStamp, dataset_consistent

pytestmark = pytest.mark.django_db


def a_load(version: str) -> DatasetStamp:
    """What a load commits, as far as versions go: a new, later version row."""
    latest = DatasetVersion.objects.order_by("-loaded_at").first()
    loaded_at = (latest.loaded_at if latest else timezone.now()) + timedelta(seconds=1)
    DatasetVersion.objects.create(version=version, content_hash=version, loaded_at=loaded_at)
    return DatasetStamp(version, loaded_at)


def test_an_answer_is_kept_when_the_version_stayed():
    held = a_load("a" * 64)
    asked = []

    assert dataset_consistent(lambda stamp: asked.append(stamp) or "answer", held=held) == "answer"
    assert asked == [held]


def test_a_load_landing_meanwhile_makes_the_answer_computed_again_from_it():
    held = a_load("a" * 64)
    asked = []

    def compute(stamp):
        asked.append(stamp)
        if len(asked) == 1:
            a_load("b" * 64)  # commits while the first answer is computed
        return stamp.version

    assert dataset_consistent(compute, held=held) == "b" * 64
    assert [stamp.version for stamp in asked] == ["a" * 64, "b" * 64]


def test_a_stale_stamp_is_not_used_to_label_newer_rows():
    stale = a_load("a" * 64)
    current = a_load("b" * 64)

    assert dataset_consistent(lambda stamp: stamp, held=stale) == current


def test_loads_landing_on_every_attempt_end_in_a_database_error():
    counter = iter(range(10))

    def compute(stamp):
        a_load(f"{next(counter)}" * 64)
        return stamp

    with pytest.raises(OperationalError):
        dataset_consistent(compute, held=a_load("a" * 64))
