"""The loader's bounds on one file: its bytes, and a YAML document's nodes with every alias
expanded. A file beyond either is refused at once, named, and nothing is written."""

import time
import tracemalloc
from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command

from loader.bounds import OverBound, yaml_expanded_nodes
from loader.reading import DatasetInvalid, _StrictLoader, dataset_read
from tests.conftest import database_snapshot

from .bounds_files import alias_bomb, padded_skills


def run_broken_load(path) -> str:
    """Load a dataset that must be refused; return what the command printed on stderr."""
    err = StringIO()
    with pytest.raises(CommandError, match="the database was not changed"):
        call_command("load_dataset", str(path), stdout=StringIO(), stderr=err)
    return err.getvalue()


def expanded(data) -> int:
    """Nodes of constructed YAML counted the slow way, a mapping's keys included."""
    if isinstance(data, dict):
        return 1 + sum(1 + expanded(value) for value in data.values())
    if isinstance(data, list):
        return 1 + sum(map(expanded, data))
    return 1


# ------------------------------------------------------------------------------
# Alias expansion
# ------------------------------------------------------------------------------
@pytest.mark.django_db
def test_an_alias_bomb_is_refused_at_once_naming_the_file_and_changes_nothing(
    seed_dataset, dataset_copy
):
    (dataset_copy / "catalogue" / "bomb.yaml").write_text(alias_bomb())
    before = database_snapshot()

    started = time.monotonic()
    err = run_broken_load(dataset_copy)

    assert time.monotonic() - started < 5  # was: 3.5 GB and killed after 90 s
    assert err.splitlines() == [
        "catalogue/bomb.yaml: /: aliases expand to more than 5,000,000 nodes "
        "(limit DATASET_MAX_NODES), passed at line 7, column 25; refused"
    ]
    assert database_snapshot() == before


def test_the_bomb_is_counted_without_being_built(tmp_path, settings):
    settings.ONET_FILES = settings.OEWS_FILES = []  # what is measured is the bomb's reading
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(alias_bomb(levels=12))  # 10**12 once expanded

    tracemalloc.start()
    try:
        started = time.monotonic()
        with pytest.raises(DatasetInvalid):
            dataset_read([bomb])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert time.monotonic() - started < 1
    assert peak < 2**20


@pytest.mark.django_db
def test_files_with_aliases_below_the_bound_load_and_the_bound_is_the_setting(
    settings, dataset_copy, load
):
    skills = ["skills:", "  - {slug: bound-a, name: Bound A, category: &tool tool}"]
    skills += [f"  - {{slug: bound-{n}, name: Bound {n}, category: *tool}}" for n in range(20)]
    (dataset_copy / "catalogue" / "aliased.yaml").write_text("\n".join(skills) + "\n")

    load(dataset_copy)  # a plain use of aliases is welcome
    settings.DATASET_MAX_NODES = 100

    err = run_broken_load(dataset_copy)

    assert err.splitlines() == [
        "catalogue/aliased.yaml: /: aliases expand to more than 100 nodes "
        "(limit DATASET_MAX_NODES), passed at line 15, column 48; refused"
    ]


@pytest.mark.parametrize(
    "text",
    [
        alias_bomb(levels=3, width=4),
        "a: &x {k: [1, 2, &y 3]}\nb: [*x, *x, *y, {k: *x}]\n",
        "a: &s text\nb: [*s, *s]\n",
        "a: '*not an alias*'\n",
    ],
    ids=["bomb", "nested", "scalar", "star-in-text"],
)
def test_the_count_is_the_size_of_the_expanded_document(text):
    count = yaml_expanded_nodes(text, loader=_StrictLoader, limit=10**6)

    assert count == expanded(yaml.load(text, Loader=_StrictLoader))


@pytest.mark.parametrize("text", ["a: [1, 2, 3]\n", "--- {a: &x [1, 2]}\n"])
def test_a_document_without_alias_is_not_parsed_twice(text):
    assert yaml_expanded_nodes(text, loader=_StrictLoader, limit=1) is None


def test_nodes_before_the_first_alias_count_towards_the_bound():
    text = "a: [" + ", ".join(["1"] * 50) + "]\nb: &x 1\nc: *x\n"

    with pytest.raises(OverBound, match=r"more than 40 nodes .* line 3, column 4"):
        yaml_expanded_nodes(text, loader=_StrictLoader, limit=40)


@pytest.mark.django_db
def test_a_recursive_alias_is_refused_by_the_constructor(dataset_copy):
    (dataset_copy / "loop.yaml").write_text("topics: &a [*a]\n")

    err = run_broken_load(dataset_copy)

    assert "loop.yaml: /: invalid YAML at line 1, column 9: found unconstructable recursive" in err


# ------------------------------------------------------------------------------
# File size
# ------------------------------------------------------------------------------
@pytest.mark.django_db
def test_a_file_over_the_size_bound_is_refused_naming_file_and_limit(
    settings, seed_dataset, dataset_copy
):
    # The real fixtures' largest file is 71 kB, the tests' O*NET extract 256 kB.
    settings.DATASET_MAX_FILE_BYTES = 300_000
    (dataset_copy / "catalogue" / "huge.yaml").write_text(padded_skills(300_001))
    before = database_snapshot()

    err = run_broken_load(dataset_copy)

    assert err.splitlines() == [
        "catalogue/huge.yaml: /: the file is 300,001 bytes, more than the limit of 300,000 "
        "bytes (DATASET_MAX_FILE_BYTES); refused"
    ]
    assert database_snapshot() == before


@pytest.mark.django_db
def test_a_file_of_exactly_the_size_bound_loads(settings, dataset_copy, load):
    settings.DATASET_MAX_FILE_BYTES = 300_000
    (dataset_copy / "catalogue" / "huge.yaml").write_text(padded_skills(300_000))

    assert load(dataset_copy).changed


@pytest.mark.django_db
def test_a_bulk_export_is_not_bounded_by_the_file_size(settings, seed_dataset, tmp_path, load):
    export = tmp_path / "export.ndjson"
    call_command("export_dataset", "--output", str(export), stdout=StringIO())
    settings.DATASET_MAX_FILE_BYTES = 1000

    assert export.stat().st_size > 1000
    assert not load(export).changed
