"""The `currency` and `rate_date` query parameters: salary bands and market pay converted to
one currency.

Any view that serializes them (the salary-bands and market-pay collections, a role's page)
reads them with `conversion_from_request(request)`, puts the result in the serializer
context under `"conversion"`, and documents them with `CONVERSION_PARAMETERS`.
"""

import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cached_property

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from careerapi.api.filters import INCONSISTENT, UNKNOWN
from compensation.models import SalaryBand
from compensation.selectors import (
    currency_minor_units,
    exchange_rate_span,
    exchange_rates_latest,
    exchange_rates_of,
)
from compensation.services import (
    BASE_CURRENCY,
    ConvertedAmounts,
    CurrencyPair,
    RatesOfDay,
    currency_pair,
    rate_date_explained,
    salary_band_convert,
)

CURRENCY_PATTERN = r"^[A-Za-z]{3}$"
_CURRENCY = re.compile(CURRENCY_PATTERN)

CURRENCY_PARAMETER = OpenApiParameter(
    "currency",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    pattern=CURRENCY_PATTERN,
    description="Also show each band's amounts in this ISO 4217 currency (in any case: "
    "GBP or gbp), in `converted`: at the ECB's euro reference rates of `rate_date`, through "
    "the euro when neither currency is EUR, rounded to the currency's minor unit, with the "
    "rate, its day, both legs and their source. Supported: EUR and every currency the ECB "
    "quoted that day (`ecb_quoted` in /api/v1/currencies/ for the latest day); any other "
    "value is a 400 that lists them. A band whose own currency the ECB did not quote has "
    "`converted: null` and a `conversion_note` saying why.",
)
RATE_DATE_PARAMETER = OpenApiParameter(
    "rate_date",
    OpenApiTypes.DATE,
    OpenApiParameter.QUERY,
    description="With `currency`: convert at the ECB rates of this day (YYYY-MM-DD), or of "
    "the nearest earlier day when none were published on it (a weekend, a TARGET holiday; "
    "`converted.rate_date_note` says so). Default: the latest day held. A day before the "
    "first rates held (1999-01-04) or in the future is a 400.",
)
CONVERSION_PARAMETERS = [CURRENCY_PARAMETER, RATE_DATE_PARAMETER]
#: The query parameters a view that converts accepts (`action_query_parameters`).
CONVERSION_QUERY = ("currency", "rate_date")


@dataclass(frozen=True)
class Conversion:
    """A requested target currency, and the day's rates to convert with."""

    currency: str
    minor_unit: int | None
    day: RatesOfDay
    requested_date: date | None
    #: Each band currency's pair, worked out for the first band in it.
    _pairs: dict[str, CurrencyPair | None] = field(default_factory=dict, compare=False)

    def pair(self, code: str) -> CurrencyPair | None:
        """How `code` converts to the requested currency (None: the ECB did not quote it)."""
        if code not in self._pairs:
            self._pairs[code] = currency_pair(
                from_code=code, to_code=self.currency, minor_unit=self.minor_unit, day=self.day
            )
        return self._pairs[code]

    def convert(self, band: SalaryBand) -> ConvertedAmounts | None:
        pair = self.pair(band.currency.code)
        if pair is None:
            return None
        return salary_band_convert(band=band, pair=pair, rate_date_note=self.rate_date_note)

    @cached_property
    def rate_date_note(self) -> str | None:
        return rate_date_explained(requested=self.requested_date, day=self.day)

    def note(self, band: SalaryBand) -> str | None:
        """Why the band could not be converted, or None when it can."""
        code = band.currency.code
        if self.day.quotes(code):
            return None
        return (
            f"the ECB published no reference rate for {code} on {self.day.date}: the amounts "
            f"cannot be shown in {self.currency} and are given in {code} only."
        )


def _single(request, name: str) -> str | None:
    values = request.query_params.getlist(name)
    if len(values) > 1:
        raise ValidationError({name: "given more than once."})
    return values[0] if values else None


def _rate_date(text: str, span: tuple[date, date]) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValidationError({"rate_date": f"{text!r} is not a date (YYYY-MM-DD)."}) from None
    # Days the dataset holds no rates for, whatever their form: `unknown`, as a slug that
    # names nothing is.
    first, latest = span
    if day > datetime.now(UTC).date():
        reason = f"{day} is in the future; the latest rates held are of {latest}."
        raise ValidationError({"rate_date": reason}, code=UNKNOWN)
    if day < first:
        reason = f"{day} is before the first ECB reference rates held, of {first}."
        raise ValidationError({"rate_date": reason}, code=UNKNOWN)
    return day


def _supported(day: RatesOfDay) -> str:
    return f"supported on {day.date}: {', '.join([BASE_CURRENCY, *sorted(day.rates)])}."


def conversion_from_request(request) -> Conversion | None:
    """The conversion the request asks for with `currency`, or None when it asks for none."""
    text, day_text = _single(request, "currency"), _single(request, "rate_date")
    if text is None:
        if day_text is not None:
            reason = "needs `currency`: the currency to convert to."
            raise ValidationError({"rate_date": reason}, code=INCONSISTENT)
        return None
    dataset = getattr(request, "dataset", None)
    span = exchange_rate_span(dataset=dataset)
    if span is None:
        raise ValidationError({"currency": "no exchange rates are loaded."}, code=UNKNOWN)
    requested = None if day_text is None else _rate_date(day_text, span)
    if requested is None or requested >= span[1]:
        day = exchange_rates_latest(dataset=dataset)
    else:
        day = exchange_rates_of(day=requested)
    code = text.upper()  # ISO 4217 codes are upper case; clients type either
    if not _CURRENCY.match(text):
        reason = f"{text!r} is not an ISO 4217 code (three letters); {_supported(day)}"
        raise ValidationError({"currency": reason})
    minor_units = currency_minor_units(dataset=dataset)
    if code not in minor_units:
        reason = f"{code} is not an ISO 4217 currency; {_supported(day)}"
        raise ValidationError({"currency": reason}, code=UNKNOWN)
    if not day.quotes(code):
        reason = f"the ECB published no reference rate for {code} on {day.date}; {_supported(day)}"
        raise ValidationError({"currency": reason}, code=UNKNOWN)
    return Conversion(
        currency=code, minor_unit=minor_units[code], day=day, requested_date=requested
    )
