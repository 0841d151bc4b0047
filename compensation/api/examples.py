"""Response examples for the OpenAPI documentation, taken from the seed dataset."""

from drf_spectacular.utils import OpenApiExample

from careerapi.api.examples import TIMESTAMP
from sources.api.examples import HIMALAYAS_GUIDE, OEWS

REGION = OpenApiExample(
    "Region",
    summary="London",
    value={
        "slug": "london",
        "name": "London",
        "kind": "metro",
        "code": None,
        "area_code": None,
        "parent": "gb",
        "also_in": [],
        "currency": "GBP",
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)

ECB = {
    "slug": "ecb-euro-reference-rates",
    "title": "Euro foreign exchange reference rates",
    "attribution": "Source: European Central Bank, euro foreign exchange reference rates",
}

EXCHANGE_RATE = OpenApiExample(
    "Exchange rate",
    summary="The ECB's pound sterling rate of 2026-10-30",
    value={
        "slug": "gbp-2026-10-30",
        "base": "EUR",
        "currency": "GBP",
        "date": "2026-10-30",
        "rate": 0.8338,
        "source": ECB,
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)

CURRENCY = OpenApiExample(
    "Currency",
    summary="Pound sterling with the ECB's latest rate",
    value={
        "code": "GBP",
        "name": "Pound Sterling",
        "symbol": "£",
        "minor_unit": 2,
        "ecb_quoted": True,
        "latest_rate": EXCHANGE_RATE.value,
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)

SALARY_BAND = OpenApiExample(
    "Salary band",
    summary="Senior Amazon Engineer, United States",
    value={
        "slug": "amazon-engineer-us-senior",
        "role": "amazon-engineer",
        "level": {"slug": "amazon-engineer-senior", "name": "Senior Amazon Engineer", "code": ""},
        "label": "Senior Amazon Engineer",
        "region": {"slug": "us", "name": "United States", "code": "US"},
        "currency": "USD",
        "period": "annual",
        "basis": "unspecified",
        "min_amount": None,
        "max_amount": None,
        "max_open": False,
        "median_amount": 220000.0,
        "average_amount": 240000.0,
        "usd_equivalent_min": None,
        "usd_equivalent_max": None,
        "quote": "Senior Amazon Engineer | $220k USD | $240k USD |",
        "interpretation": (
            'Salary by Experience Level table, columns "US Median" and "US Average".'
        ),
        "source": HIMALAYAS_GUIDE,
        "converted": None,
        "conversion_note": None,
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)

SALARY_BAND_CONVERTED = OpenApiExample(
    "Salary band in USD",
    summary="Amazon Engineer in Canada, with currency=USD (the ECB's rates of 2026-10-30)",
    value={
        "slug": "amazon-engineer-ca",
        "role": "amazon-engineer",
        "level": None,
        "label": "",
        "region": {"slug": "ca", "name": "Canada", "code": "CA"},
        "currency": "CAD",
        "period": "annual",
        "basis": "unspecified",
        "min_amount": 100000.0,
        "max_amount": 300000.0,
        "max_open": False,
        "median_amount": None,
        "average_amount": None,
        "usd_equivalent_min": 75000.0,
        "usd_equivalent_max": 225000.0,
        "quote": "In Canada, expect CAD 100,000–CAD 300,000 (≈ USD 75k–225k).",
        "interpretation": (
            "No level or pay basis is stated (basis unspecified). USD equivalents are the "
            "guide's own approximations. No period is stated; read as annual."
        ),
        "source": HIMALAYAS_GUIDE,
        "converted": {
            "currency": "USD",
            "min": 71587.85,
            "max": 214763.55,
            "median": None,
            "average": None,
            "rate": 0.715878508266,
            "rate_date": "2026-10-30",
            "rate_date_note": None,
            "legs": [
                {
                    "slug": "cad-2026-10-30",
                    "base": "EUR",
                    "currency": "CAD",
                    "date": "2026-10-30",
                    "rate": 1.5606,
                    "source": ECB,
                    "updated_at": TIMESTAMP,
                },
                {
                    "slug": "usd-2026-10-30",
                    "base": "EUR",
                    "currency": "USD",
                    "date": "2026-10-30",
                    "rate": 1.1172,
                    "source": ECB,
                    "updated_at": TIMESTAMP,
                },
            ],
            "derivation": (
                "1 CAD = 1.1172 / 1.5606 USD: the ECB's USD and CAD reference rates against "
                "the euro of 2026-10-30."
            ),
        },
        "conversion_note": None,
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)

SOFTWARE_DEVELOPERS_GROUP = {"code": "15-1252", "title": "Software Developers", "level": "detailed"}

MARKET_PAY = OpenApiExample(
    "Market pay",
    summary="Software Developers in Seattle-Tacoma-Bellevue, WA",
    value={
        "slug": "15-1252-seattle",
        "occupation": SOFTWARE_DEVELOPERS_GROUP,
        "region": {
            "slug": "seattle",
            "name": "Seattle-Tacoma-Bellevue, WA",
            "kind": "metro",
            "code": None,
            "area_code": "0042660",
        },
        "release": "2025A01",
        "series_id": "OEUM0042660000000151252",
        "currency": "USD",
        "employment": 92770,
        "employment_rse": 1.9,
        "wage_rse": 1.3,
        "jobs_per_1000": 44.468,
        "location_quotient": 4.1,
        "wages": [
            {
                "period": "annual",
                "mean": 174920.0,
                "p10": 99190.0,
                "p25": 132800.0,
                "median": 167280.0,
                "p75": 211860.0,
                "p90": 257960.0,
                "unpublished": [],
                "converted": None,
            },
            {
                "period": "hourly",
                "mean": 84.09,
                "p10": 47.69,
                "p25": 63.85,
                "median": 80.42,
                "p75": 101.86,
                "p90": 124.02,
                "unpublished": [],
                "converted": None,
            },
        ],
        "unpublished": [],
        "source": OEWS,
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)

#: The national cell of Software Developers (OEUN0000000000000151252): the market pay a role
#: page of that occupation shows by default. BLS publishes no location quotient or jobs per
#: 1,000 for the nation; they do not apply, and are not listed as unpublished.
MARKET_PAY_US = {
    "slug": "15-1252-us",
    "occupation": SOFTWARE_DEVELOPERS_GROUP,
    "region": {
        "slug": "us",
        "name": "United States",
        "kind": "country",
        "code": "US",
        "area_code": "0000000",
    },
    "release": "2025A01",
    "series_id": "OEUN0000000000000151252",
    "currency": "USD",
    "employment": 1687890,
    "employment_rse": 0.6,
    "wage_rse": 0.4,
    "jobs_per_1000": None,
    "location_quotient": None,
    "wages": [
        {
            "period": "annual",
            "mean": 148100.0,
            "p10": 82460.0,
            "p25": 105210.0,
            "median": 135980.0,
            "p75": 171980.0,
            "p90": 214670.0,
            "unpublished": [],
            "converted": None,
        },
        {
            "period": "hourly",
            "mean": 71.2,
            "p10": 39.64,
            "p25": 50.58,
            "median": 65.38,
            "p75": 82.68,
            "p90": 103.21,
            "unpublished": [],
            "converted": None,
        },
    ],
    "unpublished": [],
    "source": OEWS,
    "updated_at": TIMESTAMP,
}
