"""The regions, currencies, exchange-rates, salary-bands and market-pay endpoints, on the seed
dataset (with the ECB extract of tests/data/ecb/ and the OEWS extract of tests/data/oews/).

Filters of /salary-bands/ are in test_filtersets.py, its `currency=` in test_conversion.py.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.conftest import process_caches_clear

pytestmark = pytest.mark.django_db

REGIONS = "/api/v1/regions/"
CURRENCIES = "/api/v1/currencies/"
RATES = "/api/v1/exchange-rates/"
BANDS = "/api/v1/salary-bands/"
ENGINEER_GUIDE = "himalayas-amazon-engineer-guide"
ECB = "ecb-euro-reference-rates"


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
    # The fixtures' 22, and the BLS OEWS extract's other areas: four states, the Washington
    # metro area (DC-VA-MD-WV) and a nonmetropolitan area of Washington state.
    assert body["count"] == 28
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
    assert client.get(REGIONS, {"updated_since": "2000-01-01T00:00:00Z"}).json()["count"] == 28
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


def test_regions_take_their_names_from_iso_3166_unless_the_files_name_them(client, seed_dataset):
    washington = client.get(f"{REGIONS}us-wa/").json()
    assert (washington["name"], washington["kind"], washington["code"]) == (
        "Washington",
        "subdivision",
        "US-WA",
    )
    assert client.get(f"{REGIONS}gb/").json()["name"] == "United Kingdom"  # ISO 3166-1
    assert client.get(f"{REGIONS}seattle/").json()["parent"] == "us-wa"
    assert client.get(f"{REGIONS}western-europe/").json()["name"] == "Western Europe"


def test_currencies_list_every_iso_4217_currency(client, seed_dataset):
    response = client.get(CURRENCIES, {"page_size": 100})

    assert response.json()["count"] == 178  # the ISO 4217 list of 2026-01-01
    everything = client.get(CURRENCIES, {"page_size": 100, "page": 2}).json()["results"]
    by_code = {c["code"]: c for c in response.json()["results"] + everything}
    assert {code: by_code[code]["minor_unit"] for code in ("JPY", "USD", "BHD")} == {
        "JPY": 0,
        "USD": 2,
        "BHD": 3,
    }
    assert by_code["XAU"]["minor_unit"] is None  # gold has no minor unit
    assert (by_code["GBP"]["name"], by_code["GBP"]["symbol"]) == ("Pound Sterling", "£")
    assert by_code["BHD"]["symbol"] == ""


def test_currencies_say_whether_the_ecb_quotes_them(client, seed_dataset):
    gbp = client.get(f"{CURRENCIES}GBP/").json()
    assert gbp["ecb_quoted"] is True
    rate = gbp["latest_rate"]
    assert (rate["slug"], rate["base"], rate["currency"], rate["date"], rate["rate"]) == (
        "gbp-2026-10-30",
        "EUR",
        "GBP",
        "2026-10-30",
        0.8338,
    )
    assert rate["source"]["attribution"] == (
        "Source: European Central Bank, euro foreign exchange reference rates"
    )
    euro = client.get(f"{CURRENCIES}EUR/").json()
    assert (euro["ecb_quoted"], euro["latest_rate"]) == (True, None)  # the base
    for code in ("RUB", "BHD"):  # no longer quoted; never quoted
        body = client.get(f"{CURRENCIES}{code}/").json()
        assert (body["ecb_quoted"], body["latest_rate"]) == (False, None)


def test_currencies_filter_by_ecb_quoted(client, seed_dataset):
    quoted = slugs(client.get(CURRENCIES, {"ecb_quoted": "true", "page_size": 100}), "code")
    assert len(quoted) == 30 and "EUR" in quoted and "GBP" in quoted and "RUB" not in quoted
    others = client.get(CURRENCIES, {"ecb_quoted": "false"}).json()["count"]
    assert others == 178 - 30
    assert "ecb_quoted" in errors_of(client.get(CURRENCIES, {"ecb_quoted": "maybe"}))


def test_currency_detail_by_iso_code(client, seed_dataset):
    body = client.get(f"{CURRENCIES}INR/").json()

    assert (body["code"], body["name"], body["symbol"]) == ("INR", "Indian Rupee", "₹")
    assert body["latest_rate"]["slug"] == "inr-2026-10-30"


@pytest.mark.parametrize("code", ["XYZ", "xyz", "CADX", "cadx"])
def test_currency_detail_unknown_or_malformed_code_is_404(client, seed_dataset, code):
    response = client.get(f"{CURRENCIES}{code}/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize("code", ["inr", "Inr"])
def test_currency_detail_takes_the_code_in_any_case(client, seed_dataset, code):
    body = client.get(f"{CURRENCIES}{code}/").json()

    assert (body["code"], body["name"]) == ("INR", "Indian Rupee")


def test_currencies_filter_by_updated_since(client, seed_dataset):
    assert client.get(CURRENCIES, {"updated_since": "2999-01-01T00:00:00Z"}).json()["count"] == 0
    assert "updated_since" in errors_of(client.get(CURRENCIES, {"updated_since": "2025-13-01"}))


# exchange rates


def test_exchange_rates_list_the_latest_day_first(client, seed_dataset):
    body = client.get(RATES, {"page_size": 3}).json()

    assert body["count"] == 415  # the ISO 4217 currencies' rates on the extract's 15 days
    assert [(r["date"], r["currency"]) for r in body["results"]] == [
        ("2026-10-30", "AUD"),
        ("2026-10-30", "BRL"),
        ("2026-10-30", "CAD"),
    ]
    assert body["results"][0]["source"]["slug"] == ECB


def test_exchange_rates_filter_by_date_currency_and_base(client, seed_dataset):
    day = client.get(RATES, {"date": "2025-05-15", "currency": "gbp,USD"}).json()["results"]
    assert [(r["currency"], r["rate"]) for r in day] == [("GBP", 0.8424), ("USD", 1.1185)]
    rub = slugs(client.get(RATES, {"currency": "RUB"}))
    assert rub == ["rub-2022-03-01", "rub-2022-02-28"]
    span = {"currency": "USD", "date_after": "2025-05-13", "date_before": "2025-05-15"}
    assert slugs(client.get(RATES, span)) == ["usd-2025-05-15", "usd-2025-05-14", "usd-2025-05-13"]
    assert client.get(RATES, {"date": "2025-05-17"}).json()["count"] == 0  # a Saturday
    assert client.get(RATES, {"base": "eur"}).json()["count"] == 415
    assert client.get(RATES, {"base": "USD"}).json()["count"] == 0
    assert "currency" in errors_of(client.get(RATES, {"currency": "XYZ"}))
    assert "date" in errors_of(client.get(RATES, {"date": "2025-02-30"}))


def test_exchange_rate_detail_by_slug(client, seed_dataset):
    body = client.get(f"{RATES}jpy-1999-01-04/").json()

    assert (body["base"], body["currency"], body["date"], body["rate"]) == (
        "EUR",
        "JPY",
        "1999-01-04",
        133.73,
    )
    assert client.get(f"{RATES}jpy-1999-01-03/").status_code == 404


def test_exchange_rates_list_query_count_is_bounded(client, seed_dataset):
    assert query_count(client, f"{RATES}?page_size=1") == query_count(
        client, f"{RATES}?page_size=100"
    )


def test_the_ecb_is_a_source_with_its_licence_and_credit_line(client, seed_dataset):
    body = client.get(f"/api/v1/sources/{ECB}/").json()

    assert body["publisher"] == "European Central Bank"
    assert body["url"] == "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip"
    assert body["licence"] == "ECB statistics may be reused with the source named."
    assert (
        body["citation"]
        == body["attribution"]
        == ("Source: European Central Bank, euro foreign exchange reference rates")
    )
    assert body["as_of_note"] == "The latest rates loaded are of 2026-10-30."
    assert "1999-01-04 to 2026-10-30: 15 publication days" in body["covers"]
    assert "left out: BGN, CYP, EEK, HRK, LTL, LVL, MTL, ROL, SIT, SKK, TRL." in body["covers"]


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


def test_market_pay_lists_bls_cells_by_occupation_and_area(client, seed_dataset):
    body = client.get("/api/v1/market-pay/", {"occupation": "15-1252", "page_size": 100}).json()

    # Software Developers in the extract's nine areas (tests/compensation/test_market_pay.py
    # has the figures, filters and footnotes).
    assert body["count"] == 9
    assert all(cell["occupation"]["code"] == "15-1252" for cell in body["results"])
    assert all(cell["currency"] == "USD" for cell in body["results"])
