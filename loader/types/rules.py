"""Rules across entries that some dataset types declare (`DatasetType.checks`).

Each rule is called with a type's entries and the index of every key, and yields
(entry, path inside the entry, reason) for what breaks it. References, ranges, keys and
nested keys are checked for every type without being declared.
"""

from collections.abc import Iterator
from decimal import Decimal


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
            yield region, ("code",), f"country code {code!r} is already used by {codes[code]!r}"


def countries_have_codes(entries, index) -> Iterator[tuple]:
    """Countries, and only countries, carry an ISO 3166 code."""
    for region in entries:
        if (region.data["kind"] == "country") != ("code" in region.data):
            yield region, ("code",), "countries, and only countries, carry an ISO 3166 code"
