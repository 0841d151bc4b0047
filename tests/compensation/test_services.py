"""Conversion at the ECB's rates of one day (compensation/services.py, selectors.py).

Expected figures are worked by hand from the ECB extract the tests load
(tests/data/ecb/eurofxref-hist.csv): on 2026-10-30 one euro bought 1.1172 USD, 0.8338 GBP,
175.68 JPY and 1.5606 CAD.
"""

from datetime import date
from decimal import Decimal

import pytest

from compensation.models import Currency, ExchangeRate, SalaryBand
from compensation.selectors import exchange_rate_span, exchange_rates_latest, exchange_rates_of
from compensation.services import (
    RatesOfDay,
    currency_pair,
    rate_date_explained,
    salary_band_convert,
)

pytestmark = pytest.mark.django_db

OCT_30 = date(2026, 10, 30)


def band(slug: str) -> SalaryBand:
    return SalaryBand.objects.select_related("currency").get(slug=slug)


def convert(slug: str, to: str, day: RatesOfDay | None = None):
    minor_unit = Currency.objects.get(code=to).minor_unit
    day = day or exchange_rates_latest(dataset=None)
    converted = band(slug)
    pair = currency_pair(
        from_code=converted.currency.code, to_code=to, minor_unit=minor_unit, day=day
    )
    return None if pair is None else salary_band_convert(band=converted, pair=pair)


def test_the_latest_day_holds_every_currency_the_ecb_quoted_that_day(seed_dataset):
    day = exchange_rates_latest(dataset=None)

    assert day.date == OCT_30
    assert len(day.rates) == 29  # the 29 currencies still quoted; RUB and BGN no longer
    assert {"USD", "GBP", "JPY", "CHF", "INR", "BRL", "MXN", "SGD"} <= set(day.rates)
    assert "RUB" not in day.rates and "EUR" not in day.rates
    assert day.rates["GBP"].rate == Decimal("0.8338")
    assert day.rates["GBP"].source.slug == "ecb-euro-reference-rates"
    assert exchange_rate_span(dataset=None) == (date(1999, 1, 4), OCT_30)


def test_a_day_without_rates_takes_the_nearest_earlier_day(seed_dataset):
    assert exchange_rates_of(day=date(2025, 5, 17)).date == date(2025, 5, 16)  # a Saturday
    assert exchange_rates_of(day=date(2025, 5, 1)).date == date(2025, 4, 30)  # 1 May
    assert exchange_rates_of(day=date(1999, 1, 3)) is None


def test_a_currency_the_ecb_stopped_quoting_is_absent_from_later_days(seed_dataset):
    assert exchange_rates_of(day=date(2022, 3, 1)).rates["RUB"].rate == Decimal("117.201")
    assert "RUB" not in exchange_rates_of(day=date(2022, 3, 2)).rates


def test_a_cross_rate_goes_through_the_euro(seed_dataset):
    converted = convert("amazon-software-engineer-gb-typical", "USD")

    # 45,000 GBP x 1.1172 / 0.8338 and 70,000 GBP x 1.1172 / 0.8338, half up to cents
    assert (converted.min, converted.max) == (Decimal("60295.03"), Decimal("93792.28"))
    assert converted.rate == Decimal("1.33988966179")
    assert converted.rate_date == OCT_30
    assert [leg.slug for leg in converted.legs] == ["gbp-2026-10-30", "usd-2026-10-30"]
    assert converted.derivation == (
        "1 GBP = 1.1172 / 0.8338 USD: the ECB's USD and GBP reference rates against the euro "
        "of 2026-10-30."
    )


def test_a_cad_band_converts_to_usd(seed_dataset):
    converted = convert("amazon-engineer-ca", "USD")

    assert (converted.min, converted.max) == (Decimal("71587.85"), Decimal("214763.55"))
    assert (converted.median, converted.average) == (None, None)


def test_conversion_from_the_euro_needs_one_leg(seed_dataset):
    euro_band = SalaryBand.objects.filter(currency__code="EUR").first()
    converted = convert(euro_band.slug, "GBP")

    assert [leg.currency.code for leg in converted.legs] == ["GBP"]
    assert converted.min == (euro_band.min_amount * Decimal("0.8338")).quantize(Decimal("0.01"))
    assert converted.derivation.startswith("1 EUR = 0.8338 GBP")


def test_conversion_to_the_bands_own_currency_is_rate_one_without_legs(seed_dataset):
    converted = convert("amazon-software-engineer-gb-typical", "GBP")

    assert (converted.min, converted.max, converted.rate) == (45000, 70000, 1)
    assert converted.legs == ()


def test_yen_amounts_are_rounded_to_whole_yen(seed_dataset):
    converted = convert("amazon-engineer-us-junior", "JPY")

    assert converted.median == Decimal("18870032")  # 120,000 x 175.68 / 1.1172 = 18,870,032.22
    assert converted.median.as_tuple().exponent == 0


def test_dinar_amounts_are_rounded_to_three_decimals(seed_dataset):
    # The ECB does not quote BHD; the rounding is ISO 4217's, whatever the rate.
    bhd = Currency.objects.get(code="BHD")
    assert bhd.minor_unit == 3
    usd = exchange_rates_latest(dataset=None).rates["USD"]
    rate = ExchangeRate(base=usd.base, currency=bhd, date=OCT_30, rate=Decimal("0.42"))
    day = RatesOfDay(date=OCT_30, rates={"USD": usd, "BHD": rate})

    converted = convert("amazon-engineer-us-junior", "BHD", day=day)

    # 120,000 x 0.42 / 1.1172 = 45,112.78195...
    assert converted.median == Decimal("45112.782")


def test_a_band_in_a_currency_not_quoted_that_day_is_not_converted(seed_dataset):
    day = exchange_rates_of(day=date(2022, 3, 2))
    rub = Currency.objects.get(code="RUB")
    SalaryBand.objects.filter(slug="amazon-engineer-ca").update(currency=rub)

    assert convert("amazon-engineer-ca", "USD", day=day) is None


def test_a_day_other_than_the_one_asked_for_is_said(seed_dataset):
    day = exchange_rates_of(day=date(2025, 5, 17))

    note = rate_date_explained(requested=date(2025, 5, 17), day=day)

    assert day.date == date(2025, 5, 16)
    assert "no reference rates on 2025-05-17" in note
    assert "the rates of 2025-05-16" in note
    assert rate_date_explained(requested=date(2025, 5, 16), day=day) is None
