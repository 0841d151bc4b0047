"""Currency conversion of salary bands and market pay at the ECB's euro reference rates of
one day.

The ECB quotes every currency against the euro ("1 EUR = 0.8338 GBP"), so one unit of A is
worth rate(B) / rate(A) units of B, both rates of the same day; the euro's own rate is 1.
Amounts are rounded, half up, to the target currency's ISO 4217 minor unit (JPY 0, BHD 3).
"""

from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Context, Decimal

from .choices import OPEN_ENDED_FOOTNOTE, UNPUBLISHED_FOOTNOTES, WagePeriod
from .models import ExchangeRate, MarketPay, SalaryBand

#: The currency the ECB quotes every rate against.
BASE_CURRENCY = "EUR"
# A conversion rate such as 1 / 0.8338 has no finite decimal form: keep 12 significant digits.
RATE_CONTEXT = Context(prec=12, rounding=ROUND_HALF_UP)
#: Where ISO 4217 gives a currency no minor unit, amounts keep two decimals.
DEFAULT_MINOR_UNIT = 2


@dataclass(frozen=True)
class RatesOfDay:
    """The reference rates published on `date`, by currency code (the euro's is 1)."""

    date: date
    rates: dict[str, ExchangeRate]

    def quotes(self, code: str) -> bool:
        return code == BASE_CURRENCY or code in self.rates

    def per_euro(self, code: str) -> Decimal:
        return Decimal(1) if code == BASE_CURRENCY else self.rates[code].rate

    def legs(self, *codes: str) -> tuple[ExchangeRate, ...]:
        """The rows a conversion between `codes` reads, each once, the euro needing none."""
        return tuple(self.rates[code] for code in dict.fromkeys(codes) if code != BASE_CURRENCY)


@dataclass(frozen=True)
class ConvertedAmounts:
    """A band's amounts in another currency, with the rate, its day and the rows used."""

    currency: str
    min: Decimal | None
    max: Decimal | None
    median: Decimal | None
    average: Decimal | None
    #: How many units of `currency` one unit of the band's currency is worth.
    rate: Decimal
    rate_date: date
    rate_date_note: str | None
    legs: tuple[ExchangeRate, ...]
    derivation: str


def rate_derivation(*, from_code: str, to_code: str, day: RatesOfDay) -> str:
    """How the rate follows from the ECB's rates, in words a reader can check."""
    if from_code == to_code:
        return f"1 {from_code} = 1 {to_code}: no exchange rate is needed."
    to_rate, from_rate = _plain(day.per_euro(to_code)), _plain(day.per_euro(from_code))
    if from_code == BASE_CURRENCY:
        return f"1 EUR = {to_rate} {to_code}: the ECB's reference rate of {day.date}."
    if to_code == BASE_CURRENCY:
        return (
            f"1 {from_code} = 1 / {from_rate} EUR: the ECB's {from_code} reference rate "
            f"of {day.date}."
        )
    return (
        f"1 {from_code} = {to_rate} / {from_rate} {to_code}: the ECB's {to_code} and "
        f"{from_code} reference rates against the euro of {day.date}."
    )


def _plain(value: Decimal) -> str:
    """A rate as the ECB prints it: 0.8338, 136 (not 0.83380000, 1.36E+2)."""
    return f"{value.normalize():f}"


def rate_date_explained(*, requested: date | None, day: RatesOfDay) -> str | None:
    """Why the rates used are not of the day asked for, or None when they are."""
    if requested is None or requested == day.date:
        return None
    return (
        f"The ECB published no reference rates on {requested} that the dataset holds (a "
        f"weekend or TARGET holiday, or a day after the latest held): the rates of "
        f"{day.date}, the nearest earlier day, are used."
    )


@dataclass(frozen=True)
class CurrencyPair:
    """Converting from one currency to another at one day's rates: the same for every band
    of that currency, so worked out once per request."""

    from_code: str
    to_code: str
    day: RatesOfDay
    numerator: Decimal
    denominator: Decimal
    #: One unit of the target currency's minor unit (0.01 for USD, 1 for JPY).
    step: Decimal
    rate: Decimal
    legs: tuple[ExchangeRate, ...]
    derivation: str


def currency_pair(
    *, from_code: str, to_code: str, minor_unit: int | None, day: RatesOfDay
) -> CurrencyPair | None:
    """How `from_code` converts to `to_code` at `day`'s rates; None when the ECB did not
    quote `from_code` that day. `to_code` must be quoted (the caller checks)."""
    if not day.quotes(from_code):
        return None
    numerator, denominator = day.per_euro(to_code), day.per_euro(from_code)
    return CurrencyPair(
        from_code=from_code,
        to_code=to_code,
        day=day,
        numerator=numerator,
        denominator=denominator,
        step=Decimal(1).scaleb(-(DEFAULT_MINOR_UNIT if minor_unit is None else minor_unit)),
        rate=RATE_CONTEXT.divide(numerator, denominator).normalize(RATE_CONTEXT),
        legs=day.legs(from_code, to_code) if from_code != to_code else (),
        derivation=rate_derivation(from_code=from_code, to_code=to_code, day=day),
    )


def _convert(amount: Decimal | None, pair: CurrencyPair) -> Decimal | None:
    """`amount` in the pair's target currency, rounded half up to its minor unit."""
    if amount is None:
        return None
    return (amount * pair.numerator / pair.denominator).quantize(pair.step, rounding=ROUND_HALF_UP)


def salary_band_convert(
    *, band: SalaryBand, pair: CurrencyPair, rate_date_note: str | None = None
) -> ConvertedAmounts:
    """The band's amounts (in `pair.from_code`) in `pair.to_code`, rounded half up to its
    minor unit; `rate_date_note` says why the day is not the one asked for, if it is not."""
    return ConvertedAmounts(
        currency=pair.to_code,
        min=_convert(band.min_amount, pair),
        max=_convert(band.max_amount, pair),
        median=_convert(band.median_amount, pair),
        average=_convert(band.average_amount, pair),
        rate=pair.rate,
        rate_date=pair.day.date,
        rate_date_note=rate_date_note,
        legs=pair.legs,
        derivation=pair.derivation,
    )


#: A period's wage figures, in the order the API gives them.
WAGE_FIGURES = ("mean", "p10", "p25", "median", "p75", "p90")


@dataclass(frozen=True)
class Unpublished:
    """A figure BLS did not publish, and its footnote."""

    field: str
    footnote: str
    reason: str
    open_ended: bool


@dataclass(frozen=True)
class ConvertedWages:
    """A period's wages in another currency, with the rate, its day and the rows used."""

    currency: str
    mean: Decimal | None
    p10: Decimal | None
    p25: Decimal | None
    median: Decimal | None
    p75: Decimal | None
    p90: Decimal | None
    rate: Decimal
    rate_date: date
    rate_date_note: str | None
    legs: tuple[ExchangeRate, ...]
    derivation: str


@dataclass(frozen=True)
class Wages:
    """One period's wages of a market pay cell: mean and percentiles, in US dollars."""

    period: str
    mean: Decimal | None
    p10: Decimal | None
    p25: Decimal | None
    median: Decimal | None
    p75: Decimal | None
    p90: Decimal | None
    unpublished: list[Unpublished]
    converted: ConvertedWages | None = None


def unpublished_of(*, notes: dict[str, str], fields: dict[str, str]) -> list[Unpublished]:
    """The figures of `fields` (API name -> column) that BLS did not publish: `notes` maps a
    column to its footnote code."""
    found = []
    for name, column in fields.items():
        code = notes.get(column)
        if code is not None:
            reason = UNPUBLISHED_FOOTNOTES.get(code, f"Not published (BLS footnote {code}).")
            found.append(Unpublished(name, code, reason, code == OPEN_ENDED_FOOTNOTE))
    return found


def market_pay_wages(
    *, cell: MarketPay, periods: tuple[str, ...], pair: CurrencyPair | None, rate_date_note=None
) -> list[Wages]:
    """The cell's wages for each of `periods` (annual, hourly), converted with `pair`."""
    notes = cell.unpublished or {}
    found = []
    for period in periods:
        columns = {name: f"{period}_{name}" for name in WAGE_FIGURES}
        amounts = {name: getattr(cell, column) for name, column in columns.items()}
        converted = None
        if pair is not None:
            converted = ConvertedWages(
                currency=pair.to_code,
                **{name: _convert(amount, pair) for name, amount in amounts.items()},
                rate=pair.rate,
                rate_date=pair.day.date,
                rate_date_note=rate_date_note,
                legs=pair.legs,
                derivation=pair.derivation,
            )
        unpublished = unpublished_of(notes=notes, fields=columns)
        found.append(Wages(period, **amounts, unpublished=unpublished, converted=converted))
    return found


WAGE_PERIODS = tuple(WagePeriod.values)
