"""`currency=` and `rate_date=` on salary bands and role pages (compensation/api/conversion.py).

Figures are worked by hand from the ECB extract the tests load (tests/data/ecb/): one euro
bought 1.1172 USD and 0.8338 GBP on 2026-10-30, 1.1185 USD and 0.8424 GBP on 2025-05-15.
"""

from decimal import ROUND_HALF_UP, Decimal

import pytest

from compensation.models import SalaryBand

pytestmark = pytest.mark.django_db

BANDS = "/api/v1/salary-bands/"
UK_TYPICAL = f"{BANDS}amazon-software-engineer-gb-typical/"
ECB_CREDIT = "Source: European Central Bank, euro foreign exchange reference rates"
QUOTED_ON_OCT_30 = (
    "EUR, AUD, BRL, CAD, CHF, CNY, CZK, DKK, GBP, HKD, HUF, IDR, ILS, INR, ISK, JPY, KRW, "
    "MXN, MYR, NOK, NZD, PHP, PLN, RON, SEK, SGD, THB, TRY, USD, ZAR"
)


def errors_of(response) -> dict[str, str]:
    assert response.status_code == 400, response.content
    return {error["parameter"]: error["detail"] for error in response.json()["errors"]}


def test_every_seed_band_converts_to_gbp_at_a_dated_ecb_rate(client, seed_dataset):
    results = client.get(BANDS, {"currency": "GBP", "page_size": 100}).json()["results"]

    assert len(results) == SalaryBand.objects.count() == 25
    for band in results:
        converted = band["converted"]
        assert band["conversion_note"] is None, band["slug"]
        assert (converted["currency"], converted["rate_date"]) == ("GBP", "2026-10-30")
        assert all(leg["date"] == "2026-10-30" for leg in converted["legs"])
        assert all(leg["source"]["attribution"] == ECB_CREDIT for leg in converted["legs"])
        if band["currency"] == "GBP":
            assert (converted["rate"], converted["legs"]) == (1, [])
        else:
            assert converted["legs"][0]["currency"] == band["currency"] or (
                band["currency"] == "EUR"
            )


def test_the_uk_typical_band_converts_to_usd_at_the_rate_of_the_date_shown(client, seed_dataset):
    body = client.get(UK_TYPICAL, {"currency": "usd"}).json()

    converted = body["converted"]
    assert converted["rate_date"] == "2026-10-30"
    assert (converted["min"], converted["max"]) == (60295.03, 93792.28)  # x 1.1172 / 0.8338
    assert converted["rate"] == 1.33988966179
    assert [(leg["currency"], leg["rate"], leg["date"]) for leg in converted["legs"]] == [
        ("GBP", 0.8338, "2026-10-30"),
        ("USD", 1.1172, "2026-10-30"),
    ]
    assert converted["derivation"].startswith("1 GBP = 1.1172 / 0.8338 USD")
    assert converted["rate_date_note"] is None
    # The band's own figures, and the guide's own approximation, are unchanged.
    assert (body["currency"], body["min_amount"], body["max_amount"]) == ("GBP", 45000, 70000)


def test_rate_date_converts_at_that_days_rates(client, seed_dataset):
    converted = client.get(UK_TYPICAL, {"currency": "USD", "rate_date": "2025-05-15"}).json()[
        "converted"
    ]

    assert converted["min"] == 59748.93  # 45,000 x 1.1185 / 0.8424
    assert converted["rate_date"] == "2025-05-15"
    assert {leg["slug"] for leg in converted["legs"]} == {"gbp-2025-05-15", "usd-2025-05-15"}


@pytest.mark.parametrize(
    ("asked", "used"),
    [("2025-05-17", "2025-05-16"), ("2025-05-01", "2025-04-30"), ("2026-11-20", "2026-10-30")],
    ids=["a Saturday", "a TARGET holiday", "after the latest day held"],
)
def test_a_day_without_rates_uses_the_nearest_earlier_day_and_says_so(
    client, seed_dataset, asked, used
):
    converted = client.get(UK_TYPICAL, {"currency": "USD", "rate_date": asked}).json()["converted"]

    assert converted["rate_date"] == used
    assert f"no reference rates on {asked}" in converted["rate_date_note"]
    assert f"the rates of {used}" in converted["rate_date_note"]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("1998-12-31", "1998-12-31 is before the first ECB reference rates held, of 1999-01-04."),
        ("2999-01-01", "2999-01-01 is in the future; the latest rates held are of 2026-10-30."),
        ("2025-02-30", "'2025-02-30' is not a date (YYYY-MM-DD)."),
        ("yesterday", "'yesterday' is not a date (YYYY-MM-DD)."),
    ],
)
def test_a_rate_date_out_of_range_or_malformed_is_400_naming_it(
    client, seed_dataset, value, reason
):
    for url in (BANDS, UK_TYPICAL, "/api/v1/roles/amazon-software-engineer/"):
        assert errors_of(client.get(url, {"currency": "USD", "rate_date": value})) == {
            "rate_date": reason
        }


def test_rate_date_without_currency_is_400(client, seed_dataset):
    errors = errors_of(client.get(BANDS, {"rate_date": "2025-05-15"}))

    assert errors == {"rate_date": "needs `currency`: the currency to convert to."}


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("us1", "'us1' is not an ISO 4217 code (three letters)"),
        ("XYZ", "XYZ is not an ISO 4217 currency"),
        ("BHD", "the ECB published no reference rate for BHD on 2026-10-30"),
        ("RUB", "the ECB published no reference rate for RUB on 2026-10-30"),
        ("", "'' is not an ISO 4217 code"),
    ],
)
def test_a_currency_the_ecb_does_not_quote_is_400_listing_the_supported_ones(
    client, seed_dataset, value, reason
):
    for url in (BANDS, UK_TYPICAL):
        detail = errors_of(client.get(url, {"currency": value}))["currency"]

        assert reason in detail
        assert "2026-10-30" in detail and detail.endswith(f": {QUOTED_ON_OCT_30}.")


def test_a_currency_converts_while_the_ecb_quoted_it(client, seed_dataset):
    quoted = client.get(UK_TYPICAL, {"currency": "RUB", "rate_date": "2022-03-01"})
    assert quoted.json()["converted"]["legs"][1]["slug"] == "rub-2022-03-01"

    stopped = client.get(UK_TYPICAL, {"currency": "RUB", "rate_date": "2022-03-02"})
    assert "no reference rate for RUB on 2022-03-02" in errors_of(stopped)["currency"]


def test_a_band_whose_currency_was_not_quoted_that_day_says_why(client, seed_dataset):
    # The ECB began to quote INR, BRL and MXN years later: on 1999-01-04 those bands cannot
    # convert.
    results = client.get(
        BANDS, {"currency": "USD", "rate_date": "1999-01-04", "page_size": 100}
    ).json()["results"]

    unconverted = {band["slug"]: band for band in results if band["converted"] is None}
    assert {band["currency"] for band in unconverted.values()} == {"INR", "BRL", "MXN"}
    for band in unconverted.values():
        assert f"no reference rate for {band['currency']} on 1999-01-04" in band["conversion_note"]
    assert all(band["conversion_note"] is None for band in results if band["converted"])


@pytest.mark.parametrize("value", ["gbp", "Gbp", "usd"])
def test_a_target_currency_matches_in_any_case(client, seed_dataset, value):
    lower = client.get(BANDS, {"currency": value}).json()["results"]
    assert lower == client.get(BANDS, {"currency": value.upper()}).json()["results"]
    assert {band["converted"]["currency"] for band in lower} == {value.upper()}


@pytest.mark.parametrize("name", ["currency", "rate_date"])
def test_a_conversion_parameter_given_twice_is_400(client, seed_dataset, name):
    values = {"currency": ["USD", "EUR"]} if name == "currency" else {}
    values.setdefault("currency", "USD")
    if name == "rate_date":
        values["rate_date"] = ["2025-05-15", "2025-05-14"]

    assert "more than once" in errors_of(client.get(BANDS, values))[name]


def test_the_role_page_converts_its_bands_at_rate_date(client, seed_dataset):
    page = client.get(
        "/api/v1/roles/amazon-software-engineer/", {"currency": "USD", "rate_date": "2025-05-15"}
    ).json()

    typical = next(b for b in page["salary_bands"] if b["slug"] == UK_TYPICAL.split("/")[-2])
    assert typical["converted"]["min"] == 59748.93
    assert typical["converted"]["rate_date"] == "2025-05-15"


@pytest.mark.parametrize("rate_date", [None, "2025-05-15"])
def test_converting_a_page_of_bands_costs_no_query_per_band(
    client, seed_dataset, django_assert_max_num_queries, rate_date
):
    query = {"currency": "GBP", **({"rate_date": rate_date} if rate_date else {})}
    client.get(BANDS, {**query, "page_size": 1})  # the first request memoises small tables
    # The version check, the page, and the rates of an earlier day (the latest are memoised).
    with django_assert_max_num_queries(4 if rate_date else 3):
        response = client.get(BANDS, {**query, "page_size": 50})
    assert len(response.json()["results"]) == 25


@pytest.mark.parametrize("code", QUOTED_ON_OCT_30.split(", "))
def test_every_currency_the_ecb_quotes_converts(client, seed_dataset, code):
    rates = client.get("/api/v1/exchange-rates/", {"date": "2026-10-30", "page_size": 100})
    per_euro = {r["currency"]: Decimal(str(r["rate"])) for r in rates.json()["results"]}
    per_euro["EUR"] = Decimal(1)

    converted = client.get(UK_TYPICAL, {"currency": code}).json()["converted"]

    minor_unit = client.get(f"/api/v1/currencies/{code}/").json()["minor_unit"]
    step = Decimal(1).scaleb(-minor_unit)
    expected = (45000 * per_euro[code] / per_euro["GBP"]).quantize(step, rounding=ROUND_HALF_UP)
    assert Decimal(str(converted["min"])) == expected
    assert converted["rate_date"] == "2026-10-30"
