"""Reading a bulk export back: each exported item becomes a fixture entry again.

`load_dataset export.ndjson` runs the export through here and then through the same schema
check, validation and write as the fixture files, so a broken export is rejected like a
broken fixture. The file must be whole: its last line's checksum must match the lines
above it, and the header's counts the items.

An export holds what the API shows, so a round trip keeps every API response; what the API
does not show is not restored (exchange rates older than a currency's latest).
"""

import hashlib
import json
from collections import Counter, defaultdict
from decimal import Decimal

EXPORT_SUFFIX = ".ndjson"


class ExportInvalid(Exception):
    """The export file is malformed; `where` locates the problem (a line, or the file)."""

    def __init__(self, where: str, reason: str):
        self.where, self.reason = where, reason
        super().__init__(f"{where}: {reason}")


def _entry(**fields) -> dict:
    """A fixture entry: fields the API shows as null, blank or empty are left out."""
    return {name: value for name, value in fields.items() if value not in (None, "", [])}


def _number(value):
    """An amount as the fixture format writes it (the API may send decimals as strings)."""
    if value is None:
        return None
    number = Decimal(str(value))
    return int(number) if number == number.to_integral_value() else float(number)


def _slug(ref: dict | None) -> str | None:
    return None if ref is None else ref["slug"]


def _slugs(refs: list[dict]) -> list[str]:
    return [ref["slug"] for ref in refs]


def _range(low, high, quote: str = "") -> dict | None:
    return None if low is None else _entry(min=low, max=high, quote=quote)


def _statistic(s: dict) -> dict:
    return _entry(
        kind=s["kind"],
        value=_number(s["value"]),
        value_max=_number(s["value_max"]),
        approximate=s["approximate"] or None,
        open_ended=s["open_ended"] or None,
        unit=s["unit"],
        basis=s["basis"],
        period=s["period"],
        quote=s["quote"],
        interpretation=s["interpretation"],
        source=s["source"]["slug"],
    )


def _source(d: dict) -> dict:
    fields = ("slug", "title", "publisher", "file", "url", "covers", "as_of", "as_of_note")
    return _entry(**{name: d[name] for name in fields})


def _company(d: dict) -> dict:
    return _entry(
        slug=d["slug"],
        name=d["name"],
        kind=d["kind"],
        parent=d["parent"],
        description=d["description"],
        sources=_slugs(d["sources"]),
        statistics=[_statistic(s) for s in d["statistics"]],
    )


def _role(d: dict) -> dict:
    return _entry(
        slug=d["slug"],
        title=d["title"],
        family=d["family"],
        company=d["company"],
        summary=d["summary"],
        source=d["source"]["slug"],
        experience_years=_range(
            d["experience_years_min"], d["experience_years_max"], d["experience_quote"]
        ),
        employer_types=d["employer_types"],
        statistics=[_statistic(s) for s in d["statistics"]],
        skills=[
            _entry(
                skill=s["slug"],
                importance=s["importance"],
                source=s["source"]["slug"],
                quote=s["quote"],
            )
            for s in d["skills"]
        ],
        content=[
            _entry(kind=c["kind"], title=c["title"], body=c["body"], source=c["source"]["slug"])
            for c in d["content"]
        ],
        related=[
            _entry(
                name=r["name"],
                role=r["role"],
                description=r["description"],
                source=r["source"]["slug"],
            )
            for r in d["related"]
        ],
    )


def _ladder(d: dict) -> dict:
    return _entry(
        slug=d["slug"],
        name=d["name"],
        company=d["company"],
        role=d["role"],
        description=d["description"],
        source=d["source"]["slug"],
        levels=[
            _entry(
                slug=lv["slug"],
                name=lv["name"],
                code=lv["code"],
                years=_range(lv["years_min"], lv["years_max"], lv["years_quote"]),
                scope=lv["scope"],
                focus_areas=lv["focus_areas"],
                quote=lv["quote"],
            )
            for lv in sorted(d["levels"], key=lambda lv: lv["position"])
        ],
    )


def _exchange_rate(rate: dict) -> dict:
    return _entry(
        slug=rate["slug"],
        currency=rate["currency"],
        rate_to_usd=_number(rate["rate_to_usd"]),
        as_of=rate["as_of"],
        derivation=rate["derivation"],
        source=rate["source"]["slug"],
        quote=rate["quote"],
    )


def _salary_band(d: dict) -> dict:
    return _entry(
        slug=d["slug"],
        role=d["role"],
        level=_slug(d["level"]),
        label=d["label"],
        region=_slug(d["region"]),
        currency=d["currency"],
        period=d["period"],
        basis=d["basis"],
        min=_number(d["min_amount"]),
        max=_number(d["max_amount"]),
        max_open=d["max_open"] or None,
        median=_number(d["median_amount"]),
        average=_number(d["average_amount"]),
        usd_equivalent_min=_number(d["usd_equivalent_min"]),
        usd_equivalent_max=_number(d["usd_equivalent_max"]),
        quote=d["quote"],
        interpretation=d["interpretation"],
        source=d["source"]["slug"],
    )


def _interview_process(d: dict) -> dict:
    return _entry(
        slug=d["slug"],
        name=d["name"],
        company=d["company"],
        roles=d["roles"],
        summary=d["summary"],
        duration_weeks=_range(
            d["duration_weeks_min"], d["duration_weeks_max"], d["duration_quote"]
        ),
        source=d["source"]["slug"],
        stages=[
            _entry(
                name=s["name"],
                kind=s["kind"],
                rounds=_range(s["rounds_min"], s["rounds_max"]),
                round_minutes=s["round_minutes"],
                description=s["description"],
                assesses=s["assesses"],
                tips=s["tips"],
                quote=s["quote"],
            )
            for s in sorted(d["stages"], key=lambda s: s["position"])
        ],
        guidance=[
            _entry(
                kind=g["kind"],
                title=g["title"],
                body=g["body"],
                points=[_entry(name=p["name"], detail=p.get("detail")) for p in g["points"]],
            )
            for g in d["guidance"]
        ],
    )


def _question(d: dict) -> dict:
    return _entry(
        slug=d["slug"],
        text=d["text"],
        category=d["category"],
        topics=_slugs(d["topics"]),
        competencies=_slugs(d["competencies"]),
        stage_kind=d["stage_kind"],
        company=d["company"],
        process=d["process"],
        roles=d["roles"],
        why_asked=d["why_asked"],
        answer_guidance=d["answer_guidance"],
        source=d["source"]["slug"],
    )


def _competency(d: dict) -> dict:
    fields = ("slug", "name", "kind", "company", "description")
    return _entry(**{name: d[name] for name in fields}, sources=_slugs(d["sources"]))


def _fields(*names: str):
    return lambda d: _entry(**{name: d[name] for name in names})


# Exported type -> (fixture collection, converter). Levels come inside their ladders.
CONVERTERS = {
    "sources": ("sources", _source),
    "families": ("families", _fields("slug", "name", "description")),
    "companies": ("companies", _company),
    "skills": ("skills", _fields("slug", "name", "category", "aliases", "description")),
    "roles": ("roles", _role),
    "ladders": ("ladders", _ladder),
    "levels": (None, None),
    "currencies": ("currencies", _fields("code", "name", "symbol")),
    "regions": ("regions", _fields("slug", "name", "kind", "code", "parent", "currency")),
    "salary-bands": ("salary_bands", _salary_band),
    "competencies": ("competencies", _competency),
    "topics": ("topics", _fields("slug", "name")),
    "interview-processes": ("interview_processes", _interview_process),
    "questions": ("questions", _question),
}


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
    level_slugs = set()
    for number, line in enumerate(lines[1:], start=2):
        item = _json_line(number, line)
        type_name = item.get("type")
        if type_name not in CONVERTERS:
            raise ExportInvalid(f"line {number}", f"unknown type {type_name!r}")
        if not isinstance(item.get("data"), dict):
            raise ExportInvalid(f"line {number}", "no `data` object")
        counts[type_name] += 1
        collection, convert = CONVERTERS[type_name]
        if convert is None:  # a level: written from its ladder
            level_slugs.add(item.get("slug"))
            continue
        try:
            collections[collection].append(convert(item["data"]))
            if type_name == "currencies" and item["data"]["latest_rate"]:
                collections["exchange_rates"].append(_exchange_rate(item["data"]["latest_rate"]))
        except (KeyError, TypeError, AttributeError, ArithmeticError, ValueError) as error:
            raise ExportInvalid(
                f"line {number}", f"not a {type_name} item as the API shows it ({error!r})"
            ) from error
    expected = {name: count for name, count in header["counts"].items() if count}
    if expected != dict(counts):
        raise ExportInvalid(
            "line 1", f"the header counts {expected}, the file holds {dict(counts)}"
        )
    in_ladders = {lv["slug"] for ladder in collections["ladders"] for lv in ladder["levels"]}
    if level_slugs != in_ladders:
        raise ExportInvalid("", "the levels listed differ from the levels inside the ladders")
    return dict(collections)
