"""The role list is served from JSON rendered at load time; it must be the serializer's JSON."""

import json

import pytest
from django.core.cache import cache

from careerapi.api.rendering import render_json
from dataset.models import Rendering
from loader.services import dataset_load
from roles.api.serializers import RoleSerializer
from roles.api.views import role_list_queryset
from roles.models import Role
from tests.conftest import process_caches_clear

pytestmark = pytest.mark.django_db

ROLES = "/api/v1/roles/"


def serialized_roles() -> list[dict]:
    return json.loads(render_json(RoleSerializer(role_list_queryset(), many=True).data))


def test_every_load_renders_every_role(seed_dataset):
    rendered = set(Rendering.objects.filter(collection="roles").values_list("object_id", flat=True))

    assert rendered == set(Role.objects.values_list("id", flat=True))


def test_the_list_is_the_serializers_json_in_the_lists_order(seed_dataset, client):
    response = client.get(ROLES, {"page_size": 100})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json()["results"] == serialized_roles()


def test_pages_filters_and_ordering_apply_to_rendered_items(seed_dataset, client):
    first = client.get(ROLES, {"page_size": 2, "ordering": "-slug"}).json()
    second = client.get(ROLES, {"page_size": 2, "ordering": "-slug", "page": 2}).json()
    by_slug = {role["slug"]: role for role in serialized_roles()}
    slugs = sorted(by_slug, reverse=True)

    assert first["count"] == len(slugs)
    assert first["previous"] is None and "page=2" in first["next"]
    assert first["results"] == [by_slug[slug] for slug in slugs[:2]]
    assert second["results"] == [by_slug[slug] for slug in slugs[2:4]]
    filtered = client.get(ROLES, {"skill": "python,aws-lambda"}).json()["results"]
    assert filtered and all(
        {"python", "aws-lambda"} <= {skill["slug"] for skill in role["skills"]} for role in filtered
    )


def test_a_role_without_a_rendering_is_rendered_on_the_fly(seed_dataset, client):
    Rendering.objects.filter(object_id=Role.objects.get(slug="aws-developer").id).delete()

    response = client.get(ROLES, {"page_size": 100})

    assert response.json()["results"] == serialized_roles()


def test_a_load_renders_the_roles_again(seed_dataset, client, fixture_file, dataset_copy):
    skills = fixture_file("catalogue/skills.yaml")
    skills.edit(
        lambda data: next(s for s in data["skills"] if s["slug"] == "python").update(
            name="Python 3"
        )
    )
    dataset_load(paths=[dataset_copy])
    cache.clear()  # the version is published on commit, which this test never reaches
    process_caches_clear()

    names = {
        skill["name"]
        for role in client.get(ROLES, {"page_size": 100}).json()["results"]
        for skill in role["skills"]
        if skill["slug"] == "python"
    }

    assert names == {"Python 3"}


@pytest.mark.parametrize("page_size", [1, 100])
def test_a_list_costs_the_same_few_queries_whatever_the_page_size(
    seed_dataset, client, django_assert_num_queries, page_size
):
    # Memoise the slug tables and the dataset version.
    client.get(ROLES, {"skill": "python", "company": "amazon"})

    # The version of the snapshot, the count, the page's ids and their JSON; the slugs
    # resolve from the per-dataset memo.
    with django_assert_num_queries(4):
        response = client.get(
            ROLES, {"page_size": page_size, "skill": "python", "company": "amazon"}
        )

    assert response.status_code == 200


def test_an_unfiltered_list_pages_from_memoised_ids(
    seed_dataset, client, django_assert_num_queries
):
    first = client.get(ROLES, {"ordering": "-title", "page_size": 2})  # memoises the ids

    # The version of the snapshot and the page's JSON: the count and the order come from
    # the memo.
    with django_assert_num_queries(2):
        second = client.get(ROLES, {"ordering": "-title", "page_size": 2, "page": 2})

    titles = sorted((role["title"] for role in serialized_roles()), reverse=True)
    assert [r["title"] for r in first.json()["results"] + second.json()["results"]] == titles[:4]
    assert second.json()["count"] == len(titles)
