"""Response examples for the skill catalogue, taken from the seed dataset."""

from drf_spectacular.utils import OpenApiExample

from careerapi.api.examples import TIMESTAMP

SKILL = OpenApiExample(
    "Skill",
    summary="AWS Lambda",
    value={
        "slug": "aws-lambda",
        "name": "AWS Lambda",
        "category": "cloud_service",
        "aliases": ["Lambda"],
        "description": "",
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)
