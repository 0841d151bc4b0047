"""GET /api/v1/suggest/: names for an autocomplete box, on the real dataset."""

import pytest

from tests.seeded import seeded_module  # noqa: F401 (a fixture, used by name)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_module")]

SUGGEST = "/api/v1/suggest/"


def suggest(client, **params) -> list[dict]:
    response = client.get(SUGGEST, params)
    assert response.status_code == 200, response.content
    return response.json()["results"]


def test_a_prefix_suggests_items_of_a_type_best_first(client):
    skills = suggest(client, q="pyt", type="skill")

    assert [s["slug"] for s in skills[:3]] == ["python", "pytest", "pytorch"]
    assert skills[0] == {"type": "skill", "slug": "python", "name": "Python", "matched": None}


def test_every_word_is_a_prefix_in_any_order(client):
    found = suggest(client, q="eng amaz", type="role")

    assert [s["slug"] for s in found] == ["amazon-engineer"]


def test_an_alias_finds_its_item_and_says_so(client):
    (go,) = suggest(client, q="golan", type="skill")

    assert go == {"type": "skill", "slug": "go", "name": "Go", "matched": "Golang"}


def test_occupations_are_suggested_by_their_titles_with_their_code(client):
    found = suggest(client, q="data scien", type="occupation")

    assert found[0]["slug"] == "15-2051.00"
    assert found[0]["name"] == "Data Scientists"


def test_types_combine_and_limit_bounds_the_answer(client):
    found = suggest(client, q="software", type=["role", "skill"], limit=3)

    assert len(found) == 3
    assert {s["type"] for s in suggest(client, q="software", type="role,skill")} <= {
        "role",
        "skill",
    }
    assert len({(s["type"], s["slug"]) for s in suggest(client, q="soft", limit=20)}) == 20


def test_case_and_accents_do_not_matter(client):
    assert suggest(client, q="PYTHÖN", type="skill")[0]["slug"] == "python"


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({}, "q"),
        ({"q": ""}, "q"),
        ({"q": "py", "type": "planet"}, "type"),
        ({"q": "py", "limit": "21"}, "limit"),
        ({"q": "py", "limit": "0"}, "limit"),
        ({"q": "py", "colour": "red"}, "colour"),
    ],
)
def test_bad_parameters_are_a_400_naming_them(client, params, parameter):
    response = client.get(SUGGEST, params)

    assert response.status_code == 400
    assert [e["parameter"] for e in response.json()["errors"]] == [parameter]


def test_nothing_starts_so_is_an_empty_list(client):
    assert suggest(client, q="zzzzqx") == []
