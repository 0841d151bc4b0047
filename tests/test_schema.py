"""The OpenAPI schema validates with no warnings, matches the committed openapi.yaml, and
the documentation pages load everything from this server."""

import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

COMMITTED = Path(settings.BASE_DIR) / "openapi.yaml"


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> str:
    target = tmp_path_factory.mktemp("schema") / "openapi.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    return target.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def schema(generated) -> dict:
    import yaml

    return yaml.safe_load(generated)


def operations(schema: dict):
    """(path, method, operation) of every operation in the schema."""
    for path, methods in schema["paths"].items():
        for method, operation in methods.items():
            yield path, method, operation


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
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
        assert "/static/drf_spectacular_sidecar/" in html


@pytest.mark.django_db
def test_the_served_schema_is_the_committed_one_whatever_version_or_lang(client):
    import yaml

    committed = yaml.safe_load(COMMITTED.read_text(encoding="utf-8"))
    for query in ({}, {"version": "9.9", "lang": "de"}, {"lang": "fr"}, {}):
        response = client.get("/api/schema/", query)
        assert response.status_code == 200
        assert yaml.safe_load(response.content) == committed, query


def parameters(schema: dict):
    """(path, operation, parameter) of every parameter of a GET in the schema."""
    for path, method, operation in operations(schema):
        if method == "get":
            for parameter in operation.get("parameters", []):
                yield path, operation, parameter


def test_every_parameter_has_a_description_and_an_example(schema):
    lacking = [
        f"{path} {parameter['in']} {parameter['name']}"
        for path, _operation, parameter in parameters(schema)
        if not parameter.get("description") or example_of(parameter) is None
    ]
    assert lacking == []


def example_of(parameter: dict):
    """The parameter's example, or the first of its named examples."""
    if "example" in parameter:
        return parameter["example"]
    named = list(parameter.get("examples", {}).values())
    return named[0]["value"] if named else None


def query_value(value) -> str:
    """A value as a query string gives it (booleans as JSON writes them)."""
    return str(value).lower() if isinstance(value, bool) else str(value)


#: Parameters that only apply with another (their descriptions say so).
TOGETHER = {"rate_date": ("currency",)}


def example_request(path: str, operation: dict, names) -> tuple[str, dict]:
    """The operation's URL with its path parameters' examples, and the query of the named
    parameters' examples, of those they need, and of the operation's required ones."""
    names = {needed for name in names for needed in (name, *TOGETHER.get(name, ()))}
    query = {}
    for parameter in operation.get("parameters", []):
        name, example = parameter["name"], example_of(parameter)
        if parameter["in"] == "path":
            path = path.replace(f"{{{name}}}", str(example))
        elif name in names or parameter.get("required"):
            values = example if isinstance(example, list) else [example]
            query[name] = [query_value(value) for value in values]
    return path, query


def list_examples(schema: dict):
    """(path, operation, example) of every example of a list's page."""
    for path, _method, operation in operations(schema):
        content = operation["responses"]["200"].get("content", {}).get("application/json", {})
        for example in content.get("examples", {}).values():
            page = example["value"]
            if isinstance(page, dict) and {"count", "next", "previous", "results"} <= set(page):
                yield path, operation, page


def test_list_examples_are_a_first_page_of_their_own_list(schema):
    """A list's example is its page 1: no previous page, a count of at least its results, and
    a next page exactly when the count goes past them, linked as page 2 of the same list
    (same page size, same required parameters) or none when they are all."""
    listed = 0
    for path, operation, page in list_examples(schema):
        listed += 1
        where = (path, page["count"], page["next"])
        size = len(page["results"])
        assert page["previous"] is None, where
        assert 1 <= size <= page["count"], where
        if page["next"] is None:
            assert page["count"] == size, where
            continue
        assert page["count"] > size, where
        link = urlsplit(page["next"])
        assert link.path == path, where
        query = parse_qs(link.query)
        assert query.pop("page") == ["2"], where
        assert query.pop("page_size") == [str(size)], where
        assert query == example_request(path, operation, [])[1], where
    assert listed >= 20


#: List examples that are no page of the seed dataset, and why.
NOT_THE_SEEDS = {"/api/v1/changes/": "the changes of a load after the seed's"}


@pytest.mark.django_db
def test_list_examples_show_the_seed_datasets_first_page(schema, seed_dataset, client):
    """On the seed dataset, a list's first page of as many items as its example shows has the
    example's count and links (its `examples.LIST_COUNTS`), and its next link answers."""
    for path, operation, page in list_examples(schema):
        if path in NOT_THE_SEEDS:
            continue
        url, query = example_request(path, operation, [])
        response = client.get(url, {**query, "page_size": len(page["results"])})
        assert response.status_code == 200, (url, query, response.content[:300])
        answer = response.json()
        links = {key: answer[key] for key in ("count", "next", "previous")}
        assert links == {key: page[key] for key in links}, path
        if page["next"] is not None:
            following = client.get(page["next"])
            assert following.status_code == 200, (page["next"], following.content[:300])
            assert following.json()["results"], page["next"]


@pytest.mark.django_db
def test_try_it_out_with_every_parameter_example_answers_200(schema, seed_dataset, client):
    tried = 0
    for path, operation, parameter in parameters(schema):
        if operation["operationId"] == "export_retrieve":
            continue  # the whole dataset, streamed; it takes no parameter
        url, query = example_request(path, operation, [parameter["name"]])
        response = client.get(url, query)
        tried += 1
        assert response.status_code == 200, (url, query, response.content[:300])
    assert tried >= 170


#: Lists where all the examples together find nothing, and why.
EMPTY_TOGETHER = {
    "/api/v1/changes/": "the seed's version is the last one loaded: nothing changed since",
    "/api/v1/questions/": "no question of the seed has a topic and a competency, or a stage",
}


@pytest.mark.django_db
def test_try_it_out_with_all_the_examples_together_finds_items(schema, seed_dataset, client):
    """Swagger UI fills every parameter with its example: as given, they find something."""
    for path, method, operation in operations(schema):
        if method != "get" or operation["operationId"] == "export_retrieve":
            continue
        names = [parameter["name"] for parameter in operation.get("parameters", [])]
        url, query = example_request(path, operation, names)
        response = client.get(url, query)
        assert response.status_code == 200, (url, query, response.content[:300])
        count = response.json().get("count") if "page" in query else None
        if count is not None and path not in EMPTY_TOGETHER:
            assert count > 0, (url, query)


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


def _problems(value, pointer: list[str], document: dict, where: str) -> list[str]:
    """Where `value` breaks the schema at `pointer` in the document (JSON Schema 2020-12, as
    OpenAPI 3.1 writes it, its `#/components/...` references read in the document): empty
    when nowhere."""
    root = Resource.from_contents(document, default_specification=DRAFT202012)
    steps = "/".join(step.replace("~", "~0").replace("/", "~1") for step in pointer)
    validator = Draft202012Validator(
        {"$ref": f"urn:openapi#/{steps}"},
        registry=Registry().with_resource("urn:openapi", root),
    )
    return [
        f"{where}{''.join(f'[{p!r}]' for p in error.absolute_path)}: {error.message}"
        for error in validator.iter_errors(value)
    ]


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
    paths = schema["paths"]
    problems, answered = [], set()
    for path, url, body in _answers(client, paths):
        pointer = ["paths", path, "get", "responses", "200", "content", "application/json"]
        problems += _problems(body, [*pointer, "schema"], schema, url)
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


def test_every_example_matches_its_schema(schema):
    """What the docs show is an answer the schema allows: each response example against its
    media type's schema, each parameter example against the parameter's (as Redocly lints)."""
    problems = []
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            at = ["paths", path, method]
            for index, parameter in enumerate(operation.get("parameters", ())):
                if "example" in parameter:
                    pointer = [*at, "parameters", str(index), "schema"]
                    where = f"{method.upper()} {path} {parameter['name']}"
                    problems += _problems(parameter["example"], pointer, schema, where)
            for status, response in operation["responses"].items():
                for media, content in response.get("content", {}).items():
                    pointer = [*at, "responses", status, "content", media, "schema"]
                    for name, example in content.get("examples", {}).items():
                        where = f"{method.upper()} {path} {status} {name}"
                        problems += _problems(example["value"], pointer, schema, where)
    assert not problems, "\n".join(problems[:40])


def test_one_enum_per_concept(schema):
    """No two enums have the same values, whether components or written inline in a parameter
    or a property: a generated client would hold two types for one set of choices. Except
    two lists' sort keys (`ordering`), each list's own: alike by chance (name, slug), and a
    list that gains a key must change its own type only."""
    places = defaultdict(list)

    def visit(node, where: str, sort_keys: bool) -> None:
        if isinstance(node, dict):
            sort_keys = sort_keys or (node.get("in") == "query" and node.get("name") == "ordering")
            if "enum" in node:
                places[frozenset(map(str, node["enum"]))].append((where, sort_keys))
            for key, value in node.items():
                if key not in ("example", "examples"):  # values, not schemas
                    visit(value, f"{where}/{key}", sort_keys)
        elif isinstance(node, list):
            for index, value in enumerate(node):
                visit(value, f"{where}/{index}", sort_keys)

    visit(schema, "#", False)
    assert len(places) >= 15
    shared = [
        [where for where, _ in found]
        for found in places.values()
        if len(found) > 1 and not all(sort_keys for _, sort_keys in found)
    ]
    assert shared == []


@pytest.mark.django_db
def test_a_parameters_pattern_takes_the_spellings_the_api_takes(schema, seed_dataset, client):
    """Swagger UI refuses a value its parameter's pattern does not match: each query
    parameter's example, spelt in upper and in lower case, matches the pattern exactly when
    the API answers it (200): slugs in any case. A path answers in any case too
    (careerapi.api.routers), while its pattern gives the spelling the lists give."""
    checked = 0
    for path, operation, parameter in parameters(schema):
        name, example = parameter["name"], example_of(parameter)
        pattern = parameter["schema"].get("items", parameter["schema"]).get("pattern")
        values = example if isinstance(example, list) else [example]
        if pattern is None or not all(isinstance(value, str) for value in values):
            continue
        for spell in (str.upper, str.lower):
            spelt = [spell(value) for value in values]
            if parameter["in"] == "path":
                named = path.replace(f"{{{name}}}", quote(spelt[0]))
                url, query = example_request(named, operation, [])
            else:
                url, query = example_request(path, operation, [name])
                query[name] = spelt
            answered = client.get(url, query).status_code == 200
            matched = all(re.search(pattern, value) for value in spelt)
            if parameter["in"] == "path":
                assert answered, (url, pattern)
                assert all(re.search(pattern, value) for value in values), (values, pattern)
            else:
                assert matched == answered, (url, query, pattern, answered)
            checked += 1
    assert checked >= 100
