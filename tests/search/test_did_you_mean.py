"""An unknown slug in a filter is a 400 naming the parameter, with what it probably meant."""

import pytest
import yaml

from tests.seeded import seeded_module  # noqa: F401 (a fixture, used by name)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_module")]


def unknown(client, url: str, params: dict) -> dict:
    response = client.get(url, params)
    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert error["code"] == "unknown"
    return error


def test_a_word_suggests_the_items_named_by_it(client):
    error = unknown(client, "/api/v1/roles/", {"skill": "aws"})

    assert error["parameter"] == "skill"
    assert len(error["suggestions"]) == 5
    assert all(s["type"] == "skill" and s["name"].startswith("AWS") for s in error["suggestions"])


def test_a_typo_suggests_the_closest_spelling(client):
    error = unknown(client, "/api/v1/salary-bands/", {"region": "seatle"})

    assert error["suggestions"] == [
        {"type": "region", "slug": "seattle", "name": "Seattle-Tacoma-Bellevue, WA"}
    ]
    python = unknown(client, "/api/v1/roles/", {"skill": "pyhton"})["suggestions"][0]
    assert python["slug"] == "python"


def test_codes_are_suggested_too(client):
    error = unknown(client, "/api/v1/roles/", {"occupation": "15-1255.00"})

    assert {"15-1252.00", "15-1253.00"} <= {s["slug"] for s in error["suggestions"]}


def test_skill_match_suggests_as_well(client):
    error = unknown(client, "/api/v1/roles/match/", {"skills": "python,dynamodbb"})

    assert error["suggestions"][0]["slug"] == "dynamodb"


def test_nothing_close_leaves_the_suggestions_out(client):
    error = unknown(client, "/api/v1/roles/", {"company": "zzzzqx"})

    assert "suggestions" not in error


def test_the_schema_documents_the_suggestions(client):
    schema = yaml.safe_load(client.get("/api/schema/").content)
    error = schema["components"]["schemas"]["ParameterError"]

    assert "suggestions" in error["properties"]
    assert "SuggestedItem" in schema["components"]["schemas"]
