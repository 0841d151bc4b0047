"""Shared test fixtures: the real dataset, copies of it to break, and a database snapshot."""

import shutil
from pathlib import Path

import pytest
import yaml
from django.apps import apps
from django.conf import settings
from django.core.cache import cache

from apikeys import throttling
from careerapi.api.caching import local_responses
from careerapi.api.early import early_routes
from dataset.memo import dataset_memos_clear
from loader.services import DATASET_APPS, dataset_load
from tests.seed_copy import seed_load


def process_caches_clear() -> None:
    """Forget what this process keeps per dataset: its memos, the dataset stamp it holds
    and the responses it served last (tests that edit rows without a load)."""
    dataset_memos_clear()
    local_responses.clear()
    early_routes.clear()


@pytest.fixture(autouse=True)
def clock(monkeypatch):
    """The throttles' clock, frozen 10 s into an hour (and a minute), so no test straddles
    the end of a quota window; set `clock.now` to move it."""

    class Clock:
        now = 1_800_000_000.0 + 10  # a multiple of 3600, plus 10 s

    monkeypatch.setattr(throttling, "clock", lambda: Clock.now)
    return Clock


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no response, dataset version or memo from another."""
    cache.clear()
    process_caches_clear()
    yield
    cache.clear()
    process_caches_clear()


@pytest.fixture
def seed_dataset(db, django_capture_on_commit_callbacks):
    """The real fixtures/ dataset, loaded into the test database (or its rows copied from
    this session's first load of it: tests/seed_copy.py).

    The load's on-commit work (publishing the new version to the cache) runs as it would
    after a real commit; the test's own transaction never commits.
    """
    with django_capture_on_commit_callbacks(execute=True):
        return seed_load()


@pytest.fixture
def load(django_capture_on_commit_callbacks):
    """Load dataset paths, publishing the new version as a real commit would."""

    def run(*paths):
        with django_capture_on_commit_callbacks(execute=True):
            return dataset_load(paths=list(paths))

    return run


@pytest.fixture
def dataset_copy(tmp_path) -> Path:
    """A writable copy of fixtures/ that a test may edit or break."""
    target = tmp_path / "fixtures"
    shutil.copytree(settings.DATASET_DIR, target, ignore=shutil.ignore_patterns("*.md"))
    return target


class FixtureFile:
    """Read-modify-write one YAML file of a dataset copy."""

    def __init__(self, path: Path):
        self.path = path

    def read(self) -> dict:
        return yaml.safe_load(self.path.read_text(encoding="utf-8"))

    def write(self, data: dict) -> None:
        self.path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")

    def edit(self, change) -> None:
        data = self.read()
        change(data)
        self.write(data)


@pytest.fixture
def fixture_file(dataset_copy):
    """Open a file of the dataset copy by its path relative to fixtures/."""
    return lambda relative: FixtureFile(dataset_copy / relative)


def database_snapshot() -> dict[str, list[dict]]:
    """Every row of every dataset table (and many-to-many link), for before/after checks."""
    snapshot = {}
    for app in DATASET_APPS:
        for model in apps.get_app_config(app).get_models():
            snapshot[model._meta.label] = list(model.objects.order_by("pk").values())
            for field in model._meta.many_to_many:
                through = field.remote_field.through
                snapshot[through._meta.label] = list(through.objects.order_by("pk").values())
    return snapshot
