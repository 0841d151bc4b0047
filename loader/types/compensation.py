"""Currencies, regions, exchange rates, salary bands and market pay in the dataset files.

Every ISO 4217 currency is in the dataset (the reader adds those the files do not list);
a file may list one to give its symbol. The ECB's rates come from the ECB's own files
(`loader/releases/ecb.py`), market pay and the US areas from BLS OEWS (`loader/public_data.py`
joins its areas to the regions the files hold), though a file may hold either in the same
shape.
"""

from compensation.api import views
from compensation.models import Currency, ExchangeRate, MarketPay, Region, SalaryBand

from ..declaring import Amount, DatasetType, Ref, Refs, Value
from ..releases.oews import DATATYPES
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
        Value(
            "area_code",
            schema={"type": "string", "pattern": "^[0-9]{7}$"},
            description="The BLS OEWS area code (0042660): a BLS release's figures for the "
            "area are the region's, and give its name.",
        ),
        Ref("parent"),
        Refs("also_in", description="Other regions it lies partly in (a metro's other states)."),
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

FOOTNOTE = {"type": "string", "pattern": "^[0-9]{1,2}$"}


def market_pay_figure(name: str):
    """How the import reads a figure of a market pay item: a wage from its period's set."""
    period, _, figure = name.partition("_")
    if period not in ("annual", "hourly"):
        return lambda item: item[name]

    def read(item: dict):
        return next(w[figure] for w in item["wages"] if w["period"] == period)

    return read


def market_pay_unpublished(item: dict) -> dict[str, str]:
    """The footnotes of a market pay item's unpublished figures, by column."""
    found = {u["field"]: u["footnote"] for u in item["unpublished"]}
    for wages in item["wages"]:
        found |= {f"{wages['period']}_{u['field']}": u["footnote"] for u in wages["unpublished"]}
    return found


MARKET_PAY = DatasetType(
    "market_pay",
    MarketPay,
    [
        Value("slug"),
        Ref("occupation", description="The SOC code (15-1252)."),
        Ref("region"),
        Value("release", schema={"type": "string", "pattern": "^[0-9]{4}A[0-9]{2}$"}),
        Value("series_id", schema={"type": "string", "pattern": "^OEU[NSM][0-9A-Z-]{19}$"}),
        *[
            Value(name, schema={"type": "number", "minimum": 0}, read_api=market_pay_figure(name))
            for name in DATATYPES
        ],
        Value(
            "unpublished",
            read_api=market_pay_unpublished,
            schema={
                "type": "object",
                "properties": {name: FOOTNOTE for name in DATATYPES},
                "additionalProperties": False,
            },
            description="Each figure BLS did not publish, with its footnote code.",
        ),
        Ref("source"),
    ],
    collection="market-pay",
    viewset=views.MarketPayViewSet,
)

TYPES = [CURRENCIES, REGIONS, EXCHANGE_RATES, SALARY_BANDS, MARKET_PAY]
