"""The benchmark harness's server-side pieces (bench/): its settings, the ceiling view, the
query-count header and the URLs it picks. Nothing here measures time: bench/run.py prints
figures, and .ci/run runs it as a smoke."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings

from bench import ceiling, pick, report
from bench.endpoints import CEILING_PATH, ROLE_PAGE_PATH, Endpoint
from bench.query_count import HEADER

pytestmark = pytest.mark.django_db

COUNTING = "bench.query_count.QueryCountMiddleware"


@pytest.fixture
def bench_stack():
    """The pieces bench.settings adds, on top of the test settings."""
    with override_settings(ROOT_URLCONF="bench.urls", MIDDLEWARE=[COUNTING, *settings.MIDDLEWARE]):
        yield


def settings_of(module: str) -> dict:
    """Some settings of `module`, read in a fresh process (production needs SECRET_KEY, which
    the settings read once, at import)."""
    code = f"""
import json
import django
django.setup()
from django.conf import settings as s
from django.urls import Resolver404, resolve
try:
    ceiling = resolve("{CEILING_PATH}").url_name
except Resolver404:
    ceiling = None
print(json.dumps({{"urls": s.ROOT_URLCONF, "middleware": s.MIDDLEWARE, "ceiling": ceiling,
    "anon_rate": s.ANON_RATE, "debug": s.DEBUG, "caches": s.CACHES}}))
"""
    environment = dict(os.environ, DJANGO_SETTINGS_MODULE=module, SECRET_KEY="x" * 50)
    environment |= {"REDIS_URL": "redis://127.0.0.1:6379/11", "ANON_RATE": "60/minute"}
    return printed_by(code, environment)


def printed_by(code: str, environment: dict) -> dict:
    """The JSON that `code`, run in a fresh Python process, prints last."""
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_bench_settings_are_production_plus_the_bench_pieces():
    production = settings_of("careerapi.settings.production")
    bench = settings_of("bench.settings")

    assert bench["urls"] == "bench.urls"
    assert bench["ceiling"] == "bench-ceiling"
    assert bench["middleware"] == [COUNTING, *production["middleware"]]
    assert bench["anon_rate"] == ""  # whatever the environment says: wrk never gets a 429
    assert production["anon_rate"] == "60/minute"
    assert bench["debug"] is production["debug"] is False
    assert bench["caches"] == production["caches"]
    assert production["ceiling"] is None


def test_the_ceiling_view_is_not_in_the_project_urls(client):
    assert client.get(CEILING_PATH).status_code == 404


def test_the_ceiling_serves_the_captured_page_without_a_query(
    bench_stack, client, tmp_path, monkeypatch
):
    page = tmp_path / "page.json"
    page.write_bytes(b'{"count":1,"next":null,"previous":null,"results":[{"slug":"x"}]}')
    monkeypatch.setenv(ceiling.BODY_ENV, str(page))

    response = client.get(CEILING_PATH)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.content == page.read_bytes()
    assert response[HEADER] == "0"


def test_the_ceiling_without_a_captured_page_serves_an_empty_one(bench_stack, client):
    assert client.get(CEILING_PATH).json() == {
        "count": 0,
        "next": None,
        "previous": None,
        "results": [],
    }


def test_every_api_response_reports_its_queries(bench_stack, seed_dataset, client):
    with CaptureQueriesContext(connection) as executed:
        response = client.get(ROLE_PAGE_PATH)

    assert response.status_code == 200
    assert int(response[HEADER]) == len(executed.captured_queries) > 0


def test_the_picked_urls_are_distinct_and_all_answered(bench_stack, seed_dataset, client):
    picked = pick.pick(seed=1)

    assert picked["counts"]["roles"] > 0
    for key, urls in picked["urls"].items():
        assert urls, key
        assert len(set(urls)) == len(urls), key
        for url in urls[:5]:
            assert client.get(url).status_code == 200, url


def test_the_uncached_role_list_orderings_are_accepted(bench_stack, seed_dataset, client):
    for ordering in pick._ROLE_ORDERINGS:
        url = f"{ROLE_PAGE_PATH}&page=1" + (f"&ordering={ordering}" if ordering else "")
        assert client.get(url).status_code == 200, url


def test_figures_ratio_misses_and_statuses():
    endpoint = Endpoint("x", "x", ["/a", "/b"], cached=False)
    result = {
        "requests": 400,
        "duration_us": 2_000_000,
        "statuses": {200: 398, 500: 2},
        "socket_errors": 0,
        "counted": 400,
        "queried": 300,
        "queries": 900,
        "latency_us": {"p50": 5_000, "p99": 20_000},
        "distinct_urls": 2,
    }

    figures = report.figures(result, endpoint, bare_rps=400.0, stack_rps=250.0)

    assert figures["req_s"] == 200
    assert figures["ratio"] == 0.5  # to A_bare
    assert figures["ratio_stack"] == 0.8
    assert figures["misses"] == 0.75
    assert (figures["p50_ms"], figures["p99_ms"]) == (5, 20)
    assert figures["non_2xx_3xx"] == figures["unexpected"] == 2
    assert figures["wrapped"] is True
    assert report.median([figures, figures | {"req_s": 100}, figures])["req_s"] == 200


def test_the_bare_ceiling_serves_the_captured_page_with_nothing_of_the_project(tmp_path):
    page = tmp_path / "page.json"
    page.write_bytes(b'{"count":1,"results":["captured"]}')
    code = f"""
import json, sys
import django
django.setup()
from django.conf import settings
from django.test import Client
response = Client().get("{CEILING_PATH}")
print(json.dumps({{
    "status": response.status_code,
    "body": response.content.decode(),
    "middleware": settings.MIDDLEWARE,
    "apps": settings.INSTALLED_APPS,
    "project": sorted({{name.split(".")[0] for name in sys.modules}} & {{"careerapi", "roles"}}),
}}))
"""
    environment = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="bench.bare.settings",
        SECRET_KEY="x" * 50,
        BENCH_CEILING_BODY=str(page),
        ALLOWED_HOSTS="testserver",
    )
    environment.pop("DATABASE_URL", None)
    bare = printed_by(code, environment)

    assert bare["status"] == 200
    assert bare["body"] == page.read_text()
    assert bare["middleware"] == [
        "django.middleware.security.SecurityMiddleware",
        "django.middleware.common.CommonMiddleware",
    ]
    assert bare["apps"] == []
    assert bare["project"] == []
