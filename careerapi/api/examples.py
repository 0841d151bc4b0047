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
            "sources": "http://localhost/api/v1/sources/",
            "families": "http://localhost/api/v1/families/",
            "companies": "http://localhost/api/v1/companies/",
            "skills": "http://localhost/api/v1/skills/",
            "ladders": "http://localhost/api/v1/ladders/",
            "levels": "http://localhost/api/v1/levels/",
            "roles": "http://localhost/api/v1/roles/",
            "regions": "http://localhost/api/v1/regions/",
            "currencies": "http://localhost/api/v1/currencies/",
            "salary-bands": "http://localhost/api/v1/salary-bands/",
            "interview-processes": "http://localhost/api/v1/interview-processes/",
            "competencies": "http://localhost/api/v1/competencies/",
            "topics": "http://localhost/api/v1/topics/",
            "questions": "http://localhost/api/v1/questions/",
        },
        "dataset": "http://localhost/api/v1/dataset/",
        "changes": "http://localhost/api/v1/changes/",
        "export": "http://localhost/api/v1/export/",
        "schema": "http://localhost/api/schema/",
    },
    response_only=True,
)
