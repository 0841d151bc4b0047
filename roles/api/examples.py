"""Response examples for the OpenAPI documentation, taken from the seed dataset.

Also a value for the required `skills` parameter of the match, so "Try it out" in
Swagger UI starts from a request that works.
"""

from drf_spectacular.utils import OpenApiExample

from careerapi.api.examples import TIMESTAMP
from sources.api.examples import (
    AMAZON_SERVICES_GUIDE,
    HIMALAYAS_GUIDE,
    JOBDESCRIPTION_AWS_DEVELOPER,
)

FAMILY = OpenApiExample(
    "Family",
    summary="Software Engineering",
    value={
        "slug": "software-engineering",
        "name": "Software Engineering",
        "description": "",
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)

COMPANY = OpenApiExample(
    "Company",
    summary="AWS, an organisation inside Amazon",
    value={
        "slug": "aws",
        "name": "Amazon Web Services (AWS)",
        "kind": "organisation",
        "parent": "amazon",
        "description": "",
        "statistics": [],
        "sources": [AMAZON_SERVICES_GUIDE, HIMALAYAS_GUIDE, JOBDESCRIPTION_AWS_DEVELOPER],
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)

LADDER = OpenApiExample(
    "Ladder",
    summary="Amazon Engineer career path (two of its five levels)",
    value={
        "slug": "amazon-engineer-career-path",
        "name": "Amazon Engineer Career Path",
        "company": "amazon",
        "role": "amazon-engineer",
        "description": (
            "The Amazon Engineer role refers to engineers working inside Amazon (product teams, "
            "AWS, or operations) who build scalable services, automation, and customer-facing "
            "systems."
        ),
        "source": HIMALAYAS_GUIDE,
        "levels": [
            {
                "slug": "amazon-engineer-junior",
                "position": 1,
                "name": "Junior Amazon Engineer",
                "code": "",
                "years_min": 0,
                "years_max": 2,
                "years_quote": "0-2 years total experience",
                "scope": (
                    "Work on well-scoped features and bugs within a single service or component."
                ),
                "focus_areas": (
                    "Build core programming skills in the stack used by the team (Java, Python, "
                    "Go, or internal languages)."
                ),
                "quote": "",
                "updated_at": TIMESTAMP,
            },
            {
                "slug": "amazon-engineer-mid",
                "position": 2,
                "name": "Amazon Engineer",
                "code": "",
                "years_min": 2,
                "years_max": 4,
                "years_quote": "2-4 years total experience",
                "scope": (
                    "Own end-to-end features for a service and drive work across small components."
                ),
                "focus_areas": (
                    "Strengthen system design and API skills. Improve incident response and "
                    "postmortem writing."
                ),
                "quote": "",
                "updated_at": TIMESTAMP,
            },
        ],
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)

LEVEL = OpenApiExample(
    "Level",
    summary="Senior Amazon Engineer",
    value={
        "slug": "amazon-engineer-senior",
        "ladder": "amazon-engineer-career-path",
        "position": 3,
        "name": "Senior Amazon Engineer",
        "code": "",
        "years_min": 4,
        "years_max": 8,
        "years_quote": "4-8 years total experience",
        "scope": "Lead complex features and own architecture for significant service areas.",
        "focus_areas": (
            "Master distributed system design, scalable data flows, and advanced observability."
        ),
        "quote": "",
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)

ROLE = OpenApiExample(
    "Role",
    summary="Amazon Engineer (three of its skills)",
    value={
        "slug": "amazon-engineer",
        "title": "Amazon Engineer",
        "company": "amazon",
        "family": "software-engineering",
        "occupation": "15-1252.00",
        "summary": (
            "An Amazon Engineer builds and ships the services and systems that power Amazon’s "
            "global retail, cloud, and logistics platforms, solving problems at internet scale "
            "where latency, cost and reliability matter to millions every day."
        ),
        "experience_years_min": None,
        "experience_years_max": None,
        "skills": [
            {
                "slug": "api-design",
                "name": "API design",
                "category": "practice",
                "importance": "required",
                "weight": 3,
            },
            {
                "slug": "aws-lambda",
                "name": "AWS Lambda",
                "category": "cloud_service",
                "importance": "required",
                "weight": 3,
            },
            {
                "slug": "python",
                "name": "Python",
                "category": "language",
                "importance": "required",
                "weight": 3,
            },
        ],
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)

ROLE_MATCH = OpenApiExample(
    "Match",
    summary="Amazon Engineer for skills=python,aws-lambda,dynamodb",
    value={
        "role": {
            "slug": "amazon-engineer",
            "title": "Amazon Engineer",
            "company": "amazon",
            "family": "software-engineering",
        },
        "score": 1.0,
        "coverage": 0.0542,
        "matched_weight": 9,
        "total_weight": 166,
        "matched": [
            {
                "slug": "aws-lambda",
                "name": "AWS Lambda",
                "category": "cloud_service",
                "importance": "required",
                "weight": 3,
            },
            {
                "slug": "dynamodb",
                "name": "Amazon DynamoDB",
                "category": "cloud_service",
                "importance": "required",
                "weight": 3,
            },
            {
                "slug": "python",
                "name": "Python",
                "category": "language",
                "importance": "required",
                "weight": 3,
            },
        ],
        "missing": [
            {
                "slug": "api-design",
                "name": "API design",
                "category": "practice",
                "importance": "required",
                "weight": 3,
            },
            {
                "slug": "iam",
                "name": "AWS IAM",
                "category": "cloud_service",
                "importance": "required",
                "weight": 3,
            },
            {
                "slug": "adaptability-under-pressure",
                "name": "Adaptability under pressure",
                "category": "soft_skill",
                "importance": "required",
                "weight": 3,
            },
        ],
    },
    response_only=True,
)


# Query parameters. Swagger UI fills these in for "Try it out", so only a required
# parameter gets one: an example for an optional filter would narrow every first try.

SKILLS_TO_MATCH = OpenApiExample(
    "Serverless skills",
    summary="Python, AWS Lambda and DynamoDB",
    value="python,aws-lambda,dynamodb",
)
