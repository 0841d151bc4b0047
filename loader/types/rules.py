"""Rules across entries that some dataset types declare (`DatasetType.checks`).

Each rule is called with a type's entries and the index of every key, and yields
(entry, path inside the entry, reason) for what breaks it. References, ranges, keys and
nested keys are checked for every type without being declared.
"""

from collections.abc import Iterator
from decimal import Decimal

from .. import standards


def exceeds(low: object, high: object) -> bool:
    """low > high, compared as the decimals written in the file."""
    if type(low) is int and type(high) is int:  # exact already, and the common case
        return low > high
    return Decimal(str(low)) > Decimal(str(high))


def in_order(low: str, high: str, *, at: str | None = None):
    """`low` may not exceed `high` where an entry gives both; reported `at` (`low`)."""

    def check(entries, index) -> Iterator[tuple]:
        for entry in entries:
            data = entry.data
            if low in data and high in data and exceeds(data[low], data[high]):
                reason = f"{low} must not exceed {high}: {data[low]} is more than {data[high]}"
                yield entry, (at or low,), reason

    return check


def requires(field: str, other: str):
    """An entry that sets the flag `field` gives `other` too."""

    def check(entries, index) -> Iterator[tuple]:
        for entry in entries:
            if entry.data.get(field) and other not in entry.data:
                yield entry, (field,), f"{field} needs a {other}"

    return check


def aliases_unique(entries, index) -> Iterator[tuple]:
    """A skill alias names one skill, whatever its case."""
    names: dict[str, str] = {}
    for skill in entries:
        for position, alias in enumerate(skill.data.get("aliases", [])):
            owner = names.setdefault(alias.casefold(), skill.data["slug"])
            if owner != skill.data["slug"]:
                yield skill, ("aliases", position), f"alias {alias!r} already names skill {owner!r}"


def currency_units_known(entries, index) -> Iterator[tuple]:
    """A statistic in money names a currency the dataset defines."""
    for entry in entries:
        unit = entry.data["unit"]
        if unit.isupper() and len(unit) == 3 and unit not in index["currencies"]:
            yield entry, ("unit",), f"unknown currencies {unit!r}"


def country_codes_unique(entries, index) -> Iterator[tuple]:
    """An ISO 3166 code names one region."""
    codes: dict[str, str] = {}
    for region in entries:
        code = region.data.get("code")
        if code and codes.setdefault(code, region.data["slug"]) != region.data["slug"]:
            yield region, ("code",), f"ISO 3166 code {code!r} is already used by {codes[code]!r}"


CODED_KINDS = {"country", "subdivision"}


def region_codes_standard(entries, index) -> Iterator[tuple]:
    """Countries carry an ISO 3166-1 code, subdivisions an ISO 3166-2 code of the country
    they are in, other regions none; a region without a name in its file has the code's."""
    regions = {region.data["slug"]: region.data for region in entries}

    def country_of(region: dict) -> str | None:
        parent = regions.get(region.get("parent") or "")
        while parent is not None and parent["kind"] != "country":
            parent = regions.get(parent.get("parent") or "")
        return None if parent is None else parent.get("code")

    for region in entries:
        data, code = region.data, region.data.get("code")
        if (data["kind"] in CODED_KINDS) != (code is not None):
            yield region, ("code",), "countries and subdivisions, and only they, carry a code"
        elif code is not None:
            country = country_of(data) if data["kind"] == "subdivision" else None
            problem = standards.region_code_problem(code, kind=data["kind"], country=country)
            if problem:
                yield region, ("code",), problem
        if "name" not in data and not standards.region_name(data):
            yield region, ("name",), "needs a name: no ISO 3166 code gives it one"


def currencies_standard(entries, index) -> Iterator[tuple]:
    """A currency is one of ISO 4217's."""
    known = standards.currencies_standard()
    for currency in entries:
        if currency.data["code"] not in known:
            code = currency.data["code"]
            yield currency, ("code",), f"{code!r} is not an ISO 4217 currency code"


def onet_mapping_explained(entries, index) -> Iterator[tuple]:
    """A skill the fixtures map to an O*NET technology (one not of O*NET's own making, which
    has category technology) says why it is that technology."""
    for skill in entries:
        data = skill.data
        mapped = data.get("onet_example") and data["category"] != "technology"
        if mapped and not data.get("onet_mapping"):
            yield skill, ("onet_mapping",), "an onet_example needs the reason: onet_mapping"
