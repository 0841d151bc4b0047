"""GET /api/v1/title-match/: a job title as people write it to occupations and roles, on
the real dataset (seed roles, the O*NET extract's titles)."""

import pytest

from tests.seeded import seeded_module  # noqa: F401 (a fixture, used by name)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_module")]

MATCH = "/api/v1/title-match/"


def match(client, title: str, **params) -> dict:
    response = client.get(MATCH, {"title": title, **params})
    assert response.status_code == 200, response.content
    return response.json()


def test_seniority_and_abbreviations_do_not_defeat_a_match(client):
    body = match(client, "Sr. Software Engineer")

    assert body["words"] == ["software", "engineer"]
    first = body["results"][0]
    assert first == {
        "type": "occupation",
        "slug": "15-1252.00",
        "name": "Software Developers",
        "matched_title": "Software Engineer",
        "match_kind": "alternate_title",
        "score": 1.0,
        "url": "/api/v1/occupations/15-1252.00/",
    }
    roles = {r["slug"] for r in body["results"] if r["type"] == "role" and r["score"] == 1.0}
    assert roles == {
        "amazon-software-engineer",
        "amazon-services-software-engineer",
        "software-engineer",
    }


def test_a_grade_suffix_is_left_out(client):
    (only,) = match(client, "Software Development Engineer II")["results"]

    assert (only["slug"], only["matched_title"], only["score"]) == (
        "15-1252.00",
        "Software Development Engineer",
        1.0,
    )


def test_an_onet_title_matches_as_itself(client):
    first = match(client, "Jr. Data Scientist")["results"][0]

    assert (first["slug"], first["match_kind"], first["score"]) == ("15-2051.00", "onet_title", 1.0)


def test_when_no_title_has_every_word_those_with_most_of_them_come(client):
    body = match(client, "Amazon Software Engineer", limit=5)

    assert body["results"][0]["slug"] == "15-1252.00"
    assert all(r["score"] < 1 for r in body["results"])
    assert "amazon-engineer" in {r["slug"] for r in body["results"]}


def test_each_item_once_best_score_first(client):
    results = match(client, "software developer", limit=50)["results"]

    keys = [(r["type"], r["slug"]) for r in results]
    assert len(keys) == len(set(keys))
    assert [r["score"] for r in results] == sorted((r["score"] for r in results), reverse=True)


@pytest.mark.parametrize(
    ("params", "parameter"),
    [({}, "title"), ({"title": ""}, "title"), ({"title": "x", "limit": "51"}, "limit")],
)
def test_bad_parameters_are_a_400_naming_them(client, params, parameter):
    response = client.get(MATCH, params)

    assert response.status_code == 400
    assert [e["parameter"] for e in response.json()["errors"]] == [parameter]


def test_a_title_no_name_shares_a_word_with_matches_nothing(client):
    assert match(client, "Zyzzyva Wrangler")["results"] == []


def test_a_long_title_that_matches_nothing_costs_a_few_queries(
    client, django_assert_max_num_queries
):
    # Six words (the most read), none in any title: every word, each five, then any word.
    title = "Zyzzyva Quokka Axolotl Narwhal Pangolin Okapi"
    with django_assert_max_num_queries(6 + 2 + 2):  # and the dataset version, twice at most
        assert match(client, title)["results"] == []


def test_any_word_is_the_last_resort(client):
    # No title has the three words, nor two of them; some have "radiologists".
    first = match(client, "Radiologists Zyzzyva Quokka")["results"][0]

    assert first["slug"] == "29-1224.00"
