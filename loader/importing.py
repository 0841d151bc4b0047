"""Reading a bulk export back: each exported item becomes a fixture entry again.

`load_dataset export.ndjson` runs the export through here and then through the same schema
check, validation and write as the fixture files, so a broken export is rejected like a
broken fixture. The file must be whole: its last line's checksum must match the lines
above it, and the header's counts the items.

An export holds what the API shows, so a round trip keeps every API response.
"""

import hashlib
import json
from collections import Counter, defaultdict
from decimal import Decimal

from django.db import models

from .declaring import Children, DatasetType, Range, Ref, Refs, Value
from .types import BY_MODEL, nested

EXPORT_SUFFIX = ".ndjson"


class ExportInvalid(Exception):
    """The export file is malformed; `where` locates the problem (a line, or the file)."""

    def __init__(self, where: str, reason: str):
        self.where, self.reason = where, reason
        super().__init__(f"{where}: {reason}")


def _entry(fields: dict) -> dict:
    """A fixture entry: fields the API shows as null, blank, empty or false are left out."""
    return {
        name: value
        for name, value in fields.items()
        if value is not False and value not in (None, "", [])
    }


def _number(value):
    """An amount as the fixture format writes it (the API may send decimals as strings)."""
    if value is None:
        return None
    number = Decimal(str(value))
    return int(number) if number == number.to_integral_value() else float(number)


def _key(value, target: DatasetType):
    """A reference as the API shows it (a slug, or the object with its slug) as a key."""
    return value[target.slug] if isinstance(value, dict) else value


def _from_api(declared: DatasetType, data: dict):
    """The fixture entry of an item as the API shows it (an entry's field by field)."""
    if declared.scalar is not None:
        return data  # a plain value (an alias)
    entry = {}
    for field in declared.fields:
        if isinstance(field, Value):
            if field.derive is None:
                value = data[field.api] if field.read_api is None else field.read_api(data)
                if field.from_api is not None:
                    value = field.from_api(value)
                elif isinstance(field.model_field, models.DecimalField):
                    value = _number(value)
                entry[field.name] = value
        elif isinstance(field, Ref):
            entry[field.name] = _key(data[field.api], BY_MODEL[field.target_model])
        elif isinstance(field, Refs):
            target = BY_MODEL[field.target_model]
            entry[field.name] = [_key(value, target) for value in data[field.api]]
        elif isinstance(field, Range):
            low, high = data[field.min], data[field.max]
            quote = data[field.quote] if field.quote else ""
            bounds = {"min": low, "max": high, "quote": quote}
            entry[field.name] = None if low is None else _entry(bounds)
        elif isinstance(field, Children):
            items = data[field.api]
            if items and isinstance(items[0], dict) and "position" in items[0]:
                items = sorted(items, key=lambda item: item["position"])
            entry[field.name] = [_from_api(field.type, item) for item in items]
    return _entry(entry)


#: The collections an export lists, by name: the type of each, and where in a file it goes
#: (None: nested in another type's entries, such as levels in their ladders).
IMPORTED = {t.collection: t for t in nested() if t.collection}


def _json_line(number: int, line: bytes) -> dict:
    try:
        obj = json.loads(line)
    except (UnicodeDecodeError, ValueError) as error:
        raise ExportInvalid(f"line {number}", f"not a JSON object ({error})") from error
    if not isinstance(obj, dict):
        raise ExportInvalid(f"line {number}", "not a JSON object")
    return obj


def _verified_lines(raw: bytes) -> list[bytes]:
    """The lines above the checksum line, once the checksum proves them whole."""
    text = raw[:-1] if raw.endswith(b"\n") else raw
    cut = text.rfind(b"\n") + 1
    body, last = text[:cut], text[cut:]
    lines = body.splitlines()
    checksum = _json_line(len(lines) + 1, last) if last.strip() else {}
    if checksum.get("type") != "checksum" or not isinstance(checksum.get("sha256"), str):
        raise ExportInvalid(
            f"line {len(lines) + 1}", "the last line is not the checksum: the file is truncated"
        )
    if hashlib.sha256(body).hexdigest() != checksum["sha256"]:
        raise ExportInvalid(
            f"line {len(lines) + 1}",
            "checksum mismatch: the lines above do not hash to the sha256 given, so the file "
            "was changed or damaged after the export",
        )
    return lines


def export_to_fixture(raw: bytes) -> dict[str, list[dict]]:
    """Turn an export file's bytes into one fixture file's collections.

    Raises `ExportInvalid` if the checksum does not match, a line is not an exported item
    or the items do not add up to the header's counts.
    """
    lines = _verified_lines(raw)
    if not lines:
        raise ExportInvalid("line 1", "no header line")
    header = _json_line(1, lines[0])
    if header.get("type") != "dataset" or not isinstance(header.get("counts"), dict):
        raise ExportInvalid("line 1", 'the first line is not the {"type": "dataset"} header')
    collections: dict[str, list[dict]] = defaultdict(list)
    counts: Counter = Counter()
    listed_nested: dict[str, set] = defaultdict(set)  # keys of nested items listed alone
    for number, line in enumerate(lines[1:], start=2):
        item = _json_line(number, line)
        type_name = item.get("type")
        if type_name not in IMPORTED:
            raise ExportInvalid(f"line {number}", f"unknown type {type_name!r}")
        if not isinstance(item.get("data"), dict):
            raise ExportInvalid(f"line {number}", "no `data` object")
        counts[type_name] += 1
        declared = IMPORTED[type_name]
        if declared.parent is not None:  # written from its parent's entry (a level's ladder)
            listed_nested[declared.key].add(item.get("slug"))
            continue
        try:
            collections[declared.key].append(_from_api(declared, item["data"]))
        except (KeyError, TypeError, AttributeError, ArithmeticError, ValueError) as error:
            raise ExportInvalid(
                f"line {number}", f"not a {type_name} item as the API shows it ({error!r})"
            ) from error
    expected = {name: count for name, count in header["counts"].items() if count}
    if expected != dict(counts):
        raise ExportInvalid(
            "line 1", f"the header counts {expected}, the file holds {dict(counts)}"
        )
    for parent in nested():
        for children in parent.children:
            child = children.type
            if child.collection is None:
                continue
            inside = {
                nested_entry[child.slug]
                for entry in collections.get(parent.key, ())
                for nested_entry in entry.get(children.name, ())
            }
            if listed_nested.get(child.key, set()) != inside:
                reason = (
                    f"the {child.key} listed differ from the {child.key} inside the {parent.key}"
                )
                raise ExportInvalid("", reason)
    return dict(collections)
