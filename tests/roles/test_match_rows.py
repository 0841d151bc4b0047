"""Skill-match results are written from rows; they must show what the role list shows."""

import pytest

pytestmark = pytest.mark.django_db

MATCH = "/api/v1/roles/match/"


def test_each_match_splits_the_roles_skills_heaviest_first(seed_dataset, client):
    roles = client.get("/api/v1/roles/", {"page_size": 100}).json()["results"]
    listed = {role["slug"]: role for role in roles}

    results = client.get(MATCH, {"skills": "python,aws-lambda,dynamodb"}).json()["results"]

    assert results
    for result in results:
        role = listed[result["role"]["slug"]]
        assert result["role"] == {key: role[key] for key in ("slug", "title", "company", "family")}
        given = {"python", "aws-lambda", "dynamodb"}
        assert {s["slug"] for s in result["matched"]} == {s["slug"] for s in role["skills"]} & given
        assert sorted(result["matched"] + result["missing"], key=lambda s: s["slug"]) == sorted(
            role["skills"], key=lambda s: s["slug"]
        )
        for part in (result["matched"], result["missing"]):
            keys = [(-s["weight"], s["name"]) for s in part]
            assert keys == sorted(keys)
        assert result["total_weight"] == sum(s["weight"] for s in role["skills"])
        assert result["matched_weight"] == sum(s["weight"] for s in result["matched"])
        assert result["score"] == round(result["matched_weight"] / 9, 4)


@pytest.mark.parametrize("page_size", [1, 100])
def test_a_match_costs_the_same_queries_whatever_the_page_size(
    seed_dataset, client, django_assert_num_queries, page_size
):
    client.get(MATCH, {"skills": "python"})

    # The version of the snapshot and the page's skills; roles, skills and weights are
    # memoised per dataset.
    with django_assert_num_queries(2):
        response = client.get(MATCH, {"skills": "python,aws-lambda", "page_size": page_size})

    assert response.status_code == 200


def test_equal_scores_rank_by_coverage_then_slug(seed_dataset, client):
    results = client.get(MATCH, {"skills": "python", "page_size": 100}).json()["results"]

    keys = [(-r["score"], -r["coverage"], r["role"]["slug"]) for r in results]
    assert len(results) > 1 and keys == sorted(keys)
