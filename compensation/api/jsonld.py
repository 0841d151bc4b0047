"""Pay and places as schema.org describes them (JSON-LD): an occupation's estimated salary
and where it is paid.

A BLS market pay cell gives a distribution (10th to 90th percentile) per period: a
`MonetaryAmountDistribution` each. A salary band gives a minimum, a maximum and a median as
its source states them: the distribution's `median`, and `minValue` / `maxValue` of a
`MonetaryAmount` (schema.org defines no range on a distribution, so a band with a range is
typed as both). Only figures the data has are written: an open-ended maximum ("$350k+") is
no maximum, a value BLS did not publish is left out.
"""

from careerapi.api.jsonld import PERIOD_DURATIONS, jsonld_node, jsonld_number
from compensation.choices import PayBasis, RegionKind
from compensation.models import MarketPay, Region, SalaryBand
from compensation.services import WAGE_PERIODS

#: The schema.org type of a region of each kind. An occupation's location is an
#: AdministrativeArea in schema.org (a Country is one): the other kinds, a metro area or a
#: world area included, are areas without a more specific type.
PLACE_TYPES = {RegionKind.COUNTRY: "Country"}
AREA = "AdministrativeArea"
MARKET_PAY_CURRENCY = "USD"
DISTRIBUTION = "MonetaryAmountDistribution"
#: A market pay cell's wages: the field of each percentile, by schema.org property.
PERCENTILES = {
    "percentile10": "p10",
    "percentile25": "p25",
    "median": "median",
    "percentile75": "p75",
    "percentile90": "p90",
}


def region_place(region: Region) -> dict:
    """A region as a schema.org AdministrativeArea (a Country), with its ISO 3166 code."""
    return jsonld_node(PLACE_TYPES.get(region.kind, AREA), name=region.name, identifier=region.code)


def region_places(regions: list[Region | None]) -> list[dict]:
    """Each region once, in the order first given (no region: none)."""
    unique = {region.pk: region for region in regions if region is not None}
    return [region_place(region) for region in unique.values()]


def market_pay_distributions(cell: MarketPay) -> list[dict]:
    """A BLS cell's wages: one distribution per period BLS publishes (annual, hourly)."""
    distributions = []
    for period in WAGE_PERIODS:
        figures = {
            name: jsonld_number(getattr(cell, f"{period}_{field}"))
            for name, field in PERCENTILES.items()
        }
        if not any(value is not None for value in figures.values()):
            continue  # BLS publishes this occupation's wages for the other period only
        distributions.append(
            jsonld_node(
                DISTRIBUTION,
                name=f"{cell.occupation.title}, {cell.region.name}: BLS OEWS {period} wages",
                currency=MARKET_PAY_CURRENCY,
                duration=PERIOD_DURATIONS[period],
                **figures,
            )
        )
    return distributions


def salary_band_estimate(band: SalaryBand) -> dict:
    """A salary band as its source states it: for whom (level, label, region), its median,
    minimum and maximum, currency and period."""
    maximum = None if band.max_open else band.max_amount
    ranged = band.min_amount is not None or maximum is not None
    types = [DISTRIBUTION, "MonetaryAmount"] if ranged else DISTRIBUTION
    level = band.level.name if band.level_id else None
    region = band.region.name if band.region_id else None
    name = ", ".join(dict.fromkeys(part for part in (level, band.label, region) if part))
    basis = None if band.basis == PayBasis.UNSPECIFIED else band.get_basis_display()
    return jsonld_node(
        types,
        name=name,
        description=basis,
        currency=band.currency.code,
        duration=PERIOD_DURATIONS[band.period],
        median=jsonld_number(band.median_amount),
        minValue=jsonld_number(band.min_amount),
        maxValue=jsonld_number(maximum),
    )
