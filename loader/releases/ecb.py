"""The ECB's euro foreign exchange reference rates, read from the files the ECB publishes.

- `eurofxref-hist.zip` (or the `.csv` inside it): every publication day since 1999-01-04,
  newest first: `Date,USD,JPY,…,` with ISO dates, `N/A` where a currency was not quoted;
- `eurofxref.zip` / `eurofxref.csv`: the latest day: `Date, USD, …` and `30 October 2026`.

Several files are merged by day (a daily file adds its day to a history); two files that
give one currency different rates on the same day are refused. Each rate becomes an
`exchange_rates` entry (EUR as base) and the files one `sources` entry, the ECB, dated by
the latest day read. Currencies no longer in ISO 4217 (the ECB's history still holds CYP,
HRK and the like) are left out and named in the source's `covers`.
"""

import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import PurePath

from ..standards import currencies_standard

HISTORY_NAMES = {"eurofxref-hist.zip", "eurofxref-hist.csv"}
DAILY_NAMES = {"eurofxref.zip", "eurofxref.csv"}
BASE = "EUR"
SOURCE_SLUG = "ecb-euro-reference-rates"
SOURCE = {
    "slug": SOURCE_SLUG,
    "title": "Euro foreign exchange reference rates",
    "publisher": "European Central Bank",
    "url": "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip",
    "licence": "ECB statistics may be reused with the source named.",
    "citation": "Source: European Central Bank, euro foreign exchange reference rates",
}
#: Digits after the point an `ExchangeRate.rate` keeps; the ECB publishes at most six.
RATE_DECIMALS = 8
_CODE = re.compile(r"^[A-Z]{3}$")
#: The months as the daily file writes them, in English whatever the locale.
_MONTHS = {
    "January": 1,
    "February": 2,
    "March": 3,
    "April": 4,
    "May": 5,
    "June": 6,
    "July": 7,
    "August": 8,
    "September": 9,
    "October": 10,
    "November": 11,
    "December": 12,
}


class EcbInvalid(Exception):
    """An ECB file is malformed; `where` locates the problem (a line, or the file)."""

    def __init__(self, where: str, reason: str):
        self.where, self.reason = where, reason
        super().__init__(f"{where}: {reason}")


def is_ecb_file(name: str) -> bool:
    """Whether `name` (a path) is one of the ECB's files, by the name the ECB gives it."""
    return PurePath(name).name in HISTORY_NAMES | DAILY_NAMES


def is_history(name: str) -> bool:
    return PurePath(name).name in HISTORY_NAMES


@dataclass
class Rates:
    """Rates read so far, by (currency, day), with the file each came from."""

    values: dict[tuple[str, date], tuple[Decimal, str]]
    withdrawn: set[str]
    files: list[str]


def ecb_collections(files: list[tuple[str, bytes]], *, max_bytes: int) -> dict[str, list]:
    """The `sources` and `exchange_rates` collections of the ECB files (name, bytes).

    Raises `EcbInvalid` (with the file's name in `where`) at the first problem.
    """
    rates = Rates(values={}, withdrawn=set(), files=[])
    for name, raw in files:
        _read_into(rates, name, _csv_text(name, raw, max_bytes=max_bytes))
    if not rates.values:
        raise EcbInvalid(", ".join(rates.files), "no exchange rates in the ECB files")
    days = sorted({day for _, day in rates.values})
    codes = sorted({code for code, _ in rates.values})
    covers = (
        f"The ECB's daily euro reference rates for {len(codes)} currencies "
        f"({', '.join(codes)}), {days[0]} to {days[-1]}: {len(days)} publication days."
    )
    if rates.withdrawn:
        covers += (
            " Rates of currencies no longer in ISO 4217 are left out: "
            f"{', '.join(sorted(rates.withdrawn))}."
        )
    # The latest day is told in `as_of_note`, not `as_of`: what cites the source shows its
    # `as_of` (in `attribution`), and a refresh would otherwise change every rate ever loaded.
    note = f"The latest rates loaded are of {days[-1]}."
    source = SOURCE | {"file": ", ".join(rates.files), "covers": covers, "as_of_note": note}
    entries = [
        {
            "slug": f"{code.lower()}-{day}",
            "base": BASE,
            "currency": code,
            "date": str(day),
            "rate": float(value),  # at most six digits after the point: exact as a float
            "source": SOURCE_SLUG,
        }
        for (code, day), (value, _) in sorted(rates.values.items(), key=lambda i: i[0][1])
    ]
    return {"sources": [source], "exchange_rates": entries}


def _csv_text(name: str, raw: bytes, *, max_bytes: int) -> str:
    """The CSV's text: the file itself, or the one CSV inside the ECB's zip."""
    if name.endswith(".zip"):
        try:
            archive = zipfile.ZipFile(io.BytesIO(raw))
            members = [i for i in archive.infolist() if i.filename.endswith(".csv")]
            if len(members) != 1:
                raise EcbInvalid(name, f"holds {len(members)} CSV files; the ECB's holds one")
            if members[0].file_size > max_bytes:  # refused before it is inflated
                raise EcbInvalid(name, f"its CSV is over {max_bytes} bytes; refused")
            raw = archive.read(members[0])
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError) as error:
            raise EcbInvalid(name, f"not a readable zip file ({error})") from error
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise EcbInvalid(name, f"not UTF-8 text ({error.reason} at byte {error.start})") from None


def _read_into(rates: Rates, name: str, text: str) -> None:
    rates.files.append(PurePath(name).name)
    rows = csv.reader(io.StringIO(text))
    header = [cell.strip() for cell in next(rows, [])]
    while header and not header[-1]:  # the ECB ends every line with a comma
        header.pop()
    if not header or header[0] != "Date":
        raise EcbInvalid(f"{name}: line 1", "the header must start with Date, as the ECB's does")
    codes = header[1:]
    for code in codes:
        if not _CODE.match(code):
            raise EcbInvalid(f"{name}: line 1", f"{code!r} is not a currency code")
    if len(set(codes)) != len(codes):
        raise EcbInvalid(f"{name}: line 1", "a currency is named twice")
    known = currencies_standard()
    rates.withdrawn |= {code for code in codes if code not in known}
    seen: set[date] = set()
    for number, row in enumerate(rows, start=2):
        cells = [cell.strip() for cell in row]
        while cells and not cells[-1]:
            cells.pop()
        if not cells:
            continue
        where = f"{name}: line {number}"
        if len(cells) > len(header):
            raise EcbInvalid(where, f"{len(cells)} values for {len(header)} columns")
        day = _day(cells[0], where)
        if day in seen:
            raise EcbInvalid(where, f"{day} is given twice")
        seen.add(day)
        for code, cell in zip(codes, cells[1:], strict=False):
            if cell in ("N/A", "") or code not in known:
                continue
            value = _rate(cell, code, where)
            held = rates.values.setdefault((code, day), (value, name))
            if held[0] != value:
                raise EcbInvalid(
                    where, f"{code} on {day} is {value} here but {held[0]} in {held[1]}"
                )


def _day(text: str, where: str) -> date:
    """A day as the history writes it (2026-10-30) or the daily file (30 October 2026)."""
    try:
        if "-" in text:
            return date.fromisoformat(text)
        day, month, year = text.split()
        return datetime(int(year), _MONTHS[month], int(day)).date()
    except (ValueError, KeyError):
        raise EcbInvalid(where, f"{text!r} is not a date") from None


def _rate(text: str, code: str, where: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise EcbInvalid(where, f"{code}: {text!r} is not a rate") from None
    if not value.is_finite() or value <= 0:
        raise EcbInvalid(where, f"{code}: {text!r} is not a positive rate")
    if -value.as_tuple().exponent > RATE_DECIMALS or value.adjusted() >= 12:
        raise EcbInvalid(where, f"{code}: {text!r} has more digits than a rate keeps")
    return value
