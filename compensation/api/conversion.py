"""The `currency` query parameter: show salary bands converted to one currency.

Any view that serializes salary bands (the salary-bands collection, a role's detail) reads
it with `conversion_from_request(request)`, puts the result in the serializer context under
`"conversion"`, and documents it with `CURRENCY_PARAMETER`.
"""

import re
from dataclasses import dataclass

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from careerapi.api.filters import UNKNOWN
from compensation.models import ExchangeRate, SalaryBand
from compensation.selectors import exchange_rates_latest
from compensation.services import BASE_CURRENCY, ConvertedAmounts, salary_band_convert

CURRENCY_PATTERN = r"^[A-Za-z]{3}$"
_CURRENCY = re.compile(CURRENCY_PATTERN)

CURRENCY_PARAMETER = OpenApiParameter(
    "currency",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    pattern=CURRENCY_PATTERN,
    description="Also show each band's amounts in this ISO 4217 currency (in any case: "
    "USD or usd), in `converted`, with the rate used and the exchange-rate rows it came from. "
    "Supported: USD and every currency listed by /api/v1/currencies/ with a `latest_rate`; "
    "any other value is a 400 that lists them. A band whose own currency has no rate "
    "has `converted: null` and a `conversion_note` saying why.",
)


@dataclass(frozen=True)
class Conversion:
    """A requested target currency and the latest rates to convert with."""

    currency: str
    rates: dict[str, ExchangeRate]

    def convert(self, band: SalaryBand) -> ConvertedAmounts | None:
        return salary_band_convert(band=band, to_currency=self.currency, rates=self.rates)

    def note(self, band: SalaryBand) -> str | None:
        """Why the band could not be converted, or None when it can."""
        code = band.currency.code
        if code == BASE_CURRENCY or code in self.rates:
            return None
        return (
            f"no exchange rate for {code}: the amounts cannot be shown in {self.currency} "
            f"and are given in {code} only."
        )


def conversion_from_request(request) -> Conversion | None:
    """The conversion the request asks for with `currency`, or None when it asks for none."""
    values = request.query_params.getlist("currency")
    if not values:
        return None
    if len(values) > 1:
        raise ValidationError({"currency": "given more than once."})
    code = values[0].upper()  # ISO 4217 codes are upper case; clients type either
    rates = exchange_rates_latest(dataset=getattr(request, "dataset", None))
    supported = ", ".join([BASE_CURRENCY, *sorted(rates)])
    if not _CURRENCY.match(code):
        raise ValidationError(
            {
                "currency": f"{values[0]!r} is not an ISO 4217 code (three letters); "
                f"supported currencies: {supported}."
            }
        )
    if code != BASE_CURRENCY and code not in rates:
        raise ValidationError(
            {"currency": f"no exchange rate for {code}; supported currencies: {supported}."},
            code=UNKNOWN,
        )
    return Conversion(currency=code, rates=rates)
