"""Currencies, regions, exchange rates and salary bands in the dataset files.

Every ISO 4217 currency is in the dataset (the reader adds those the files do not list);
a file may list one to give its symbol. The ECB's rates come from the ECB's own files
(`loader/releases/ecb.py`), though a file may hold rates in the same shape.
"""

from compensation.api import views
from compensation.models import Currency, ExchangeRate, Region, SalaryBand

from ..declaring import Amount, DatasetType, Ref, Value
from ..standards import currency_minor_unit, currency_name, region_name
from .rules import (
    country_codes_unique,
    currencies_standard,
    in_order,
    region_codes_standard,
    requires,
)

CURRENCY_CODE = {"type": "string", "pattern": "^[A-Z]{3}$"}

CURRENCIES = DatasetType(
    "currencies",
    Currency,
    [
        Value("code", schema=CURRENCY_CODE, description="An ISO 4217 currency code."),
        Value("name", default_from=currency_name),
        Value("symbol"),
        Value("minor_unit", derive=currency_minor_unit),
    ],
    identity=("code",),
    slug="code",
    collection="currencies",
    viewset=views.CurrencyViewSet,
    checks=(currencies_standard,),
)


def region_path(region: dict, regions: dict[str, dict]) -> str:
    """The slugs from the root down to the region ("world/europe/gb/london/")."""
    parent = region.get("parent")
    return (region_path(regions[parent], regions) if parent else "") + region["slug"] + "/"


REGIONS = DatasetType(
    "regions",
    Region,
    [
        Value("slug"),
        Value("name", default_from=region_name, description="Default: the ISO 3166 name."),
        Value("kind"),
        Value(
            "code",
            schema={"type": "string", "pattern": "^[A-Z]{2}(-[A-Z0-9]{1,3})?$"},
            description="ISO 3166-1 alpha-2 for a country (GB), ISO 3166-2 for a "
            "subdivision (US-WA); other regions have none.",
        ),
        Ref("parent"),
        Value("path", derive=region_path),
        Ref("currency"),
    ],
    collection="regions",
    viewset=views.RegionViewSet,
    checks=(country_codes_unique, region_codes_standard),
)

EXCHANGE_RATES = DatasetType(
    "exchange_rates",
    ExchangeRate,
    [
        Value("slug"),
        Ref("base"),
        Ref("currency"),
        Value("date"),
        Amount("rate", description="Units of `currency` for one unit of `base`."),
        Ref("source"),
    ],
    collection="exchange-rates",
    viewset=views.ExchangeRateViewSet,
)

AMOUNTS = ("min", "max", "median", "average")

SALARY_BANDS = DatasetType(
    "salary_bands",
    SalaryBand,
    [
        Value("slug"),
        Ref("role"),
        Ref("level"),
        Value("label", description="Who the figure is for, as the text names them."),
        Ref("region"),
        Ref("currency"),
        Value("period"),
        Value("basis"),
        *[Amount(name, column=f"{name}_amount") for name in AMOUNTS],
        Value("max_open", description="The maximum is open-ended, e.g. $350k+."),
        Amount("usd_equivalent_min"),
        Amount("usd_equivalent_max"),
        Value("quote"),
        Ref("source"),
        Value("interpretation"),
    ],
    collection="salary-bands",
    viewset=views.SalaryBandViewSet,
    any_of=AMOUNTS,
    checks=(
        in_order("min", "max"),
        in_order("min", "median"),
        in_order("median", "max"),
        in_order("min", "average"),
        in_order("average", "max"),
        in_order("usd_equivalent_min", "usd_equivalent_max"),
        requires("max_open", "max"),
    ),
)

TYPES = [CURRENCIES, REGIONS, EXCHANGE_RATES, SALARY_BANDS]
