"""Hostile input on every parameter of every operation: never a 500, always a documented 4xx.

The cases come from the OpenAPI schema (generated from the code, like `/api/schema/`), so a
new endpoint, filter or path parameter is swept as soon as it exists. Each query parameter
and each path parameter of each GET operation gets SQL-like strings, NUL bytes, 10 kB
values, wrong types, odd unicode and out-of-range numbers; the answer must be a status the
operation documents, never a 5xx; a 200 must be ordinary JSON (an empty or normal result),
and every 4xx an `application/problem+json` document, a 400 naming the parameter.
"""

import json
import re
from urllib.parse import quote

import pytest
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer

from careerapi.api.errors import PROBLEM_CONTENT_TYPE
from careerapi.urls import COLLECTION_ROUTERS

from .seeded import seeded_module  # noqa: F401 (a fixture, used by name)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("seeded_module"),
    # A hostile value must not make a list lose its order (e.g. an empty sort key).
    pytest.mark.filterwarnings("error::django.core.paginator.UnorderedObjectListWarning"),
]

LONG = "x" * 10_240

HOSTILE_VALUES = [
    # SQL and other injection shapes
    "' OR 1=1 --",
    "'; DROP TABLE roles_role; --",
    '" OR ""="',
    "1) UNION SELECT password FROM auth_user --",
    "%",
    "_",
    "%' AND '%'='",
    "\\",
    "%s%s%n",
    "{0.__class__}",
    "../../../../etc/passwd",
    "<script>alert(1)</script>",
    "a\r\nSet-Cookie: x=1",
    # NUL bytes, control characters, very long values
    "\x00",
    "python\x00",
    "\x00' OR 1=1",
    "\x01\x1f\x7f",
    LONG,
    LONG + "\x00",
    ",".join(["amazon"] * 2_000),
    # wrong types
    "-1",
    "0",
    "1.5",
    "1e400",
    "-1e400",
    "NaN",
    "Infinity",
    "true",
    "null",
    "[]",
    "{}",
    "[1, 2]",
    '{"$gt": ""}',
    "9" * 400,
    "2020-13-45",
    "2020-01-01T00:00:00+99:00",
    "9999-12-31T23:59:59-23:59",
    # unicode
    "\u202e\u0000",
    "\u202egnp.exe",
    "ﬀ",
    "İstanbul",
    "ß",
    "\U0001f600",
    "e\u0301" * 50,
    "\ufeff",
    "\ud7ff",
    "  ",
    ",",
    ",,,",
    "-",
]

#: Extra values for paging parameters: zero, negative and huge pages and page sizes.
PAGE_VALUES = ["0", "-5", "101", "1000000", str(10**12), str(10**30), "1.0", "01", "+1", " 1"]


def _operations() -> list[tuple[str, dict]]:
    document = SchemaGenerator().get_schema(request=None, public=True)
    schema = json.loads(OpenApiJsonRenderer().render(document))
    return [
        (path, operation)
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
        if method == "get"
    ]


OPERATIONS = _operations()
QUERY_CASES = [
    pytest.param(path, operation, parameter, id=f"{path}?{parameter['name']}")
    for path, operation in OPERATIONS
    for parameter in operation.get("parameters", [])
    if parameter["in"] == "query"
]
PATH_CASES = [
    pytest.param(path, operation, parameter, id=f"{path}:{parameter['name']}")
    for path, operation in OPERATIONS
    for parameter in operation.get("parameters", [])
    if parameter["in"] == "path"
]


def _real_path(client, path: str) -> str:
    """`path` with each `{name}` replaced by that field of the first item of its collection."""
    for name in re.findall(r"\{(\w+)\}", path):
        collection = path.split("{", 1)[0]
        first = client.get(collection, {"page_size": 1}).json()["results"][0]
        path = path.replace(f"{{{name}}}", quote(str(first[name]), safe=""))
    return path


def _required(operation: dict, *, besides: str) -> dict[str, str]:
    """A valid value, from the schema's examples, for each other required query parameter."""
    return {
        parameter["name"]: next(iter(parameter["examples"].values()))["value"]
        for parameter in operation.get("parameters", [])
        if parameter["in"] == "query" and parameter.get("required") and parameter["name"] != besides
    }


def _check(response, operation: dict, parameter: str, value: str) -> None:
    where = f"{parameter}={value[:60]!r}: {response.status_code} {response.content[:300]!r}"
    assert response.status_code < 500, where
    assert str(response.status_code) in operation["responses"], f"undocumented status, {where}"
    if response.status_code == 200:
        content_type = response["Content-Type"]
        if content_type.startswith("application/json"):
            response.json()
        return
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE, where
    problem = response.json()
    assert problem["status"] == response.status_code, where
    if response.status_code == 400:
        named = {error["parameter"] for error in problem["errors"]}
        assert parameter.replace("\x00", "\\x00") in named, where


@pytest.mark.parametrize(("path", "operation", "parameter"), QUERY_CASES)
def test_no_query_value_makes_a_500(client, path, operation, parameter):
    url = _real_path(client, path)
    name = parameter["name"]
    required = _required(operation, besides=name)
    values = HOSTILE_VALUES + (PAGE_VALUES if name in ("page", "page_size") else [])
    for value in values:
        _check(client.get(url, {**required, name: value}), operation, name, value)
    # The same values repeated, and several at once.
    for label, several in (("repeated", ["1", "' OR 1=1 --"]), ("many", HOSTILE_VALUES[:20])):
        _check(client.get(url, {**required, name: several}), operation, name, label)


@pytest.mark.parametrize(("path", "operation", "parameter"), PATH_CASES)
def test_no_path_value_makes_a_500(client, path, operation, parameter):
    name = parameter["name"]
    for value in [*HOSTILE_VALUES, "UPPER-CASE", "a" * 121, "%00", "%2e%2e%2f"]:
        url = path.replace(f"{{{name}}}", quote(value, safe=""))
        response = client.get(url)
        where = f"{url[:80]!r}: {response.status_code} {response.content[:300]!r}"
        # An unknown item or a value the URL pattern refuses: a JSON 404 either way.
        assert response.status_code == 404, where
        assert response["Content-Type"] == PROBLEM_CONTENT_TYPE, where
        assert response.json()["status"] == 404, where


@pytest.mark.parametrize(
    ("name", "value", "status"),
    [
        ("page", "0", 400),
        ("page", "-1", 400),
        ("page", "1.5", 400),
        ("page", str(10**30), 404),
        ("page_size", "0", 400),
        ("page_size", "-1", 400),
        ("page_size", "101", 400),
        ("page_size", str(10**12), 400),
    ],
)
def test_pages_out_of_range_are_refused_not_clamped(client, name, value, status):
    for path, operation in OPERATIONS:
        if "{" in path or not path.endswith("/") or path.count("/") != 4:
            continue
        response = client.get(path, {name: value, **_required(operation, besides=name)})
        if name not in {parameter["name"] for parameter in operation.get("parameters", [])}:
            # Not a list (the dataset, the export, suggestions): no such parameter.
            assert response.status_code == 400, (path, response.content[:200])
            continue
        assert response.status_code == status, (path, name, value, response.content[:200])
        assert response["Content-Type"] == PROBLEM_CONTENT_TYPE


@pytest.mark.parametrize(
    "name", ["\x00", "a\x00b", "x" * 10_240, "'; DROP TABLE x; --", "\U0001f600", "page[]"]
)
def test_hostile_parameter_names_are_a_400_naming_them(client, name):
    for path, _operation in OPERATIONS:
        if "{" in path:
            path = _real_path(client, path)
        response = client.get(path, {name: "1"})
        assert response.status_code == 400, (path, response.content[:200])
        assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
        named = {error["parameter"] for error in response.json()["errors"]}
        assert name.replace("\x00", "\\x00") in named, (path, named)


# Every filter of every collection, each with a few values that once broke one.
NASTY_VALUES = [
    "' OR 1=1 --",
    "python\x00",
    "x" * 500,
    "-1",
    "1e400",
    "NaN",
    "[]",
    "%",
    "\u202e\u0000",
    "2020-01-01T00:00:00+99:00",
]


def _list_endpoints():
    for router in COLLECTION_ROUTERS:
        for prefix, viewset, _ in router.registry:
            for name in viewset.filterset_class.base_filters:
                yield f"/api/v1/{prefix}/", name


@pytest.mark.parametrize(("url", "parameter"), list(_list_endpoints()))
def test_no_filter_value_makes_a_500(client, url, parameter):
    for value in NASTY_VALUES:
        response = client.get(url, {parameter: value})
        assert response.status_code in (200, 400), (parameter, value, response.content[:300])
        if response.status_code == 400:
            assert response["Content-Type"] == "application/problem+json"
