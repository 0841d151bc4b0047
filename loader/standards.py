"""ISO 4217 currencies and ISO 3166 countries and subdivisions, from maintained packages.

The dataset holds every ISO 4217 currency (`iso4217`, with its minor unit) and names a
country or subdivision as ISO 3166 does (`pycountry`) unless its file names it. The loader
refuses a code neither standard knows. The packages are pinned in the lock files; their
versions are part of the dataset's content hash, so a new edition is a new dataset version.
"""

from functools import cache
from importlib.metadata import version

import iso4217
import pycountry

#: The editions read, as "package==version"; hashed into every load.
EDITIONS = tuple(f"{name}=={version(name)}" for name in ("iso4217", "pycountry"))
CURRENCY_SOURCE = f"ISO 4217 ({EDITIONS[0]})"


@cache
def currencies_standard() -> dict[str, dict]:
    """Every ISO 4217 currency as a `currencies` entry: code, name and minor unit."""
    return {
        currency.code: {"code": currency.code, "name": currency.currency_name}
        for currency in sorted(iso4217.Currency, key=lambda c: c.code)
    }


def currency_minor_unit(entry: dict, entries: dict | None = None) -> int | None:
    """The currency's minor unit per ISO 4217 (None for gold, SDRs and other units)."""
    try:
        return iso4217.Currency(entry["code"]).exponent
    except ValueError:
        return None


def currency_name(entry: dict) -> str:
    return currencies_standard()[entry["code"]]["name"]


@cache
def country_name(code: str) -> str | None:
    country = pycountry.countries.get(alpha_2=code)
    return None if country is None else getattr(country, "common_name", country.name)


@cache
def subdivision_name(code: str) -> str | None:
    subdivision = pycountry.subdivisions.get(code=code)
    return None if subdivision is None else subdivision.name


def region_code_problem(code: str, *, kind: str, country: str | None) -> str | None:
    """Why `code` cannot be the ISO 3166 code of a region of `kind` inside `country`."""
    if kind == "country":
        return None if country_name(code) else f"{code!r} is not an ISO 3166-1 country code"
    if subdivision_name(code) is None:
        return f"{code!r} is not an ISO 3166-2 subdivision code"
    if country is None or not code.startswith(country + "-"):
        return f"{code!r} is not a subdivision of the country this region is in ({country})"
    return None


def region_name(entry: dict) -> str:
    """A region's name as its file gives it, else as ISO 3166 gives its code."""
    code = entry.get("code") or ""
    return country_name(code) or subdivision_name(code) or ""
