"""Currencies, regions, exchange rates and salary bands in the dataset files."""

from compensation.api import views
from compensation.models import Currency, ExchangeRate, Region, SalaryBand

from ..declaring import Amount, DatasetType, Ref, Value
from .rules import countries_have_codes, country_codes_unique, in_order, requires

CURRENCY_CODE = {"type": "string", "pattern": "^[A-Z]{3}$"}

CURRENCIES = DatasetType(
    "currencies",
    Currency,
    [Value("code", schema=CURRENCY_CODE), Value("name"), Value("symbol")],
    identity=("code",),
    slug="code",
    collection="currencies",
    viewset=views.CurrencyViewSet,
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
        Value("name"),
        Value("kind"),
        Value(
            "code",
            schema={"type": "string", "pattern": "^[A-Z]{2}$"},
            description="ISO 3166-1 alpha-2, countries only.",
        ),
        Ref("parent"),
        Value("path", derive=region_path),
        Ref("currency"),
    ],
    collection="regions",
    viewset=views.RegionViewSet,
    checks=(country_codes_unique, countries_have_codes),
)

EXCHANGE_RATES = DatasetType(
    "exchange_rates",
    ExchangeRate,
    [
        Value("slug"),
        Ref("currency"),
        Amount("rate_to_usd", description="USD for one unit of the currency."),
        Value("as_of"),
        Value("derivation"),
        Ref("source"),
        Value("quote"),
    ],
    import_from=("currencies", "latest_rate"),
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
