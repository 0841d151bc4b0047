"""Every answer is labelled truthfully and every error is a problem document: whatever the
method (CSRF checks included), on unknown paths, read-only endpoints, the probes and
/metrics; 406s of the schema and docs are JSON; 304s claim no content type; the q values
of Accept are honoured, the cached way agreeing with the full one. Rejected requests (a bad
Host, too many fields) are one WARNING line in the log, not a traceback. Every 4xx names
the parameter or header to blame, where one is.
"""

import io
import json
import logging

import pytest
from django.test import Client

from careerapi.api.caching import PLAIN_ACCEPT
from careerapi.api.errors import PROBLEM_CONTENT_TYPE

pytestmark = pytest.mark.django_db

UNSAFE_METHODS = ["post", "put", "patch", "delete"]
ROLES = "/api/v1/roles/"
TOKEN = "scrape-secret"


@pytest.fixture
def csrf_client() -> Client:
    """A client checked for CSRF as a browser is (the test client is not, by default)."""
    return Client(enforce_csrf_checks=True)


def assert_problem(response, status: int) -> dict:
    """The response is a `status` problem document, labelled and parsed as JSON."""
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == PROBLEM_CONTENT_TYPE
    body = json.loads(response.content)
    assert body["status"] == status
    assert body["type"] and body["title"] and body["detail"]
    return body


# --- unsafe methods: unknown paths, read-only endpoints, probes, /metrics, the admin ------


@pytest.mark.parametrize("method", UNSAFE_METHODS)
@pytest.mark.parametrize("path", ["/api/v1/nonexistent", "/api/v2/roles/", "/api/", "/nowhere"])
def test_an_unsafe_method_on_an_unknown_path_is_a_404_problem(csrf_client, method, path):
    body = assert_problem(getattr(csrf_client, method)(path), 404)

    assert body["title"] == "Not found"


@pytest.mark.parametrize("method", UNSAFE_METHODS)
@pytest.mark.parametrize(
    "path", [ROLES, "/api/v1/", "/api/schema/", "/api/docs/", "/api/redoc/", "/livez", "/readyz"]
)
def test_an_unsafe_method_on_a_read_only_endpoint_is_a_405_problem_with_allow(
    csrf_client, method, path
):
    response = getattr(csrf_client, method)(path)

    body = assert_problem(response, 405)
    assert body["detail"] == f'Method "{method.upper()}" not allowed.'
    assert {"GET", "HEAD"} <= {m.strip() for m in response["Allow"].split(",")}


def _as_unknown_path(response, path: str) -> tuple:
    """What a client sees of an answer, the path it names replaced by a placeholder."""
    headers = {k: v for k, v in response.items() if k not in {"X-Request-ID", "Content-Length"}}
    return response.status_code, headers, response.content.replace(path.encode(), b"<path>")


@pytest.mark.parametrize("method", ["get", "head", *UNSAFE_METHODS])
def test_metrics_answers_a_client_it_does_not_allow_exactly_as_an_unknown_path(
    csrf_client, settings, method
):
    settings.METRICS_TOKEN = TOKEN
    metrics = getattr(csrf_client, method)("/metrics")
    unknown = getattr(csrf_client, method)("/no-metrics-here")

    assert metrics.status_code == 404
    assert _as_unknown_path(metrics, "/metrics") == _as_unknown_path(unknown, "/no-metrics-here")


@pytest.mark.parametrize("method", UNSAFE_METHODS)
def test_metrics_answers_an_unsafe_method_of_an_allowed_scraper_with_a_405(
    csrf_client, settings, method
):
    settings.METRICS_TOKEN = TOKEN
    response = getattr(csrf_client, method)("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")

    assert_problem(response, 405)
    assert response["Allow"] == "GET, HEAD"
    assert csrf_client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").status_code == 200


def test_a_csrf_failure_is_a_403_problem_and_the_admin_stays_protected(csrf_client):
    response = csrf_client.post("/admin/login/", {"username": "admin", "password": "admin"})

    body = assert_problem(response, 403)
    assert body["detail"].startswith("CSRF verification failed")
    assert "CSRF cookie not set" in body["detail"]


# --- the schema and the docs: their errors are JSON, whatever they render otherwise -------


@pytest.mark.parametrize(
    ("path", "accept"),
    [
        ("/api/schema/", "application/xml"),
        ("/api/schema/", "text/html"),
        ("/api/docs/", "application/json"),
        ("/api/redoc/", "application/xml"),
    ],
)
def test_an_unacceptable_accept_on_the_schema_or_docs_is_a_406_json_problem(client, path, accept):
    assert_problem(client.get(path, HTTP_ACCEPT=accept), 406)


# --- 304s -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "accept",
    [
        None,  # answered early, before the REST framework sets up a request
        "application/json; indent=2",  # answered the REST framework's way
    ],
)
@pytest.mark.parametrize("conditional", ["HTTP_IF_NONE_MATCH", "HTTP_IF_MODIFIED_SINCE"])
def test_a_304_claims_no_content_type(seed_dataset, client, accept, conditional):
    first = client.get(ROLES)
    validator = first["ETag"] if conditional == "HTTP_IF_NONE_MATCH" else first["Last-Modified"]
    headers = {conditional: validator} | ({"HTTP_ACCEPT": accept} if accept else {})

    response = client.get(ROLES, **headers)

    assert response.status_code == 304
    assert not response.has_header("Content-Type")
    assert response.content == b""


# --- Accept: q values, and the cached way agreeing with the full one ----------------------

REFUSING_JSON = [
    "application/json;q=0",
    "application/json; q=0.000",
    "*/*;q=0",
    "application/*;q=0",
    "*/*, application/json;q=0",
    "text/html, application/json;q=0",
]


@pytest.mark.parametrize("accept", REFUSING_JSON)
@pytest.mark.parametrize("cached", [False, True], ids=["computed", "cached"])
def test_an_accept_whose_only_match_has_q_0_is_a_406_problem(seed_dataset, client, accept, cached):
    if cached:
        assert client.get(ROLES).status_code == 200  # the answer is in the cache now

    assert_problem(client.get(ROLES, HTTP_ACCEPT=accept), 406)


@pytest.mark.parametrize(
    ("accept", "content_type"),
    [
        ("*/*", "application/vnd.oai.openapi"),  # the view's first renderer
        ("application/json", "application/json"),
        ("*/*, application/json", "application/json"),  # the more specific range first
        ("application/vnd.oai.openapi;q=0.5, application/json", "application/json"),
        ("application/json;q=0.4, application/yaml;q=0.9", "application/yaml"),
        ("*/*, application/vnd.oai.openapi;q=0", "application/yaml"),
    ],
)
def test_q_values_choose_the_schema_format(client, accept, content_type):
    response = client.get("/api/schema/", HTTP_ACCEPT=accept)

    assert response.status_code == 200
    assert response["Content-Type"].split(";")[0] == content_type


@pytest.mark.parametrize("accept", sorted(a for a in PLAIN_ACCEPT if a is not None))
def test_the_cached_way_answers_every_plain_accept_as_the_full_way_does(
    seed_dataset, client, accept
):
    computed = client.get(ROLES, HTTP_ACCEPT=accept)
    cached = client.get(ROLES, HTTP_ACCEPT=accept)

    assert computed.status_code == cached.status_code == 200
    assert computed["Content-Type"] == cached["Content-Type"] == "application/json"
    assert computed.content == cached.content


# --- rejected requests in the log ---------------------------------------------------------


@pytest.fixture
def log_lines():
    """What the handlers LOGGING configures write (LOG_FORMAT=json), as parsed lines."""
    loggers = [logging.getLogger(), logging.getLogger("django.security")]
    handlers = {h for logger in loggers for h in logger.handlers if h.name}
    stream = io.StringIO()
    previous = {handler: handler.setStream(stream) for handler in handlers}
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    for handler, old in previous.items():
        handler.setStream(old)


@pytest.mark.parametrize(
    ("url", "headers", "logger"),
    [
        (ROLES, {"HTTP_HOST": "evil.example"}, "django.security.DisallowedHost"),
        (
            ROLES + "?" + "&".join(f"field{i}=1" for i in range(1_100)),
            {},
            "django.security.TooManyFieldsSent",
        ),
    ],
    ids=["DisallowedHost", "TooManyFieldsSent"],
)
def test_a_rejected_request_is_one_warning_line_without_a_traceback(
    client, log_lines, url, headers, logger
):
    response = client.get(url, **headers)

    assert_problem(response, 400)
    lines = log_lines()
    [security] = [line for line in lines if line["logger"].startswith("django.security")]
    assert security["logger"] == logger
    assert security["level"] == "WARNING"
    assert security["request_id"] == response["X-Request-ID"]
    assert "exc_info" not in security and "stack_info" not in security
    assert not any("Traceback" in json.dumps(line) for line in lines)
    # The request line says which request it was; this one does not copy its query.
    assert "field1099" not in json.dumps(security)


# --- errors: every 4xx names the parameter to blame -------------------------------------


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/roles/no-such-role/", "slug"),
        ("/api/v1/skills/no-such-skill/", "slug"),
        ("/api/v1/occupations/15-9999.00/", "code"),
        ("/api/v1/currencies/QQQ/", "code"),
        ("/api/v1/job-zones/9/", "zone"),
    ],
)
def test_a_404_for_an_item_that_does_not_exist_names_its_path_parameter(
    seed_dataset, client, url, parameter
):
    body = assert_problem(client.get(url), 404)

    [error] = body["errors"]
    assert (error["parameter"], error["code"]) == (parameter, "not_found")
    assert error["detail"] == body["detail"]


@pytest.mark.parametrize(
    ("url", "parameter"),
    [("/api/v1/skills/?page=999", "page"), ("/api/v1/changes/?page=999", "page")],
)
def test_a_404_past_the_last_page_names_page(seed_dataset, client, url, parameter):
    body = assert_problem(client.get(url), 404)

    assert [e["parameter"] for e in body["errors"]] == [parameter]


def test_a_404_no_parameter_is_to_blame_for_has_no_errors(client):
    body = assert_problem(client.get("/api/v1/dataset/"), 404)  # nothing loaded yet

    assert "errors" not in body


@pytest.mark.parametrize(
    ("headers", "parameter"),
    [
        ({"HTTP_X_API_KEY": "abc.nope"}, "X-API-Key"),
        ({"HTTP_AUTHORIZATION": "Api-Key abc.nope"}, "Authorization"),
        ({"HTTP_AUTHORIZATION": "Bearer\tabc.nope"}, "Authorization"),
        # A proxy's Basic beside the key: the key, in X-API-Key, is what failed.
        (
            {"HTTP_AUTHORIZATION": "Basic dXNlcjpwYXNz", "HTTP_X_API_KEY": "AbCd1234.zzzz"},
            "X-API-Key",
        ),
        # The key wins over X-API-Key when both are sent: Authorization is then to blame.
        (
            {"HTTP_AUTHORIZATION": "Bearer abc.nope", "HTTP_X_API_KEY": "AbCd1234.zzzz"},
            "Authorization",
        ),
        ({"HTTP_AUTHORIZATION": "Basic dXNlcjpwYXNz"}, "Authorization"),
        ({"HTTP_AUTHORIZATION": "AbCd1234.zzzz"}, "Authorization"),
    ],
    ids=["x-api-key", "api-key", "bearer", "basic-beside-x-api-key", "both", "basic", "bare"],
)
def test_a_401_for_a_failing_key_names_the_header_it_came_in(
    seed_dataset, client, headers, parameter
):
    body = assert_problem(client.get(ROLES, **headers), 401)

    [error] = body["errors"]
    assert (error["parameter"], error["code"]) == (parameter, "authentication_failed")
    assert error["detail"] == body["detail"]


@pytest.mark.parametrize(
    ("headers", "parameter"),
    [
        ({"HTTP_X_API_KEY": "AbCd1234.zzzz"}, "X-API-Key"),
        ({"HTTP_AUTHORIZATION": "Bearer AbCd1234.zzzz"}, "Authorization"),
        (
            {"HTTP_AUTHORIZATION": "Basic dXNlcjpwYXNz", "HTTP_X_API_KEY": "AbCd1234.zzzz"},
            "X-API-Key",
        ),
    ],
    ids=["x-api-key", "bearer", "basic-beside-x-api-key"],
)
def test_the_429_of_too_many_failing_keys_names_the_header_the_key_came_in(
    seed_dataset, client, settings, headers, parameter
):
    settings.FAILED_KEY_RATE = "1/minute"
    assert_problem(client.get(ROLES, **headers), 401)

    body = assert_problem(client.get(ROLES, **headers), 429)

    assert body["detail"].startswith("Too many requests with a failing API key")
    [error] = body["errors"]
    assert (error["parameter"], error["code"]) == (parameter, "throttled")


def test_a_401_for_a_missing_key_while_keys_are_required_names_x_api_key(
    seed_dataset, client, settings
):
    settings.REQUIRE_API_KEY = True

    body = assert_problem(client.get(ROLES), 401)

    [error] = body["errors"]
    assert (error["parameter"], error["code"]) == ("X-API-Key", "not_authenticated")
    # Either header will do, and the detail says so.
    assert "X-API-Key: <key>" in body["detail"] and "Authorization: Bearer <key>" in body["detail"]


def test_a_host_not_allowed_names_host_without_echoing_it(client):
    body = assert_problem(client.get(ROLES, HTTP_HOST="evil.example"), 400)

    [error] = body["errors"]
    assert (error["parameter"], error["code"]) == ("Host", "disallowed_host")
    assert "evil.example" not in json.dumps(body)


def test_more_query_fields_than_django_parses_names_query(client, settings):
    fields = settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1
    query = "&".join(["a"] * fields)
    assert len(query) < 4096  # under the query string's own bound

    body = assert_problem(client.get(f"{ROLES}?{query}"), 400)

    [error] = body["errors"]
    assert (error["parameter"], error["code"]) == ("query", "too_many_fields")
    assert str(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS) in error["detail"]


@pytest.mark.parametrize("path", [ROLES, "/api/schema/"])
def test_a_406_names_accept(seed_dataset, client, path):
    body = assert_problem(client.get(path, HTTP_ACCEPT="application/xml"), 406)

    [error] = body["errors"]
    assert (error["parameter"], error["code"]) == ("Accept", "not_acceptable")


def test_a_429_has_no_parameter_to_blame(seed_dataset, client, settings):
    settings.ANON_RATE = "1/minute"
    client.get(ROLES)

    body = assert_problem(client.get(ROLES), 429)

    assert "errors" not in body
