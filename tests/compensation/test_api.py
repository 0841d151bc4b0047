"""The regions, currencies and salary-bands endpoints, against the real seed dataset.

Filters of /salary-bands/ are in test_filtersets.py.
"""

from datetime import date

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from compensation.models import Currency, ExchangeRate
from roles.models import Source
from tests.conftest import process_caches_clear

pytestmark = pytest.mark.django_db

REGIONS = "/api/v1/regions/"
CURRENCIES = "/api/v1/currencies/"
BANDS = "/api/v1/salary-bands/"
ENGINEER_GUIDE = "himalayas-amazon-engineer-guide"
SUPPORTED = "USD, AUD, BRL, CAD, EUR, INR, MXN, SGD"
GBP_BANDS = {
    "amazon-software-engineer-gb-typical",
    "software-engineer-gb-junior-uk-average-amazon-swe-guide",
    "software-engineer-gb-experienced-uk-average-amazon-swe-guide",
    "amazon-software-engineer-junior-faq-amazon-swe-guide",
    "amazon-software-engineer-experienced-faq-amazon-swe-guide",
}


def errors_of(response) -> dict[str, str]:
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    return {error["parameter"]: error["detail"] for error in response.json()["errors"]}


def slugs(response, key: str = "slug") -> list[str]:
    assert response.status_code == 200, response.content
    return [item[key] for item in response.json()["results"]]


def query_count(client, url: str) -> int:
    cache.clear()  # count the queries of a fresh answer, not of a cached one
    process_caches_clear()  # nor of one this process kept
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# regions


def test_regions_list_the_tree_in_path_order(client, seed_dataset):
    response = client.get(REGIONS, {"page_size": 100})

    body = response.json()
    assert body["count"] == 21
    assert slugs(response)[:3] == ["world", "asia-pacific", "au"]
    london = next(region for region in body["results"] if region["slug"] == "london")
    assert {key: london[key] for key in ("name", "kind", "code", "parent", "currency")} == {
        "name": "London",
        "kind": "metro",
        "code": None,
        "parent": "gb",
        "currency": "GBP",
    }
    assert "path" not in london


def test_region_detail_by_slug(client, seed_dataset):
    body = client.get(f"{REGIONS}us/").json()

    assert body["name"] == "United States"
    assert (body["kind"], body["code"], body["parent"], body["currency"]) == (
        "country",
        "US",
        "north-america",
        "USD",
    )
    assert body["updated_at"]


def test_region_detail_unknown_slug_is_404(client, seed_dataset):
    response = client.get(f"{REGIONS}atlantis/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_regions_filter_by_kind(client, seed_dataset):
    countries = slugs(client.get(REGIONS, {"kind": "country", "page_size": 100}))
    areas_and_world = slugs(client.get(REGIONS, {"kind": ["area", "world"], "page_size": 100}))

    assert set(countries) == {"us", "ca", "br", "mx", "gb", "de", "in", "au", "sg"}
    assert len(areas_and_world) == 7
    assert "world" in areas_and_world
    assert "kind" in errors_of(client.get(REGIONS, {"kind": "planet"}))


def test_regions_filter_by_parent_gives_direct_children(client, seed_dataset):
    assert set(slugs(client.get(REGIONS, {"parent": "western-europe"}))) == {"gb", "de"}
    assert set(slugs(client.get(REGIONS, {"parent": "in,gb"}))) == {
        "bengaluru",
        "hyderabad",
        "london",
    }
    assert "atlantis" in errors_of(client.get(REGIONS, {"parent": "atlantis"}))["parent"]


def test_regions_filter_by_updated_since(client, seed_dataset):
    assert client.get(REGIONS, {"updated_since": "2000-01-01T00:00:00Z"}).json()["count"] == 21
    assert client.get(REGIONS, {"updated_since": "2999-01-01T00:00:00Z"}).json()["count"] == 0
    assert "updated_since" in errors_of(client.get(REGIONS, {"updated_since": "yesterday"}))


def test_regions_reject_unknown_parameters(client, seed_dataset):
    assert "currency" in errors_of(client.get(REGIONS, {"currency": "USD"}))


def test_regions_list_query_count_is_bounded(client, seed_dataset, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):  # the version of the snapshot, then the list
        assert client.get(REGIONS, {"page_size": 100}).status_code == 200
    assert query_count(client, f"{REGIONS}?page_size=1") == query_count(
        client, f"{REGIONS}?page_size=100"
    )


# currencies


def test_currencies_list_with_their_latest_rate(client, seed_dataset):
    response = client.get(CURRENCIES, {"page_size": 100})

    assert slugs(response, "code") == [
        "AUD",
        "BRL",
        "CAD",
        "EUR",
        "GBP",
        "INR",
        "MXN",
        "SGD",
        "USD",
    ]
    by_code = {currency["code"]: currency for currency in response.json()["results"]}
    cad = by_code["CAD"]["latest_rate"]
    assert cad["slug"] == "cad-usd-himalayas"
    assert cad["currency"] == "CAD"
    assert cad["rate_to_usd"] == 0.75
    assert cad["as_of"] is None
    assert cad["derivation"].startswith("(75,000 + 225,000) / (100,000 + 300,000) = 0.75")
    assert "CAD 100,000–CAD 300,000" in cad["quote"]
    assert cad["source"]["slug"] == ENGINEER_GUIDE
    assert by_code["INR"]["latest_rate"]["rate_to_usd"] == 0.012
    assert by_code["USD"]["latest_rate"] is None  # the base currency
    assert by_code["GBP"]["latest_rate"] is None  # no source gives a GBP rate
    assert (by_code["EUR"]["name"], by_code["EUR"]["symbol"]) == ("Euro", "€")


def test_currency_latest_rate_is_the_newest_then_by_slug(client, seed_dataset):
    cad = Currency.objects.get(code="CAD")
    source = Source.objects.get(slug=ENGINEER_GUIDE)
    rows = {"currency": cad, "derivation": "test", "quote": "test", "source": source}
    ExchangeRate.objects.create(slug="cad-usd-aaa-undated", rate_to_usd="0.5", **rows)
    ExchangeRate.objects.create(
        slug="cad-usd-2024", rate_to_usd="0.8", as_of=date(2024, 1, 1), **rows
    )
    ExchangeRate.objects.create(
        slug="cad-usd-2025", rate_to_usd="0.7", as_of=date(2025, 6, 1), **rows
    )

    latest = client.get(f"{CURRENCIES}CAD/").json()["latest_rate"]

    assert (latest["slug"], latest["rate_to_usd"], latest["as_of"]) == (
        "cad-usd-2025",
        0.7,
        "2025-06-01",
    )
    ExchangeRate.objects.filter(as_of__isnull=False).delete()
    cache.clear()  # rows changed outside a dataset load, which the response cache cannot see
    process_caches_clear()
    # Two rows without a date: the first slug wins.
    assert client.get(f"{CURRENCIES}CAD/").json()["latest_rate"]["slug"] == "cad-usd-aaa-undated"


def test_currency_detail_by_iso_code(client, seed_dataset):
    body = client.get(f"{CURRENCIES}INR/").json()

    assert (body["code"], body["name"], body["symbol"]) == ("INR", "Indian Rupee", "₹")
    assert body["latest_rate"]["slug"] == "inr-usd-himalayas"


@pytest.mark.parametrize("code", ["XYZ", "cad", "CADX", "usd"])
def test_currency_detail_unknown_or_malformed_code_is_404(client, seed_dataset, code):
    response = client.get(f"{CURRENCIES}{code}/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_currencies_filter_by_updated_since(client, seed_dataset):
    assert client.get(CURRENCIES, {"updated_since": "2999-01-01T00:00:00Z"}).json()["count"] == 0
    assert "updated_since" in errors_of(client.get(CURRENCIES, {"updated_since": "2025-13-01"}))


def test_currencies_list_query_count_is_bounded(
    client, seed_dataset, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):  # the version of the snapshot, then the list
        assert client.get(CURRENCIES, {"page_size": 100}).status_code == 200
    assert query_count(client, f"{CURRENCIES}?page_size=1") == query_count(
        client, f"{CURRENCIES}?page_size=100"
    )


# salary bands


def test_salary_bands_list_every_band(client, seed_dataset):
    body = client.get(BANDS, {"page_size": 100}).json()

    assert body["count"] == 25
    assert {band["currency"] for band in body["results"]} == {
        "USD",
        "CAD",
        "EUR",
        "GBP",
        "INR",
        "AUD",
        "BRL",
        "MXN",
        "SGD",
    }
    assert all(band["converted"] is None for band in body["results"])
    assert all(band["conversion_note"] is None for band in body["results"])


def test_salary_band_detail_keeps_the_figures_as_given(client, seed_dataset):
    body = client.get(f"{BANDS}amazon-engineer-ca/").json()

    assert body["role"] == "amazon-engineer"
    assert body["level"] is None
    assert body["region"] == {"slug": "ca", "name": "Canada", "code": "CA"}
    assert (body["currency"], body["period"], body["basis"]) == ("CAD", "annual", "unspecified")
    assert (body["min_amount"], body["max_amount"], body["max_open"]) == (100000, 300000, False)
    assert (body["median_amount"], body["average_amount"]) == (None, None)
    assert (body["usd_equivalent_min"], body["usd_equivalent_max"]) == (75000, 225000)
    assert body["quote"] == "In Canada, expect CAD 100,000–CAD 300,000 (≈ USD 75k–225k)."
    assert body["interpretation"].startswith("No level or pay basis is stated")
    assert body["source"]["slug"] == ENGINEER_GUIDE
    assert body["source"]["attribution"].startswith("Complete Amazon Engineer Career Guide")
    assert (body["converted"], body["conversion_note"]) == (None, None)
    assert body["updated_at"]


def test_salary_band_detail_names_its_level_and_open_maximum(client, seed_dataset):
    l4 = client.get(f"{BANDS}amazon-engineer-us-l4/").json()
    l6 = client.get(f"{BANDS}amazon-engineer-us-l6/").json()

    assert l4["level"] == {"slug": "amazon-l4", "name": "SDE I", "code": "L4"}
    assert l4["basis"] == "total_compensation"
    assert l4["region"] == {"slug": "us", "name": "United States", "code": "US"}
    assert (l6["min_amount"], l6["max_amount"], l6["max_open"]) == (350000, 700000, True)


def test_salary_band_without_region_shows_null(client, seed_dataset):
    body = client.get(f"{BANDS}aws-developer-senior-usd/").json()

    assert (body["role"], body["region"], body["level"]) == ("aws-developer", None, None)
    assert (body["min_amount"], body["max_amount"]) == (140000, 175000)
    assert body["source"]["slug"] == "jobdescription-org-aws-developer"


def test_salary_band_detail_unknown_slug_is_404(client, seed_dataset):
    response = client.get(f"{BANDS}no-such-band/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_salary_bands_reject_unknown_parameters(client, seed_dataset):
    assert "salary" in errors_of(client.get(BANDS, {"salary": "100000"}))


# conversion


def test_cad_band_converted_to_usd_uses_the_cad_rate(client, seed_dataset):
    body = client.get(f"{BANDS}amazon-engineer-ca/", {"currency": "USD"}).json()

    converted = body["converted"]
    assert converted["currency"] == "USD"
    assert (converted["min"], converted["max"]) == (75000, 225000)
    assert (converted["median"], converted["average"]) == (None, None)
    assert converted["rate"] == 0.75
    [rate] = converted["rates_used"]
    assert (rate["slug"], rate["currency"], rate["rate_to_usd"]) == (
        "cad-usd-himalayas",
        "CAD",
        0.75,
    )
    assert rate["source"]["slug"] == ENGINEER_GUIDE
    assert body["conversion_note"] is None
    # The band's own figures are unchanged.
    assert (body["currency"], body["min_amount"], body["max_amount"]) == ("CAD", 100000, 300000)


def test_usd_band_converted_to_inr_divides_by_the_inr_rate(client, seed_dataset):
    body = client.get(f"{BANDS}amazon-engineer-us-junior/", {"currency": "INR"}).json()

    converted = body["converted"]
    assert converted["currency"] == "INR"
    assert converted["median"] == 10_000_000  # 120,000 / 0.012
    assert converted["average"] == 10_416_666.67  # 125,000 / 0.012, to the cent
    assert (converted["min"], converted["max"]) == (None, None)
    assert converted["rate"] == pytest.approx(1 / 0.012)
    assert [rate["slug"] for rate in converted["rates_used"]] == ["inr-usd-himalayas"]


def test_band_converted_between_two_non_usd_currencies_uses_both_rates(client, seed_dataset):
    converted = client.get(f"{BANDS}amazon-engineer-ca/", {"currency": "EUR"}).json()["converted"]

    assert (converted["min"], converted["max"]) == (69827.59, 209482.77)  # x 0.75 / 1.074074
    assert converted["rate"] == pytest.approx(0.75 / 1.074074)
    assert [rate["slug"] for rate in converted["rates_used"]] == [
        "cad-usd-himalayas",
        "eur-usd-himalayas",
    ]


def test_band_in_the_requested_currency_converts_at_rate_one(client, seed_dataset):
    converted = client.get(f"{BANDS}amazon-engineer-us-l6/", {"currency": "USD"}).json()[
        "converted"
    ]

    assert (converted["min"], converted["max"], converted["rate"]) == (350000, 700000, 1)
    assert converted["rates_used"] == []


def test_gbp_bands_cannot_be_converted_and_say_why(client, seed_dataset):
    response = client.get(BANDS, {"currency": "USD", "page_size": 100})

    results = response.json()["results"]
    unconverted = {band["slug"]: band for band in results if band["converted"] is None}
    assert set(unconverted) == GBP_BANDS
    for band in unconverted.values():
        assert "no exchange rate for GBP" in band["conversion_note"]
    assert all(band["conversion_note"] is None for band in results if band["converted"])


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("us1", "'us1' is not an ISO 4217 code"),
        ("XYZ", "no exchange rate for XYZ"),
        ("GBP", "no exchange rate for GBP"),
        ("", "'' is not an ISO 4217 code"),
    ],
)
def test_unsupported_target_currency_is_400_listing_the_supported_ones(
    client, seed_dataset, value, reason
):
    for url in (BANDS, f"{BANDS}amazon-engineer-ca/"):
        detail = errors_of(client.get(url, {"currency": value}))["currency"]

        assert reason in detail
        assert f"supported currencies: {SUPPORTED}." in detail


@pytest.mark.parametrize("value", ["eur", "Eur", "usd"])
def test_a_target_currency_matches_in_any_case(client, seed_dataset, value):
    lower = client.get(BANDS, {"currency": value}).json()["results"]
    assert lower == client.get(BANDS, {"currency": value.upper()}).json()["results"]
    assert {band["converted"]["currency"] for band in lower if band["converted"]} == {value.upper()}
    detail = f"{BANDS}amazon-engineer-ca/"
    assert client.get(detail, {"currency": value}).json() == (
        client.get(detail, {"currency": value.upper()}).json()
    )


def test_currency_given_twice_is_400(client, seed_dataset):
    assert (
        "more than once" in errors_of(client.get(BANDS, {"currency": ["USD", "EUR"]}))["currency"]
    )


@pytest.mark.parametrize("currency", [None, "USD", "EUR"])
def test_salary_bands_list_query_count_is_bounded(
    client, seed_dataset, django_assert_max_num_queries, currency
):
    suffix = f"&currency={currency}" if currency else ""
    client.get(f"{BANDS}?page_size=5{suffix}")  # the first request memoises small tables
    with django_assert_max_num_queries(4):  # the version of the snapshot, then the list
        response = client.get(f"{BANDS}?page_size=100{suffix}")
    assert len(response.json()["results"]) == 25
    assert query_count(client, f"{BANDS}?page_size=1{suffix}") == query_count(
        client, f"{BANDS}?page_size=100{suffix}"
    )
