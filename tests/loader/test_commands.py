"""`manage.py load_dataset`: the real fixtures load, and broken files change nothing."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from dataset.models import DatasetVersion
from roles.models import Role
from tests.conftest import database_snapshot


def run_load(*paths) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("load_dataset", *map(str, paths), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def run_broken_load(path) -> str:
    """Load a broken dataset; return what the command printed on stderr."""
    err = StringIO()
    with pytest.raises(CommandError, match="the database was not changed"):
        call_command("load_dataset", str(path), stdout=StringIO(), stderr=err)
    return err.getvalue()


@pytest.mark.django_db
def test_loads_the_real_fixtures_and_prints_counts_per_type():
    out, _ = run_load()

    assert "roles" in out and "salary bands" in out and "questions" in out
    assert out.strip().endswith("loaded.")
    assert Role.objects.filter(slug="amazon-engineer").exists()
    version = DatasetVersion.objects.get()
    assert len(version.version) == 64
    assert out.strip().endswith(f"Dataset {version.version} loaded.")  # what ?since= takes
    assert version.counts["roles"] == Role.objects.count()


@pytest.mark.django_db
def test_loading_twice_changes_nothing(seed_dataset):
    before = database_snapshot()

    out, _ = run_load()

    assert out.strip().endswith("unchanged.")
    assert "(+0 created, ~0 updated, -0 deleted)" in out
    assert database_snapshot() == before


def break_band_currency(data):
    data["salary_bands"][0]["currency"] = "QQQ"  # no currency: ISO 4217 lists none


def swap_band_min_max(data):
    band = data["salary_bands"][6]  # the US L4 band: $150,000–$220,000
    band["min"], band["max"] = band["max"], band["min"]


def drop_band_source(data):
    del data["salary_bands"][0]["source"]


def link_missing_skill(data):
    data["roles"][0]["skills"][0]["skill"] = "no-such-skill"


def lowercase_currency(data):
    data["salary_bands"][1]["currency"] = "usd"


def negative_amount(data):
    data["salary_bands"][1]["median"] = -5


def open_max_without_max(data):
    del data["salary_bands"][1]["average"]
    data["salary_bands"][1]["max_open"] = True


def unknown_field(data):
    data["salary_bands"][0]["bonus"] = 10


BROKEN = [
    (break_band_currency, "/salary_bands/0/currency", "unknown currencies 'QQQ'"),
    (
        swap_band_min_max,
        "/salary_bands/6/min",
        "min must not exceed max: 220000 is more than 150000",
    ),
    (drop_band_source, "/salary_bands/0", "'source' is a required property"),
    (link_missing_skill, None, "unknown skills 'no-such-skill'"),
    (lowercase_currency, "/salary_bands/1/currency", "does not match"),
    (negative_amount, "/salary_bands/1/median", "less than or equal to the minimum of 0"),
    (open_max_without_max, "/salary_bands/1/max_open", "max_open needs a max"),
    (unknown_field, "/salary_bands/0", "unknown field(s) ('bonus' was unexpected)"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("breaker", "path", "reason"), BROKEN, ids=lambda v: getattr(v, "__name__", None)
)
def test_a_broken_fixture_names_file_path_and_reason_and_changes_nothing(
    seed_dataset, dataset_copy, fixture_file, breaker, path, reason
):
    relative = "amazon/amazon-engineer-salaries.yaml"
    if breaker is link_missing_skill:
        relative, path = "industry/aws-developer.yaml", "/roles/0/skills/0/skill"
    fixture_file(relative).edit(breaker)
    before = database_snapshot()

    err = run_broken_load(dataset_copy)

    assert f"{relative}: {path}: " in err
    assert reason in err
    assert database_snapshot() == before


def region(data, slug: str) -> dict:
    return next(entry for entry in data["regions"] if entry["slug"] == slug)


GEOGRAPHY = [
    (
        lambda d: d["currencies"].append({"code": "ABC", "symbol": "A"}),
        "/currencies/9/code",
        "'ABC' is not an ISO 4217 currency code",
    ),
    (
        lambda d: region(d, "us-wa").update(code="US-ZZ"),
        "/regions/16/code",
        "'US-ZZ' is not an ISO 3166-2 subdivision code",
    ),
    (
        lambda d: region(d, "us-wa").update(code="CA-BC"),
        "/regions/16/code",
        "'CA-BC' is not a subdivision of the country this region is in (US)",
    ),
    (
        lambda d: region(d, "gb").update(code="ZZ"),
        "/regions/11/code",
        "'ZZ' is not an ISO 3166-1 country code",
    ),
    (
        lambda d: region(d, "london").update(code="GB-LND"),
        "/regions/18/code",
        "countries and subdivisions, and only they, carry a code",
    ),
    (
        lambda d: region(d, "europe").pop("name"),
        "/regions/3/name",
        "needs a name: no ISO 3166 code gives it one",
    ),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("breaker", "path", "reason"), GEOGRAPHY)
def test_a_code_iso_does_not_know_is_refused_and_changes_nothing(
    seed_dataset, dataset_copy, fixture_file, breaker, path, reason
):
    fixture_file("reference/geography.yaml").edit(breaker)
    before = database_snapshot()

    err = run_broken_load(dataset_copy)

    assert f"reference/geography.yaml: {path}: {reason}" in err
    assert database_snapshot() == before


@pytest.mark.django_db
def test_malformed_yaml_is_reported_with_its_line(seed_dataset, dataset_copy):
    (dataset_copy / "reference" / "sources.yaml").write_text("sources:\n  - slug: [unclosed\n")
    before = database_snapshot()

    err = run_broken_load(dataset_copy)

    assert "reference/sources.yaml: /: invalid YAML at line 3" in err
    assert database_snapshot() == before


@pytest.mark.django_db
def test_malformed_json_is_reported(seed_dataset, dataset_copy):
    (dataset_copy / "extra.json").write_text('{"topics": [}')
    before = database_snapshot()

    err = run_broken_load(dataset_copy)

    assert "extra.json: /: invalid JSON at line 1" in err
    assert database_snapshot() == before


@pytest.mark.django_db
def test_a_duplicate_yaml_key_is_an_error_not_a_silent_override(dataset_copy):
    (dataset_copy / "extra.yaml").write_text(
        "topics:\n  - slug: graphs\n    name: Graphs\n    name: Trees\n"
    )

    err = run_broken_load(dataset_copy)

    assert "extra.yaml: /: invalid YAML at line 4" in err
    assert "duplicate key 'name'" in err


@pytest.mark.django_db
def test_a_duplicate_slug_across_files_names_both_places(seed_dataset, dataset_copy):
    (dataset_copy / "extra.yaml").write_text(
        "skills:\n  - {slug: python, name: Py, category: language}\n"
    )
    before = database_snapshot()

    err = run_broken_load(dataset_copy)

    assert "extra.yaml: /skills/0/slug: duplicate skills key 'python'" in err
    assert "first defined in catalogue/skills.yaml at /skills/" in err
    assert database_snapshot() == before


@pytest.mark.django_db
def test_every_problem_is_reported_in_one_run(dataset_copy, fixture_file):
    def two_problems(data):
        break_band_currency(data)
        drop_band_source(data)
        data["salary_bands"][2]["region"] = "atlantis"

    fixture_file("amazon/amazon-engineer-salaries.yaml").edit(two_problems)

    err = run_broken_load(dataset_copy)

    assert "'source' is a required property" in err
    # The schema check stops a file's cross-file checks, so fix it and look again.
    fixture_file("amazon/amazon-engineer-salaries.yaml").edit(
        lambda data: data["salary_bands"][0].update(source="himalayas-amazon-engineer-guide")
    )
    err = run_broken_load(dataset_copy)
    assert "unknown currencies 'QQQ'" in err
    assert "/salary_bands/2/region: unknown regions 'atlantis'" in err


@pytest.mark.django_db
def test_a_missing_path_is_an_error(tmp_path):
    err = run_broken_load(tmp_path / "nowhere")

    assert "nowhere: /: no such file or directory" in err
