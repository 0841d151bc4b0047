"""The OpenAPI schema validates with no warnings, matches the committed openapi.yaml, and
the documentation pages load everything from this server."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

COMMITTED = Path(settings.BASE_DIR) / "openapi.yaml"


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> str:
    target = tmp_path_factory.mktemp("schema") / "openapi.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    return target.read_text(encoding="utf-8")


def test_schema_validates_without_warnings_and_matches_the_committed_file(generated):
    assert COMMITTED.read_text(encoding="utf-8") == generated, (
        "openapi.yaml is out of date: regenerate it with "
        "`.venv/bin/python manage.py spectacular --file openapi.yaml`"
    )


def test_operations_have_summaries_descriptions_and_no_version_noise(generated):
    import yaml

    schema = yaml.safe_load(generated)
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            where = f"{method.upper()} {path}"
            assert operation.get("summary"), where
            assert operation.get("description"), where
            assert not operation["operationId"].startswith("v1"), where
            assert "v1" not in operation.get("tags", []), where
            problem = operation["responses"]["400"]["content"]
            assert "application/problem+json" in problem, where


@pytest.mark.django_db
def test_schema_and_docs_are_served_without_external_assets(client):
    assert client.get("/api/schema/").status_code == 200
    for page in ("/api/docs/", "/api/redoc/"):
        html = client.get(page).content.decode()
        assert "cdn.jsdelivr.net" not in html and "unpkg.com" not in html
        assert "/static/drf_spectacular_sidecar/" in html


# Every answer the schema describes, on the seed dataset: each list page by page, each
# listed item's detail, and the endpoints that need a parameter (or show more with one).
EXPORT = "/api/v1/export/"
WITH_PARAMETERS = [
    ("/api/v1/roles/match/", {"skills": "python,aws-lambda,dynamodb"}),
    ("/api/v1/suggest/", {"q": "s"}),
    ("/api/v1/title-match/", {"title": "Sr. Software Engineer"}),
    ("/api/v1/salary-bands/", {"currency": "GBP"}),
    ("/api/v1/market-pay/", {"currency": "EUR"}),
    ("/api/v1/market-pay/", {"period": "hourly"}),
]
DETAIL_PARAMETERS = {"/api/v1/roles/{slug}/": {"currency": "EUR"}}


def _resolve(schema: dict, components: dict) -> dict:
    """The schema a `$ref` stands for (or an `allOf` of one, as a nullable reference is
    written), nullable if the reference or the component says so."""
    nullable = schema.get("nullable", False)
    while "$ref" in schema or len(schema.get("allOf", ())) == 1:
        reference = schema["allOf"][0] if "allOf" in schema else schema
        schema = components[reference["$ref"].rsplit("/", 1)[1]]
        nullable = nullable or schema.get("nullable", False)
    return {**schema, "nullable": nullable}


def _conformance(value, schema: dict, components: dict, where: str) -> list[str]:
    """Where `value` breaks its schema's `required`, `nullable` or `enum` (empty: nowhere)."""
    schema = _resolve(schema, components)
    if value is None:
        return [] if schema["nullable"] else [f"{where}: null but not nullable"]
    if "oneOf" in schema or "anyOf" in schema:
        branches = schema.get("oneOf") or schema["anyOf"]
        found = [_conformance(value, branch, components, where) for branch in branches]
        return [] if [] in found else found[0]
    if "enum" in schema:
        return [] if value in schema["enum"] else [f"{where}: {value!r} not in the enum"]
    problems = []
    if isinstance(value, dict):
        properties = schema.get("properties", {})
        problems += [
            f"{where}.{name}: missing" for name in schema.get("required", ()) if name not in value
        ]
        extra = schema.get("additionalProperties")
        for name, item in value.items():
            inner = properties.get(name, extra if isinstance(extra, dict) else None)
            if inner is not None:
                problems += _conformance(item, inner, components, f"{where}.{name}")
    elif isinstance(value, list) and "items" in schema:
        for index, item in enumerate(value):
            problems += _conformance(item, schema["items"], components, f"{where}[{index}]")
    return problems


def _pages(client, url: str, parameters: dict):
    """Each page of a list (or the one answer of an endpoint that is not a list)."""
    while url:
        response = client.get(url, parameters)
        assert response.status_code == 200, (url, parameters, response.content)
        body = response.json()
        yield body
        url, parameters = body.get("next"), {}


def _answers(client, paths: dict):
    """(the path as the schema names it, the URL asked, its JSON) for every answer."""
    details = {path.rsplit("{", 1)[0]: path for path in paths if path.endswith("}/")}
    needs = {
        path
        for path in paths
        for p in paths[path]["get"].get("parameters", ())
        if p.get("required")
    }
    asked = [(path, {}) for path in paths if path not in needs | {EXPORT}]
    for path, parameters in asked + WITH_PARAMETERS:
        paginated = "Paginated" in str(paths[path]["get"]["responses"]["200"])
        items = []
        for body in _pages(client, path, parameters | ({"page_size": 100} if paginated else {})):
            yield path, path, body
            items += body["results"] if paginated else []
        detail = details.get(path)
        if detail is None or parameters:
            continue
        key = detail.rsplit("{", 1)[1][:-2]
        for item in items:
            url = detail.replace(f"{{{key}}}", str(item[key]))
            for body in _pages(client, url, DETAIL_PARAMETERS.get(detail, {})):
                yield detail, url, body


@pytest.mark.django_db
def test_every_answer_has_its_required_fields_and_null_only_where_nullable(seed_dataset, client):
    """Driven by the committed schema, so it covers every component: a field marked required
    is in every answer, a field not marked nullable is never null, an enum's value is one
    of its values."""
    import yaml

    schema = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    components, paths = schema["components"]["schemas"], schema["paths"]
    problems, answered = [], set()
    for path, url, body in _answers(client, paths):
        content = paths[path]["get"]["responses"]["200"]["content"]["application/json"]
        problems += _conformance(body, content["schema"], components, url)
        answered.add(path)
    assert not problems, "\n".join(problems[:40])
    assert answered == set(paths) - {EXPORT}


def test_no_enum_holds_an_empty_string(generated):
    import yaml

    def enums(node):
        if isinstance(node, dict):
            if "enum" in node:
                yield node["enum"]
            for value in node.values():
                yield from enums(value)
        elif isinstance(node, list):
            for value in node:
                yield from enums(value)

    found = list(enums(yaml.safe_load(generated)))
    assert found and not [values for values in found if "" in values]
