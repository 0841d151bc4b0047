"""Response examples for the OpenAPI documentation, taken from the seed dataset."""

from drf_spectacular.utils import OpenApiExample

from careerapi.api.examples import TIMESTAMP
from sources.api.examples import HIMALAYAS_GUIDE

REGION = OpenApiExample(
    "Region",
    summary="London",
    value={
        "slug": "london",
        "name": "London",
        "kind": "metro",
        "code": None,
        "parent": "gb",
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
