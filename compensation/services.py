"""Currency conversion of salary bands, using the exchange rates to USD in the dataset.

Rates are stored as "USD for one unit of the currency", so any two currencies convert
through USD: one unit of A is worth rate(A) / rate(B) units of B. USD itself needs no row
(its rate is 1). A currency with no rate (GBP in the seed data) cannot be converted.
"""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal

from django.db.models import F

from .models import ExchangeRate, SalaryBand

BASE_CURRENCY = "USD"

#: The order that puts a currency's latest rate first: the highest `as_of` (rows without
#: one count as the oldest), then slug, so the choice is the same on every database.
LATEST_FIRST = (F("as_of").desc(nulls_last=True), "slug")

CENT = Decimal("0.01")
# A conversion rate such as 1 / 0.012 has no finite decimal form: keep 12 significant digits.
RATE_CONTEXT = Context(prec=12, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class ConvertedAmounts:
    """A band's amounts in another currency, with the rate and the rows it came from."""

    currency: str
    min: Decimal | None
    max: Decimal | None
    median: Decimal | None
    average: Decimal | None
    #: How many units of `currency` one unit of the band's currency is worth.
    rate: Decimal
    rates_used: tuple[ExchangeRate, ...]


def salary_band_convert(
    *, band: SalaryBand, to_currency: str, rates: dict[str, ExchangeRate]
) -> ConvertedAmounts | None:
    """The band's amounts in `to_currency`, or None when its currency has no rate."""
    from_currency = band.currency.code
    if to_currency != BASE_CURRENCY and to_currency not in rates:
        raise ValueError(f"no exchange rate for the target currency {to_currency}.")
    if from_currency != BASE_CURRENCY and from_currency not in rates:
        return None
    rows = tuple(
        rates[code]
        for code in dict.fromkeys((from_currency, to_currency))
        if code != BASE_CURRENCY and from_currency != to_currency
    )
    from_usd = _usd_value(from_currency, rates)
    to_usd = _usd_value(to_currency, rates)

    def convert(amount: Decimal | None) -> Decimal | None:
        if amount is None:
            return None
        return (amount * from_usd / to_usd).quantize(CENT, rounding=ROUND_HALF_UP)

    return ConvertedAmounts(
        currency=to_currency,
        min=convert(band.min_amount),
        max=convert(band.max_amount),
        median=convert(band.median_amount),
        average=convert(band.average_amount),
        rate=RATE_CONTEXT.divide(from_usd, to_usd).normalize(RATE_CONTEXT),
        rates_used=rows,
    )


def _usd_value(code: str, rates: dict[str, ExchangeRate]) -> Decimal:
    return Decimal(1) if code == BASE_CURRENCY else rates[code].rate_to_usd
