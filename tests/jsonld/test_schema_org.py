"""The schema.org checker the JSON-LD tests rely on (tests/jsonld/schema_org.py) refuses
what schema.org's definitions do not allow: each case breaks one rule of a valid document."""

import copy

import pytest
import yaml
from django.conf import settings

from .schema_org import schema_org_errors

VALID = {
    "@context": "https://schema.org",
    "@type": "Occupation",
    "name": "Software Developers",
    "url": "https://api.example/api/v1/occupations/15-1252.00/",
    "occupationalCategory": [
        {
            "@type": "CategoryCode",
            "codeValue": "15-1252.00",
            "inCodeSet": {"@type": "CategoryCodeSet", "name": "O*NET-SOC 2019 Taxonomy"},
        }
    ],
    "estimatedSalary": [
        {
            "@type": "MonetaryAmountDistribution",
            "currency": "USD",
            "duration": "P1Y",
            "percentile10": 82460,
            "median": 135980,
        },
        {"@type": ["MonetaryAmountDistribution", "MonetaryAmount"], "minValue": 1, "maxValue": 2},
    ],
    "occupationLocation": [{"@type": "Country", "name": "United States", "identifier": "US"}],
    "experienceRequirements": {
        "@type": "OccupationalExperienceRequirements",
        "monthsOfExperience": 24,
    },
}


def broken(change) -> dict:
    document = copy.deepcopy(VALID)
    change(document)
    return document


def test_a_valid_document_passes():
    assert schema_org_errors(VALID, expected="Occupation") == []


@pytest.mark.parametrize(
    ("change", "error"),
    [
        (lambda d: d.update({"@context": "http://example.org"}), "$: @context"),
        (lambda d: d.update({"salary": 1}), "$.salary: not a property of Occupation"),
        # minValue is MonetaryAmount's, not a distribution's.
        (
            lambda d: d["estimatedSalary"][0].update({"minValue": 1}),
            "$.estimatedSalary[0].minValue: not a property",
        ),
        (
            lambda d: d["estimatedSalary"][0].update({"duration": "yearly"}),
            "$.estimatedSalary[0].duration: 'yearly' is none of Duration",
        ),
        (
            lambda d: d["estimatedSalary"][0].update({"median": "135980"}),
            "$.estimatedSalary[0].median: '135980' is none of Number",
        ),
        # An occupation's location is an AdministrativeArea: a bare Place is not one.
        (
            lambda d: d["occupationLocation"][0].update({"@type": "Place"}),
            "$.occupationLocation[0]: ['Place'] is none of AdministrativeArea",
        ),
        (lambda d: d.update({"url": "/relative/"}), "$.url: '/relative/' is none of URL"),
        (
            lambda d: d["occupationalCategory"][0].update({"@type": "JobCode"}),
            "unknown type(s) ['JobCode']",
        ),
        (lambda d: d.update({"skills": []}), "$.skills: an empty list"),
        (lambda d: d.update({"description": None}), "$.description: an empty value"),
        (
            lambda d: d["experienceRequirements"].update({"monthsOfExperience": True}),
            "monthsOfExperience: True is none of Number",
        ),
    ],
)
def test_what_schema_org_does_not_allow_is_an_error(change, error):
    errors = schema_org_errors(broken(change), expected="Occupation")

    assert any(found.startswith(error) or error in found for found in errors), errors


def test_the_schemas_jsonld_examples_pass():
    schema = yaml.safe_load((settings.BASE_DIR / "openapi.yaml").read_text(encoding="utf-8"))
    examples = [
        example["value"]
        for path in schema["paths"].values()
        for operation in path.values()
        for response in operation.get("responses", {}).values()
        for media_type, content in response.get("content", {}).items()
        if media_type == "application/ld+json"
        for example in content.get("examples", {}).values()
    ]

    assert len(examples) == 2  # the role page's and the occupation page's
    for example in examples:
        assert schema_org_errors(example, expected="Occupation") == []
