"""Behaviour every endpoint shares: versioning, the error shape, re-polling, read-only, slug
and code filters and detail URLs in any case, invalid choices answered with the valid ones."""

from pathlib import Path

import pytest
import yaml
from django import forms
from django.apps import apps
from django.conf import settings

from careerapi.api.filters import SlugListField
from careerapi.occupation_page.urls import router as occupation_page
from careerapi.role_page.urls import router as role_page
from careerapi.suggest.serializers import suggestion_types
from careerapi.urls import COLLECTION_ROUTERS

pytestmark = pytest.mark.django_db


def test_the_index_lists_every_collection(seed_dataset, client):
    body = client.get("/api/v1/").json()

    assert set(body["collections"]) >= {
        "sources",
        "companies",
        "roles",
        "ladders",
        "levels",
        "skills",
        "regions",
        "currencies",
        "salary-bands",
        "interview-processes",
        "competencies",
        "questions",
    }
    for url in body["collections"].values():
        assert client.get(url).status_code == 200


def test_the_index_links_the_schema_and_both_documentation_pages(seed_dataset, client):
    body = client.get("/api/v1/").json()

    assert (body["schema"], body["docs"], body["redoc"]) == (
        "/api/schema/",
        "/api/docs/",
        "/api/redoc/",
    )
    assert client.get(body["problems"]).status_code == 200
    for page in ("docs", "redoc"):
        response = client.get(body[page])
        assert response.status_code == 200
        assert response["Content-Type"].startswith("text/html")
        assert body["schema"] in response.content.decode()


@pytest.mark.parametrize("path", ["/api/v2/roles/", "/api/v1/nothing/", "/api/", "/nowhere"])
def test_unknown_paths_and_versions_are_json_404s(client, path):
    response = client.get(path)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 404 and body["title"] == "Not found" and body["type"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_the_api_is_read_only(seed_dataset, client, method):
    response = getattr(client, method)("/api/v1/roles/", data={}, content_type="application/json")

    assert response.status_code == 405
    assert response["Content-Type"] == "application/problem+json"


def test_a_page_past_the_end_is_a_documented_404(seed_dataset, client):
    response = client.get("/api/v1/skills/", {"page": 999})

    assert response.status_code == 404
    assert response.json()["detail"].startswith("Page 999 does not exist")
    [error] = response.json()["errors"]  # naming the parameter, as a 400 does
    assert (error["parameter"], error["code"]) == ("page", "not_found")


def test_page_size_is_settable_up_to_100(seed_dataset, client):
    seeds = {"category": ["language", "cloud_service", "database", "framework", "tool", "domain"]}
    first = client.get("/api/v1/skills/", {**seeds, "page_size": 50}).json()
    everything = client.get("/api/v1/skills/", {**seeds, "page_size": 100}).json()

    assert len(first["results"]) == 50 and first["next"] and first["previous"] is None
    assert len(everything["results"]) == everything["count"] > 50
    assert everything["next"] is None


@pytest.mark.parametrize(
    "value",
    [
        "2020-01-01T00:00:00+20:00",
        "2020-01-01T00:00:00-15:30",
        "2020-01-01T00:00:00Z",
        "2020-01-01T00:00:00",
    ],
)
def test_updated_since_accepts_any_utc_offset(seed_dataset, client, value):
    response = client.get("/api/v1/roles/", {"updated_since": value})

    assert response.status_code == 200
    assert response.json()["count"] == 6


def test_updated_since_in_the_future_returns_nothing(seed_dataset, client):
    response = client.get("/api/v1/salary-bands/", {"updated_since": "2999-01-01T00:00:00Z"})

    assert response.json()["count"] == 0


def test_the_dataset_endpoint_reports_version_counts_and_attribution(seed_dataset, client):
    body = client.get("/api/v1/dataset/").json()

    assert body["version"] == seed_dataset.version.version
    assert body["counts"]["roles"] == 6
    assert {s["slug"] for s in body["sources"]} == {
        "himalayas-amazon-engineer-guide",
        "amazon-services-swe-interview-guide",
        "amazon-swe-interview-guide",
        "jobdescription-org-aws-developer",
        "ecb-euro-reference-rates",
        "onet-29-2",
        "bls-oews-2025a01",
    }
    assert all(source["attribution"] for source in body["sources"])


def test_the_dataset_endpoint_before_any_load_is_a_404(client):
    assert client.get("/api/v1/dataset/").status_code == 404


EXEMPT = {
    # Derived data, not a resource: the JSON of list items and pages, rendered at load time.
    "dataset.Rendering": "served as the items of the role list and as role pages",
    # Rows shown only inside their parent's representation.
    "roles.CompanyStatistic": "nested in companies",
    "roles.RoleStatistic": "nested in the role page",
    "roles.RoleSkill": "nested in roles",
    "roles.RoleContent": "nested in the role page",
    "roles.RelatedRole": "nested in the role page",
    "skills.SkillAlias": "nested in skills",
    "interviews.InterviewStage": "nested in interview processes",
    "interviews.InterviewGuidance": "nested in interview processes",
    "dataset.DatasetVersion": "served by /api/v1/dataset/",
    "dataset.Change": "served by /api/v1/changes/ (tests/loader/test_changes.py)",
}


@pytest.mark.parametrize(
    "model",
    [
        m
        for app in ("sources", "skills", "roles", "compensation", "interviews", "dataset")
        for m in apps.get_app_config(app).get_models()
    ],
    ids=lambda m: m._meta.label,
)
def test_every_model_has_an_endpoint_filterset_and_tests_or_an_exemption(model):
    """A model without a collection must say where it is served (NetBox's convention test)."""
    viewsets = {
        viewset.queryset.model: viewset
        for router in COLLECTION_ROUTERS
        for _, viewset, _ in router.registry
    }
    if model._meta.label in EXEMPT:
        assert model not in viewsets
        return
    viewset = viewsets[model]
    assert viewset.serializer_class is not None
    assert viewset.filterset_class is not None
    assert "updated_since" in viewset.filterset_class.base_filters
    prefix = next(p for r in COLLECTION_ROUTERS for p, v, _ in r.registry if v is viewset)
    tests = Path(settings.BASE_DIR) / "tests" / model._meta.app_label / "test_api.py"
    assert f"/api/v1/{prefix}/" in tests.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "value", ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+23:59", "2020-13-45"]
)
def test_updated_since_out_of_range_is_a_400(seed_dataset, client, value):
    response = client.get("/api/v1/roles/", {"updated_since": value})

    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "updated_since"


def _filter_fields(kind) -> list[tuple[str, str, object]]:
    """(collection URL, parameter, form field) of every list filter whose field is a `kind`."""
    found = []
    for router in COLLECTION_ROUTERS:
        for prefix, viewset, _ in router.registry:
            filterset = getattr(viewset, "filterset_class", None)
            if filterset is None:
                continue
            for name, field in filterset.shared_form_class().base_fields.items():
                if isinstance(field, kind):
                    found.append((f"/api/v1/{prefix}/", name, field))
    return found


SLUG_FILTERS = _filter_fields(SlugListField)
CHOICE_FILTERS = [
    (url, name, field)
    for url, name, field in _filter_fields(forms.ChoiceField)
    if not isinstance(field, forms.ModelChoiceField)
]


@pytest.mark.parametrize(
    ("url", "name", "field"), SLUG_FILTERS, ids=[f"{u}?{n}" for u, n, _ in SLUG_FILTERS]
)
def test_every_slug_and_code_filter_matches_in_any_case(seed_dataset, client, url, name, field):
    model_fields = {f.name for f in field.queryset.model._meta.fields}
    lookups = [lookup for lookup in field.lookups if lookup in model_fields]
    assert lookups  # a filter matches by at least one field of its model
    for lookup in lookups:
        item = field.queryset.exclude(**{lookup: None}).order_by("pk").first()
        value = str(getattr(item, lookup))
        exact = client.get(url, {name: value, "page_size": 100})
        assert exact.status_code == 200, exact.content[:300]

        for spelling in {value.upper(), value.lower(), value.title()}:
            answer = client.get(url, {name: spelling, "page_size": 100})
            assert answer.status_code == 200, (spelling, answer.content[:300])
            body, expected = answer.json(), exact.json()  # `next` links keep the spelling
            assert (body["count"], body["results"]) == (expected["count"], expected["results"])


@pytest.mark.parametrize(
    ("url", "name", "field"), CHOICE_FILTERS, ids=[f"{u}?{n}" for u, n, _ in CHOICE_FILTERS]
)
def test_an_invalid_choice_lists_the_valid_ones(seed_dataset, client, url, name, field):
    response = client.get(url, {name: "cloud-nine"})

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["parameter"] == name
    choices = [str(value) for value, _ in field.choices if value != ""]
    assert choices and error["detail"] == (
        f"cloud-nine is not one of the choices: {', '.join(choices)}."
    )


@pytest.mark.parametrize(
    ("path", "name", "choices"),
    [
        ("/api/v1/market-pay/", "period", ["annual", "hourly"]),
        ("/api/v1/market-pay/15-1252-us-wa/", "period", ["annual", "hourly"]),
        ("/api/v1/roles/amazon-software-engineer/", "format", ["json", "jsonld"]),
        ("/api/v1/occupations/15-1252.00/", "format", ["json", "jsonld"]),
    ],
)
def test_an_invalid_choice_of_a_views_own_parameter_lists_the_valid_ones(
    seed_dataset, client, path, name, choices
):
    response = client.get(path, {name: "xml"})

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["parameter"] == name
    assert error["detail"] == f"xml is not one of the choices: {', '.join(choices)}."


def test_an_unknown_suggestion_type_lists_the_valid_ones(seed_dataset, client):
    response = client.get("/api/v1/suggest/", {"q": "pyt", "type": ["skill", "planet"]})

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["parameter"] == "type"
    known = sorted(suggestion_types())
    assert {"skill", "role", "occupation"} <= set(known)
    assert error["detail"] == f"planet is not one of the choices: {', '.join(known)}."


# --- detail URLs: the slug or code in any case ------------------------------------------

DETAIL_ROUTES = [
    (prefix, viewset)
    for router in (*COLLECTION_ROUTERS, role_page, occupation_page)
    for prefix, viewset, _ in router.registry
    if hasattr(viewset, "retrieve")
]


@pytest.mark.parametrize(
    ("prefix", "viewset"), DETAIL_ROUTES, ids=[prefix for prefix, _ in DETAIL_ROUTES]
)
def test_every_detail_url_matches_its_slug_or_code_in_any_case(
    seed_dataset, client, prefix, viewset
):
    item = viewset.queryset.model.objects.order_by("pk").first()
    value = str(getattr(item, viewset.lookup_field))
    exact = client.get(f"/api/v1/{prefix}/{value}/")
    assert exact.status_code == 200, exact.content[:300]

    for spelling in {value.upper(), value.lower(), value.title()}:
        url = f"/api/v1/{prefix}/{spelling}/"
        answer = client.get(url)
        cached = client.get(url)  # the response cache's, or answered early, this time
        assert answer.status_code == cached.status_code == 200, (url, answer.content[:300])
        # The canonical item's representation, under the URL's own ETag.
        assert answer.content == cached.content == exact.content, url
        assert answer["ETag"] == cached["ETag"]
        assert client.get(url, HTTP_IF_NONE_MATCH=answer["ETag"]).status_code == 304


@pytest.mark.parametrize(
    ("url", "parameter"),
    [("/api/v1/roles/No-Such-Role/", "slug"), ("/api/v1/currencies/qqq/", "code")],
)
def test_an_unknown_item_in_another_case_is_a_404_naming_the_path_parameter(
    seed_dataset, client, url, parameter
):
    response = client.get(url)

    assert response.status_code == 404
    [error] = response.json()["errors"]
    assert (error["parameter"], error["code"]) == (parameter, "not_found")
    assert "/api/v1/" not in response.json()["detail"]  # not the unknown path's 404


def test_the_schema_gives_path_parameters_as_the_lists_spell_them():
    schema = yaml.safe_load((Path(settings.BASE_DIR) / "openapi.yaml").read_text("utf-8"))
    patterns = {
        path: parameter["schema"].get("pattern")
        for path, methods in schema["paths"].items()
        for parameter in methods["get"].get("parameters", [])
        if parameter["in"] == "path"
    }

    assert patterns["/api/v1/roles/{slug}/"] == "^[a-z0-9]+(?:-[a-z0-9]+)*$"
    assert patterns["/api/v1/currencies/{code}/"] == "^[A-Z]{3}$"
    assert not [path for path, pattern in patterns.items() if pattern and "(?i" in pattern]
