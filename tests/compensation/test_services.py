"""Exchange rates and salary band conversion in compensation/services.py."""

from datetime import date
from decimal import Decimal

import pytest

from compensation.models import Currency, ExchangeRate, SalaryBand
from compensation.selectors import exchange_rates_latest
from compensation.services import salary_band_convert
from roles.models import Source

pytestmark = pytest.mark.django_db


def add_rate(code: str, slug: str, rate: str, as_of: date | None = None) -> ExchangeRate:
    return ExchangeRate.objects.create(
        slug=slug,
        currency=Currency.objects.get(code=code),
        rate_to_usd=Decimal(rate),
        as_of=as_of,
        derivation="test",
        quote="test",
        source=Source.objects.get(slug="himalayas-amazon-engineer-guide"),
    )


def convert(slug: str, to_currency: str):
    band = SalaryBand.objects.select_related("currency").get(slug=slug)
    return salary_band_convert(
        band=band, to_currency=to_currency, rates=exchange_rates_latest(dataset=None)
    )


def test_exchange_rates_latest_holds_every_seed_rate_but_not_usd_or_gbp(seed_dataset):
    rates = exchange_rates_latest(dataset=None)

    assert sorted(rates) == ["AUD", "BRL", "CAD", "EUR", "INR", "MXN", "SGD"]
    assert rates["CAD"].slug == "cad-usd-himalayas"
    assert rates["CAD"].rate_to_usd == Decimal("0.75")
    assert rates["EUR"].rate_to_usd == Decimal("1.074074")
    assert rates["INR"].source.slug == "himalayas-amazon-engineer-guide"


def test_exchange_rates_latest_prefers_the_newest_date_then_the_first_slug(seed_dataset):
    add_rate("CAD", "cad-usd-2024", "0.8", date(2024, 1, 1))
    add_rate("CAD", "cad-usd-2025", "0.7", date(2025, 6, 1))
    add_rate("EUR", "eur-usd-aaa", "1.1")  # undated, like the seed row, but an earlier slug

    rates = exchange_rates_latest(dataset=None)

    assert rates["CAD"].slug == "cad-usd-2025"  # undated rows count as the oldest
    assert rates["EUR"].slug == "eur-usd-aaa"


def test_cad_band_to_usd_multiplies_by_the_cad_rate(seed_dataset):
    converted = convert("amazon-engineer-ca", "USD")

    assert converted.currency == "USD"
    assert (converted.min, converted.max) == (Decimal("75000.00"), Decimal("225000.00"))
    assert (converted.median, converted.average) == (None, None)
    assert converted.rate == Decimal("0.75")
    assert [rate.slug for rate in converted.rates_used] == ["cad-usd-himalayas"]


def test_usd_band_to_inr_divides_by_the_inr_rate(seed_dataset):
    converted = convert("amazon-engineer-us-junior", "INR")

    assert converted.median == Decimal("10000000.00")  # 120,000 / 0.012
    assert converted.average == Decimal("10416666.67")  # 125,000 / 0.012, half up
    assert converted.rate == Decimal("83.3333333333")
    assert [rate.slug for rate in converted.rates_used] == ["inr-usd-himalayas"]


def test_conversion_between_two_rated_currencies_goes_through_usd(seed_dataset):
    converted = convert("amazon-engineer-ca", "EUR")

    assert converted.min == Decimal("69827.59")  # 100,000 x 0.75 / 1.074074
    assert converted.max == Decimal("209482.77")
    assert converted.rate == Decimal("0.698275910226")
    assert [rate.slug for rate in converted.rates_used] == [
        "cad-usd-himalayas",
        "eur-usd-himalayas",
    ]


def test_conversion_to_the_bands_own_currency_is_rate_one(seed_dataset):
    converted = convert("amazon-engineer-berlin", "EUR")

    assert (converted.min, converted.max, converted.rate) == (70000, 200000, 1)
    assert converted.rates_used == ()


def test_a_band_in_a_currency_without_a_rate_is_not_converted(seed_dataset):
    assert convert("amazon-software-engineer-gb-typical", "USD") is None
    assert convert("amazon-software-engineer-gb-typical", "EUR") is None


def test_a_target_currency_without_a_rate_is_an_error(seed_dataset):
    with pytest.raises(ValueError, match="GBP"):
        convert("amazon-engineer-ca", "GBP")


def test_conversion_uses_the_rates_it_is_given(seed_dataset):
    band = SalaryBand.objects.get(slug="amazon-engineer-mx")  # MXN 500k–2M
    rates = exchange_rates_latest(dataset=None)
    rates["MXN"] = add_rate("MXN", "mxn-usd-2026", "0.055", date(2026, 1, 1))

    converted = salary_band_convert(band=band, to_currency="USD", rates=rates)

    assert (converted.min, converted.max) == (Decimal("27500.00"), Decimal("110000.00"))
    assert converted.rates_used[0].as_of == date(2026, 1, 1)
