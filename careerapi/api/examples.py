"""Response examples for the OpenAPI documentation, taken from the seed dataset."""

from drf_spectacular.utils import OpenApiExample

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
