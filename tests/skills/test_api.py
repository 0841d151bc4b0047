"""The skills endpoint, through the test client, on the real dataset."""

import pytest

from tests.roles.test_api import problem_parameters, slugs

pytestmark = pytest.mark.django_db


def test_skills_filter_by_category_and_role(seed_dataset, client):
    certifications = slugs(
        client.get("/api/v1/skills/", {"category": "certification", "role": "aws-developer"})
    )

    assert set(certifications) == {
        "aws-certified-developer-associate",
        "aws-certified-solutions-architect-professional",
        "aws-certified-devops-engineer-professional",
    }
    assert problem_parameters(client.get("/api/v1/skills/", {"category": "poetry"})) == ["category"]


def test_skill_search_finds_aliases(seed_dataset, client):
    assert slugs(client.get("/api/v1/skills/", {"search": "golang"})) == ["go"]


def test_the_list_query_count_does_not_grow_with_page_size(
    seed_dataset, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(6):  # the version of the snapshot, then the list
        assert client.get("/api/v1/skills/", {"page_size": 100}).status_code == 200
