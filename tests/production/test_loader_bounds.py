"""`manage.py load_dataset` as a real process on files beyond the loader's bounds: an alias
bomb and a file over the size bound are refused within seconds, the file named on stderr,
and the database's export is unchanged. Every run is bounded by a timeout."""

import shutil
import subprocess
import time

import pytest
from django.conf import settings

from tests.loader.bounds_files import alias_bomb, padded_skills

from .processes import dataset_export, manage, scratch_database_loaded

RUN_TIMEOUT = 30  # seconds; before the bound, the bomb ran for 90 s and 3.5 GB, unreported
REFUSED_WITHIN = 20


@pytest.fixture(scope="module")
def bounds_database():
    """A scratch database with the fixtures/ dataset loaded (migrate + load, as deploys do)."""
    with scratch_database_loaded("bounds") as url:
        yield url


def fixtures_with(tmp_path, relative: str, text: str) -> str:
    """A copy of fixtures/ with one file added."""
    target = tmp_path / "fixtures"
    shutil.copytree(settings.DATASET_DIR, target, ignore=shutil.ignore_patterns("*.md"))
    (target / relative).write_text(text, encoding="utf-8")
    return str(target)


def refused_load(path: str, database_url: str) -> tuple[str, float]:
    """Run `load_dataset PATH`, which must fail; its stderr and how long it ran."""
    started = time.monotonic()
    process = manage("load_dataset", path, database_url=database_url)
    try:
        _, err = process.communicate(timeout=RUN_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        pytest.fail(f"load_dataset {path} still ran after {RUN_TIMEOUT} s")
    assert process.returncode != 0, err
    return err, time.monotonic() - started


def test_an_alias_bomb_is_refused_within_seconds(bounds_database, tmp_path):
    dataset = fixtures_with(tmp_path, "catalogue/bomb.yaml", alias_bomb())
    before = dataset_export(bounds_database)

    err, seconds = refused_load(dataset, bounds_database)

    assert seconds < REFUSED_WITHIN
    assert "catalogue/bomb.yaml: /: aliases expand to more than 5,000,000 nodes" in err
    assert "(limit DATASET_MAX_NODES)" in err
    assert "the database was not changed" in err
    assert dataset_export(bounds_database) == before


def test_a_file_over_the_size_bound_is_refused(bounds_database, tmp_path, monkeypatch):
    # The bound from the environment, as an operator sets it: no 64 MiB file to write.
    monkeypatch.setenv("DATASET_MAX_FILE_BYTES", "100000")  # the largest fixture is 71 kB
    dataset = fixtures_with(tmp_path, "catalogue/huge.yaml", padded_skills(100_001))
    before = dataset_export(bounds_database)

    err, seconds = refused_load(dataset, bounds_database)

    assert seconds < REFUSED_WITHIN
    assert (
        "catalogue/huge.yaml: /: the file is 100,001 bytes, more than the limit of 100,000 "
        "bytes (DATASET_MAX_FILE_BYTES); refused"
    ) in err
    assert "the database was not changed" in err
    assert dataset_export(bounds_database) == before
