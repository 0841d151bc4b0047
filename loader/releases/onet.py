"""The O*NET Database, text edition, read from the files the National Center for O*NET
Development publishes (https://www.onetcenter.org/dictionary/29.2/text/).

The release is its zip, `db_<major>_<minor>_text.zip` (members `db_29_2_text/<File Name>.txt`),
or the text files themselves. Of its files the project reads nine: `Read Me.txt` (the version
and the release month), `Occupation Data.txt`, `Job Zone Reference.txt`, `Job Zones.txt`,
`Alternate Titles.txt`, `Sample of Reported Titles.txt`, `Task Statements.txt`,
`Technology Skills.txt` and `Related Occupations.txt`; the others are left alone.

Each file is UTF-8, tab-separated, one header row, no quoting (a task may quote a word in
straight double quotes, which are text). Anything else than O*NET's own format is refused
with the file and line: a header that differs, a line with more or fewer columns than the
header (how a cut file shows), an occupation no `Occupation Data.txt` lists, a flag not Y or N,
a number or a date (MM/YYYY) that is not one. Rows are kept in file order, duplicates included:
O*NET lists a few (code, alternate title) pairs twice.
"""

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath, PurePosixPath

READ_ME = "Read Me.txt"
#: The header line of each table file the project reads, as O*NET writes it.
HEADERS = {
    "Occupation Data.txt": "O*NET-SOC Code\tTitle\tDescription",
    "Job Zone Reference.txt": (
        "Job Zone\tName\tExperience\tEducation\tJob Training\tExamples\tSVP Range"
    ),
    "Job Zones.txt": "O*NET-SOC Code\tJob Zone\tDate\tDomain Source",
    "Alternate Titles.txt": "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)",
    "Sample of Reported Titles.txt": "O*NET-SOC Code\tReported Job Title\tShown in My Next Move",
    "Task Statements.txt": (
        "O*NET-SOC Code\tTask ID\tTask\tTask Type\tIncumbents Responding\tDate\tDomain Source"
    ),
    "Technology Skills.txt": (
        "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand"
    ),
    "Related Occupations.txt": "O*NET-SOC Code\tRelated O*NET-SOC Code\tRelatedness Tier\tIndex",
}
FILE_NAMES = (READ_ME, *HEADERS)
#: The Alternate Titles "Source(s)" codes (the dictionary's list): 01 associations,
#: 02 incumbents, 03 Occupational Code Assignment, 04 SOC, 05 state agencies, 06 Census,
#: 07 BLS, 08 ETA, 09 O*NET users, 10 employer job postings.
TITLE_SOURCES = frozenset(f"{n:02}" for n in range(1, 11))
TASK_KINDS = {"Core": "core", "Supplemental": "supplemental", "n/a": ""}
TIERS = frozenset({"Primary-Short", "Primary-Long", "Supplemental"})
_ZIP_NAME = re.compile(r"db_(\d+)_(\d+)_text\.zip")
_CODE = re.compile(r"[0-9]{2}-[0-9]{4}\.[0-9]{2}")
#: What reading a broken zip raises: a bad directory or data, a method or a password needed.
_ZIP_ERRORS = (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, zlib.error)
_READ_ME = re.compile(r"O\*NET (\d+\.\d+) Database\r?\n(?:(\w+ \d{4}) Release\r?\n)?")


class OnetInvalid(Exception):
    """An O*NET file is malformed; `where` locates it ("Task Statements.txt: line 12", or a
    file name)."""

    def __init__(self, where: str, reason: str):
        self.where, self.reason = where, reason
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True, slots=True)
class OnetOccupation:
    """An O*NET-SOC occupation (`Occupation Data.txt`)."""

    code: str
    title: str
    description: str


@dataclass(frozen=True, slots=True)
class JobZoneReference:
    """What a job zone means (`Job Zone Reference.txt`)."""

    zone: int
    name: str
    experience: str
    education: str
    job_training: str
    examples: str
    svp_range: str


@dataclass(frozen=True, slots=True)
class OccupationJobZone:
    """An occupation's job zone (`Job Zones.txt`); `date` as "2023-08"."""

    code: str
    zone: int
    date: str
    domain_source: str


@dataclass(frozen=True, slots=True)
class AlternateTitle:
    """A lay title of an occupation (`Alternate Titles.txt`); `short_title` "" for n/a."""

    code: str
    title: str
    short_title: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ReportedTitle:
    """A title incumbents reported (`Sample of Reported Titles.txt`)."""

    code: str
    title: str
    shown_in_my_next_move: bool


@dataclass(frozen=True, slots=True)
class Task:
    """A task statement (`Task Statements.txt`); `kind` "core", "supplemental" or "" (n/a)."""

    code: str
    task_id: int
    statement: str
    kind: str
    incumbents_responding: int | None
    date: str
    domain_source: str


@dataclass(frozen=True, slots=True)
class TechnologySkill:
    """A technology used in an occupation (`Technology Skills.txt`)."""

    code: str
    example: str
    commodity_code: int
    commodity_title: str
    hot: bool
    in_demand: bool


@dataclass(frozen=True, slots=True)
class RelatedOccupation:
    """An occupation related to another (`Related Occupations.txt`); `rank` is its Index."""

    code: str
    related_code: str
    tier: str
    rank: int


@dataclass
class OnetRelease:
    """The O*NET files the project reads, row for row in file order."""

    version: str
    released: str
    files: list[str]
    occupations: list[OnetOccupation]
    job_zone_reference: list[JobZoneReference]
    job_zones: list[OccupationJobZone]
    alternate_titles: list[AlternateTitle]
    reported_titles: list[ReportedTitle]
    tasks: list[Task]
    technology_skills: list[TechnologySkill]
    related: list[RelatedOccupation]


def is_onet_file(name: str) -> bool:
    """Whether `name` (a path) is the O*NET text release: its zip (db_<major>_<minor>_text.zip)
    or one of the text files the project reads, by the official file name."""
    base = PurePath(name).name
    return base in FILE_NAMES or _ZIP_NAME.fullmatch(base) is not None


def onet_read(files: list[tuple[str, bytes]], *, max_bytes: int) -> OnetRelease:
    """The release in `files` (name, bytes): either the zip, or the individual .txt files
    (all that the project reads). Raises OnetInvalid at the first problem."""
    names = [PurePath(name).name for name, _ in files]
    texts: dict[str, str] = {}
    for name, raw in files:
        base = PurePath(name).name
        if base.endswith(".zip"):
            members = _zip_members(base, raw, max_bytes=max_bytes)
        elif base in FILE_NAMES:
            if len(raw) > max_bytes:
                raise OnetInvalid(base, f"over {max_bytes} bytes; refused")
            members = [(base, raw)]
        else:
            raise OnetInvalid(base, "not a file of the O*NET release the project reads")
        for member, data in members:
            if member in texts:
                raise OnetInvalid(member, "given twice")
            texts[member] = _text(member, data)
    for needed in FILE_NAMES:
        if needed not in texts:
            raise OnetInvalid(needed, f"missing from {', '.join(names)}")
    version, released = _read_me(texts[READ_ME])
    for name in names:
        named = _ZIP_NAME.fullmatch(name)
        if named and ".".join(named.groups()) != version:
            raise OnetInvalid(name, f"its name is not of the O*NET {version} its Read Me gives")
    occupations = _occupations(texts)
    codes = {occupation.code for occupation in occupations}
    reference = _job_zone_reference(texts)
    return OnetRelease(
        version=version,
        released=released,
        files=names,
        occupations=occupations,
        job_zone_reference=reference,
        job_zones=_job_zones(texts, codes, {zone.zone for zone in reference}),
        alternate_titles=_alternate_titles(texts, codes),
        reported_titles=_reported_titles(texts, codes),
        tasks=_tasks(texts, codes),
        technology_skills=_technology_skills(texts, codes),
        related=_related(texts, codes),
    )


def _zip_members(name: str, raw: bytes, *, max_bytes: int) -> list[tuple[str, bytes]]:
    """The files of the zip the project reads, by their names, each checked for size first."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
        infos = archive.infolist()
    except _ZIP_ERRORS as error:
        raise OnetInvalid(name, f"not a readable zip file ({error})") from None
    members = [(PurePosixPath(i.filename).name, i) for i in infos if not i.is_dir()]
    members = [(base, info) for base, info in members if base in FILE_NAMES]
    if not members:
        raise OnetInvalid(name, "holds none of the O*NET files the project reads")
    for base, info in members:
        if info.file_size > max_bytes:  # refused before it is inflated
            raise OnetInvalid(base, f"over {max_bytes} bytes in {name}; refused")
    try:
        return [(base, archive.read(info)) for base, info in members]
    except _ZIP_ERRORS as error:
        raise OnetInvalid(name, f"not a readable zip file ({error})") from None


def _text(name: str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise OnetInvalid(f"{name}: line {line}", f"not UTF-8 text ({error.reason})") from None


def _read_me(text: str) -> tuple[str, str]:
    """The version ("29.2") and the release month ("February 2025") the Read Me opens with."""
    found = _READ_ME.match(text)
    if not found:
        raise OnetInvalid(f"{READ_ME}: line 1", "not 'O*NET <version> Database', as O*NET's is")
    if not found[2]:
        raise OnetInvalid(f"{READ_ME}: line 2", "not '<Month> <year> Release', as O*NET's is")
    return found[1], found[2]


def _rows(texts: dict[str, str], name: str) -> Iterator[tuple[int, list[str]]]:
    """The data rows of a table file with their line numbers, its header and widths checked."""
    text, header = texts[name], HEADERS[name].split("\t")
    rows = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    number = 1
    try:
        if next(rows, None) != header:
            raise OnetInvalid(f"{name}: line 1", f"the header is not O*NET's: {header}")
        for number, row in enumerate(rows, start=2):
            if len(row) != len(header):
                raise OnetInvalid(
                    f"{name}: line {number}",
                    f"{len(row)} columns, not the {len(header)} of the header",
                )
            yield number, row
    except csv.Error as error:
        raise OnetInvalid(
            f"{name}: line {number + 1}", f"not tab-separated text ({error})"
        ) from None
    if not text.endswith("\n"):
        raise OnetInvalid(f"{name}: line {number}", "ends mid-line: the file is cut short")


def _unknown(name: str, number: int, code: str) -> OnetInvalid:
    return OnetInvalid(f"{name}: line {number}", f"unknown occupation {code}")


def _int(cell: str, name: str, number: int, column: str) -> int:
    if not (cell.isascii() and cell.isdigit()):
        raise OnetInvalid(f"{name}: line {number}", f"{column} {cell!r} is not a whole number")
    return int(cell)


def _flag(cell: str, name: str, number: int, column: str) -> bool:
    if cell == "Y":
        return True
    if cell != "N":
        raise OnetInvalid(f"{name}: line {number}", f"{column} {cell!r} is neither Y nor N")
    return False


def _month(cell: str, name: str, number: int) -> str:
    """A date as O*NET writes it (08/2023), as "2023-08"."""
    month, year = cell[:2], cell[3:]
    if not (
        len(cell) == 7 and cell[2] == "/" and cell.isascii() and month.isdigit() and year.isdigit()
    ) or not ("01" <= month <= "12"):
        raise OnetInvalid(f"{name}: line {number}", f"date {cell!r} is not MM/YYYY")
    return f"{year}-{month}"


def _occupations(texts: dict[str, str]) -> list[OnetOccupation]:
    name, seen, occupations = "Occupation Data.txt", set(), []
    for number, (code, title, description) in _rows(texts, name):
        if not _CODE.fullmatch(code):
            raise OnetInvalid(f"{name}: line {number}", f"{code!r} is not an O*NET-SOC code")
        if code in seen:
            raise OnetInvalid(f"{name}: line {number}", f"{code} is listed twice")
        seen.add(code)
        occupations.append(OnetOccupation(code, title, description))
    return occupations


def _job_zone_reference(texts: dict[str, str]) -> list[JobZoneReference]:
    name, seen, zones = "Job Zone Reference.txt", set(), []
    for number, (zone, *text) in _rows(texts, name):
        value = _int(zone, name, number, "Job Zone")
        if value in seen:
            raise OnetInvalid(f"{name}: line {number}", f"job zone {value} is defined twice")
        seen.add(value)
        zones.append(JobZoneReference(value, *text))
    return zones


def _job_zones(texts: dict[str, str], codes: set[str], zones: set[int]) -> list[OccupationJobZone]:
    name, seen, rows = "Job Zones.txt", set(), []
    for number, (code, zone, date, domain_source) in _rows(texts, name):
        if code not in codes:
            raise _unknown(name, number, code)
        if code in seen:
            raise OnetInvalid(f"{name}: line {number}", f"a second job zone for {code}")
        seen.add(code)
        value = _int(zone, name, number, "Job Zone")
        if value not in zones:
            raise OnetInvalid(f"{name}: line {number}", f"job zone {value} is not in the reference")
        rows.append(OccupationJobZone(code, value, _month(date, name, number), domain_source))
    return rows


def _alternate_titles(texts: dict[str, str], codes: set[str]) -> list[AlternateTitle]:
    name, rows = "Alternate Titles.txt", []
    for number, (code, title, short_title, sources) in _rows(texts, name):
        if code not in codes:
            raise _unknown(name, number, code)
        listed = tuple(sources.split(","))
        if not TITLE_SOURCES.issuperset(listed):
            raise OnetInvalid(f"{name}: line {number}", f"source {sources!r} is not O*NET's")
        short = "" if short_title == "n/a" else short_title
        rows.append(AlternateTitle(code, title, short, listed))
    return rows


def _reported_titles(texts: dict[str, str], codes: set[str]) -> list[ReportedTitle]:
    name, rows = "Sample of Reported Titles.txt", []
    for number, (code, title, shown) in _rows(texts, name):
        if code not in codes:
            raise _unknown(name, number, code)
        flag = _flag(shown, name, number, "Shown in My Next Move")
        rows.append(ReportedTitle(code, title, flag))
    return rows


def _tasks(texts: dict[str, str], codes: set[str]) -> list[Task]:
    name, rows = "Task Statements.txt", []
    for number, (code, task_id, statement, kind, responding, date, source) in _rows(texts, name):
        if code not in codes:
            raise _unknown(name, number, code)
        if kind not in TASK_KINDS:
            raise OnetInvalid(f"{name}: line {number}", f"Task Type {kind!r} is not O*NET's")
        task = _int(task_id, name, number, "Task ID")
        incumbents = None if responding == "n/a" else _int(responding, name, number, "Incumbents")
        month = _month(date, name, number)
        rows.append(Task(code, task, statement, TASK_KINDS[kind], incumbents, month, source))
    return rows


def _technology_skills(texts: dict[str, str], codes: set[str]) -> list[TechnologySkill]:
    name, hot_of, rows = "Technology Skills.txt", {}, []
    for number, (code, example, commodity, title, hot, demand) in _rows(texts, name):
        if code not in codes:
            raise _unknown(name, number, code)
        is_hot = _flag(hot, name, number, "Hot Technology")
        # Hot Technology is O*NET's word on the technology, not on its use in one occupation.
        if hot_of.setdefault(example, is_hot) != is_hot:
            raise OnetInvalid(f"{name}: line {number}", f"{example}: Hot Technology differs")
        commodity_code = _int(commodity, name, number, "Commodity Code")
        in_demand = _flag(demand, name, number, "In Demand")
        rows.append(TechnologySkill(code, example, commodity_code, title, is_hot, in_demand))
    return rows


def _related(texts: dict[str, str], codes: set[str]) -> list[RelatedOccupation]:
    name, rows = "Related Occupations.txt", []
    for number, (code, related, tier, index) in _rows(texts, name):
        for known in (code, related):
            if known not in codes:
                raise _unknown(name, number, known)
        if tier not in TIERS:
            raise OnetInvalid(f"{name}: line {number}", f"Relatedness Tier {tier!r} is not O*NET's")
        rows.append(RelatedOccupation(code, related, tier, _int(index, name, number, "Index")))
    return rows
