"""Response examples for the OpenAPI documentation, taken from the seed dataset."""

from drf_spectacular.utils import OpenApiExample

from .errors import PROBLEMS

# Stands in for `updated_at` and `loaded_at`, the time of the last dataset load, so the
# generated schema does not change with every load.
TIMESTAMP = "2026-01-01T00:00:00Z"

INDEX = OpenApiExample(
    "Index",
    summary="API v1 served at localhost",
    value={
        "version": "v1",
        "collections": {
            "sources": "/api/v1/sources/",
            "families": "/api/v1/families/",
            "companies": "/api/v1/companies/",
            "skills": "/api/v1/skills/",
            "ladders": "/api/v1/ladders/",
            "levels": "/api/v1/levels/",
            "roles": "/api/v1/roles/",
            "regions": "/api/v1/regions/",
            "currencies": "/api/v1/currencies/",
            "salary-bands": "/api/v1/salary-bands/",
            "interview-processes": "/api/v1/interview-processes/",
            "competencies": "/api/v1/competencies/",
            "topics": "/api/v1/topics/",
            "questions": "/api/v1/questions/",
        },
        "dataset": "/api/v1/dataset/",
        "changes": "/api/v1/changes/",
        "export": "/api/v1/export/",
        "schema": "/api/schema/",
        "docs": "/api/docs/",
        "redoc": "/api/redoc/",
        "problems": "/api/problems/",
    },
    response_only=True,
)

#: The seed dataset's version on a first load of fixtures/ (a database that loaded nothing
#: before): the `since` that lists every change.
SEED_VERSION = "fd581ef4759f75909dc63d1796b6b06a6723171587e4ce36d90ab18db9e4834d"


def collection_of(path: str) -> str:
    """The collection a schema path is of: "salary-bands" for /api/v1/salary-bands/{slug}/."""
    return path.removeprefix("/api/").removeprefix("v1/").split("/")[0]


#: Query and path parameter examples, real values of the seed dataset so that "Try it out"
#: answers 200 with each, and, as Swagger UI fills them all in, finds items with all of
#: them together (tests/test_schema.py checks both). By the collection and the
#: parameter's name where values differ between collections, else by name alone; an enum
#: or boolean parameter not listed shows its first value (careerapi.api.schema).
PARAMETER_EXAMPLES_BY_COLLECTION = {
    "companies": {"slug": "amazon", "parent": "amazon", "search": "amazon"},
    "competencies": {"slug": "amazon-ownership", "search": "ownership"},
    "currencies": {"code": "GBP"},
    "exchange-rates": {"slug": "gbp-2025-05-15", "currency": "GBP", "base": "EUR"},
    "families": {"slug": "software-engineering"},
    "interview-processes": {"slug": "amazon-swe-process"},
    "job-zones": {"zone": "4"},
    "ladders": {"slug": "amazon-sde-levels", "role": "amazon-engineer"},
    "levels": {"slug": "amazon-l5", "role": "amazon-engineer"},
    "market-pay": {
        "slug": "15-1252-us-wa",
        "occupation": "15-1252",
        "region": "us-wa",
        "level": "detailed",
        "region_kind": "subdivision",
    },
    "occupations": {"code": "15-1252.00", "search": "software developers"},
    "problems": {"slug": "invalid-parameters"},
    # No question of the seed has a topic and a competency, or a stage kind: with all the
    # examples together, none is found.
    "questions": {
        "slug": "amazon-swe-q-tell-me-about-yourself",
        "search": "owned",
        "competency": "amazon-swe-quality-ownership-mentality",
        "topic": "linked-lists",
    },
    "regions": {"slug": "gb", "parent": "us", "kind": "subdivision"},
    "roles": {"slug": "amazon-software-engineer", "search": "software engineer"},
    # Together: the band amazon-engineer-us-l5.
    "salary-bands": {
        "slug": "amazon-software-engineer-gb-typical",
        "role": "amazon-engineer",
        "level": "amazon-l5",
        "region": "us",
        "basis": "unspecified",
        "source": "himalayas-amazon-engineer-guide",
        "min_amount": 200000,
        "max_amount": 300000,
    },
    "skills": {
        "slug": "python",
        "role": "aws-developer",
        "search": "python",
        "category": "language",
    },
    "soc-groups": {"code": "15-1252", "parent": "15-1200", "search": "computer"},
    "sources": {"slug": "amazon-swe-interview-guide", "search": "interview guide"},
    "topics": {"slug": "binary-search", "search": "binary search"},
}
PARAMETER_EXAMPLES = {
    "base": "USD",
    "company": "amazon",
    "competency": "amazon-ownership",
    "currency": "GBP",
    "date": "2025-05-15",
    "date_after": "2025-05-01",
    "date_before": "2025-05-31",
    "family": "software-engineering",
    "group": "15-1200",
    "hot_technology": "python",
    "in_demand": "python",
    "job_zone": 4,
    "ladder": "amazon-sde-levels",
    "level": "amazon-l5",
    "limit": 5,
    "market_region": "us-wa",
    "max_amount": 200000,
    "min_amount": 100000,
    "occupation": "15-1252.00",
    "page": 1,
    "page_size": 10,
    "process": "amazon-swe-process",
    "rate_date": "2025-05-15",
    "role": "amazon-software-engineer",
    "since": SEED_VERSION,
    "skill": "python",
    "skill_any": "java",
    "source": "amazon-swe-interview-guide",
    "topic": "binary-search",
    "updated_since": TIMESTAMP,
}

#: How many items each list holds on the seed dataset (with its required parameters'
#: examples): the `count` of its example's first page. The seed is the one the tests load
#: (tests/test_schema.py checks these), whose O*NET, BLS and ECB data are extracts of their
#: releases (tests/data/): occupations, skills, market pay and rates count more on full ones.
LIST_COUNTS = {
    "/api/problems/": len(PROBLEMS),
    "/api/v1/companies/": 3,
    "/api/v1/competencies/": 11,
    "/api/v1/currencies/": 178,
    "/api/v1/exchange-rates/": 415,
    "/api/v1/families/": 1,
    "/api/v1/interview-processes/": 3,
    "/api/v1/job-zones/": 5,
    "/api/v1/ladders/": 2,
    "/api/v1/levels/": 9,
    "/api/v1/market-pay/": 144,
    "/api/v1/occupations/": 13,
    "/api/v1/questions/": 8,
    "/api/v1/regions/": 28,
    "/api/v1/roles/": 6,
    "/api/v1/roles/match/": 4,
    "/api/v1/salary-bands/": 25,
    "/api/v1/skills/": 812,
    "/api/v1/soc-groups/": 26,
    "/api/v1/sources/": 7,
    "/api/v1/topics/": 17,
}

#: Path values that name no item, for the 404 examples: by collection, else "*".
MISSING_ITEMS = {
    "*": "no-such-item",
    "currencies": "XYZ",
    "job-zones": 9,
    "occupations": "99-9999.00",
    "soc-groups": "99-9999",
}
