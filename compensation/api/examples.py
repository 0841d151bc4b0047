"""Response examples for the OpenAPI documentation, taken from the seed dataset."""

from drf_spectacular.utils import OpenApiExample

from careerapi.api.examples import TIMESTAMP
from roles.api.examples import HIMALAYAS_GUIDE

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

CURRENCY = OpenApiExample(
    "Currency",
    summary="Canadian dollar with its rate to USD",
    value={
        "code": "CAD",
        "name": "Canadian Dollar",
        "symbol": "CA$",
        "latest_rate": {
            "slug": "cad-usd-himalayas",
            "currency": "CAD",
            "rate_to_usd": 0.75,
            "as_of": None,
            "derivation": "(75,000 + 225,000) / (100,000 + 300,000) = 0.75; both ends imply 0.75.",
            "quote": "In Canada, expect CAD 100,000–CAD 300,000 (≈ USD 75k–225k).",
            "source": HIMALAYAS_GUIDE,
        },
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
    summary="Amazon Engineer in Canada, with currency=USD",
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
            "min": 75000.0,
            "max": 225000.0,
            "median": None,
            "average": None,
            "rate": 0.75,
            "rates_used": [
                {
                    "slug": "cad-usd-himalayas",
                    "currency": "CAD",
                    "rate_to_usd": 0.75,
                    "as_of": None,
                    "derivation": (
                        "(75,000 + 225,000) / (100,000 + 300,000) = 0.75; both ends imply 0.75."
                    ),
                    "quote": "In Canada, expect CAD 100,000–CAD 300,000 (≈ USD 75k–225k).",
                    "source": HIMALAYAS_GUIDE,
                }
            ],
        },
        "conversion_note": None,
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)
