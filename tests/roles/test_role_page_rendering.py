"""The role page without parameters is answered from its rendering at load time (and its
salary bands' rows); it must be byte for byte the serializer's JSON, in a few queries."""

import json

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careerapi.api.rendering import render_json
from careerapi.role_page.market_region import market_region_default
from careerapi.role_page.queryset import role_page_queryset
from careerapi.role_page.rendering import ROLE_PAGES_RENDERED, rendered_role_page
from careerapi.role_page.serializers import RoleDetailSerializer
from compensation.models import MarketPay
from dataset.models import Rendering
from loader.services import dataset_load
from roles.models import Role
from tests.conftest import process_caches_clear

pytestmark = pytest.mark.django_db

ROLES = "/api/v1/roles/"
PAGES = ROLE_PAGES_RENDERED.name


def page(client, slug: str, **query):
    response = client.get(f"{ROLES}{slug}/", query)
    assert response.status_code == 200, response.content
    return response


def serialized_page(slug: str) -> bytes:
    """The page as the serializer writes it, outside any view."""
    role = role_page_queryset().get(slug=slug)
    context = {
        "dataset": None,
        "conversion": None,
        "market_region": market_region_default(dataset=None),
    }
    return render_json(RoleDetailSerializer(role, context=context).data)


def test_every_load_renders_every_roles_page(seed_dataset):
    rendered = set(Rendering.objects.filter(collection=PAGES).values_list("object_id", flat=True))

    assert rendered == set(Role.objects.values_list("id", flat=True))


def test_every_rendered_page_is_the_serializers_json_byte_for_byte(seed_dataset, client):
    slugs = list(Role.objects.order_by("slug").values_list("slug", flat=True))
    assert len(slugs) >= 6

    for slug in slugs:
        rendered = page(client, slug)
        assert rendered["Content-Type"] == "application/json"
        assert rendered.content == rendered_role_page(slug=slug, dataset=None)
        # Parameters that change nothing take the live path.
        assert rendered.content == page(client, slug, format="json").content, slug
        assert rendered.content == page(client, slug, market_region="us").content, slug
        assert rendered.content == serialized_page(slug), slug
    bands = json.loads(page(client, "amazon-engineer").content)["salary_bands"]
    assert len(bands) > 1  # the request's bands, in the page's order


def test_the_page_is_answered_from_its_rendering(seed_dataset, client):
    role = Role.objects.get(slug="amazon-engineer")
    rendering = Rendering.objects.get(collection=PAGES, object_id=role.id)
    rendering.body = rendering.body.replace('"title":"Amazon Engineer"', '"title":"Rendered"', 1)
    rendering.save()

    assert page(client, "amazon-engineer").json()["title"] == "Rendered"
    assert page(client, "amazon-engineer", format="json").json()["title"] == "Amazon Engineer"


def test_a_role_page_is_at_most_four_queries(seed_dataset, client, django_assert_max_num_queries):
    page(client, "aws-developer")  # memoises the bands' small tables (levels, regions, sources)

    # The rendering, the bands' rows, and the version the answer was read at.
    with django_assert_max_num_queries(4):
        response = page(client, "amazon-engineer")

    assert json.loads(response.content)["salary_bands"]


@pytest.mark.parametrize("release", [None, "another"])
def test_a_role_without_a_rendering_of_this_release_is_answered_live(seed_dataset, client, release):
    expected = page(client, "amazon-engineer", format="json").content
    renderings = Rendering.objects.filter(
        collection=PAGES, object_id=Role.objects.get(slug="amazon-engineer").id
    )
    if release is None:
        renderings.delete()
    else:
        renderings.update(release=release)

    assert page(client, "amazon-engineer").content == expected


def test_an_unknown_role_is_the_same_404(seed_dataset, client):
    response = client.get(f"{ROLES}no-such-role/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert "no-such-role" in response.json()["detail"]


def test_parameters_and_jsonld_are_answered_live(seed_dataset, client):
    bands = page(client, "amazon-engineer", currency="USD").json()["salary_bands"]
    assert {band["converted"]["currency"] for band in bands if band["converted"]} == {"USD"}
    seattle = page(client, "amazon-engineer", market_region="seattle").json()["market_pay"]
    assert [cell["slug"] for cell in seattle] == ["15-1252-seattle"]
    for response in (
        client.get(f"{ROLES}amazon-engineer/", HTTP_ACCEPT="application/ld+json"),
        client.get(f"{ROLES}amazon-engineer/", {"format": "jsonld"}),
    ):
        assert response.status_code == 200
        assert response["Content-Type"] == "application/ld+json"
        assert response.json()["@type"] == "Occupation"


def test_the_rendered_page_keeps_its_etag_and_answers_304(seed_dataset, client):
    rendered = page(client, "amazon-engineer")
    assert (
        client.get(f"{ROLES}amazon-engineer/", HTTP_IF_NONE_MATCH=rendered["ETag"]).status_code
        == 304
    )

    # The live answer of the same URL has the same ETag: it names the data and the URL.
    Rendering.objects.filter(collection=PAGES).delete()
    cache.clear()
    process_caches_clear()
    live = page(client, "amazon-engineer")
    assert live["ETag"] == rendered["ETag"]
    assert live["Last-Modified"] == rendered["Last-Modified"]
    assert live["Cache-Control"] == rendered["Cache-Control"]
    assert live.content == rendered.content


def test_a_load_renders_the_pages_again(seed_dataset, client, fixture_file, dataset_copy):
    skills = fixture_file("catalogue/skills.yaml")
    skills.edit(
        lambda data: next(s for s in data["skills"] if s["slug"] == "java").update(name="Java 21")
    )
    dataset_load(paths=[dataset_copy])
    cache.clear()  # the version is published on commit, which this test never reaches
    process_caches_clear()

    skills = page(client, "amazon-engineer").json()["skills"]

    assert next(s["name"] for s in skills if s["slug"] == "java") == "Java 21"


def test_the_rendering_reads_market_pay_once_for_all_roles(seed_dataset):
    with CaptureQueriesContext(connection) as captured:
        pages = list(ROLE_PAGES_RENDERED.render())

    assert len(pages) == Role.objects.count()
    table = MarketPay._meta.db_table
    assert sum(f'"{table}"' in query["sql"] for query in captured.captured_queries) == 1
