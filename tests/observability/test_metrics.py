"""/metrics: request counts and latency by route, method and status, for allowed scrapers."""

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from prometheus_client import REGISTRY

from careerapi.observability import _route_label

pytestmark = pytest.mark.django_db

TOKEN = "scrape-secret"


def count(route: str, method: str, status: str) -> float:
    labels = {"route": route, "method": method, "status": status}
    return REGISTRY.get_sample_value("careerapi_http_requests_total", labels) or 0.0


def latency_count(route: str, method: str, status: str) -> float:
    labels = {"route": route, "method": method, "status": status}
    return REGISTRY.get_sample_value("careerapi_http_request_duration_seconds_count", labels) or 0


def test_a_request_is_counted_and_timed_by_its_route_not_its_path(client):
    route = "api/v1/roles/<slug>/"
    before, timed = count(route, "GET", "404"), latency_count(route, "GET", "404")

    client.get("/api/v1/roles/no-such-role/")
    client.get("/api/v1/roles/another-missing-role/")

    assert count(route, "GET", "404") == before + 2
    assert latency_count(route, "GET", "404") == timed + 2


def test_unknown_paths_and_methods_share_bounded_labels(client):
    before = count("<unmatched>", "other", "404")

    client.generic("BREW", "/no/such/path/1")
    client.generic("BREW", "/no/such/path/2")

    assert count("<unmatched>", "other", "404") == before + 2


@pytest.mark.parametrize(
    ("pattern", "label"),
    [
        ("api/v1/roles/(?P<slug>[a-z0-9]+(?:-[a-z0-9]+)*)/$", "api/v1/roles/<slug>/"),
        ("api/v1/roles/match/$", "api/v1/roles/match/"),
        ("admin/roles/role/<path:object_id>/change/", "admin/roles/role/<path:object_id>/change/"),
        ("^api/", "api/"),
    ],
)
def test_route_labels_name_the_pattern(pattern, label):
    assert _route_label(pattern) == label


def test_metrics_is_a_404_problem_without_the_token(client, settings):
    settings.METRICS_TOKEN = TOKEN

    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Token {TOKEN}"}):
        response = client.get("/metrics", headers=headers)

        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
        assert response.json() == client.get("/no-such-page").json() | {
            "detail": "Nothing at /metrics. The API lives under /api/v1/."
        }


def test_metrics_is_a_404_when_no_token_is_configured(client, settings):
    settings.METRICS_TOKEN = ""

    assert client.get("/metrics", headers={"Authorization": "Bearer "}).status_code == 404


def test_metrics_answers_with_the_token(client, settings):
    settings.METRICS_TOKEN = TOKEN
    client.get("/api/v1/roles/no-such-role/")

    response = client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=")
    assert "no-cache" in response["Cache-Control"]
    text = response.content.decode()
    assert (
        'careerapi_http_requests_total{method="GET",route="api/v1/roles/<slug>/",status="404"}'
        in text
    )
    assert "careerapi_http_request_duration_seconds_bucket{" in text


@pytest.mark.parametrize(
    ("allowed", "status"),
    [(["127.0.0.1"], 200), (["10.0.0.0/8", "127.0.0.0/8"], 200), (["10.0.0.0/8"], 404), ([], 404)],
)
def test_metrics_answers_clients_on_the_allowlist(client, settings, allowed, status):
    settings.METRICS_TOKEN = ""
    settings.METRICS_ALLOWED_IPS = allowed

    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == status


def _get(url: str, headers: dict | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=5) as response:
        return response.status, response.read().decode()


def test_metrics_add_up_across_gunicorn_workers(tmp_path, closed_port):
    """Two workers in multiprocess mode: /metrics reports what all of them counted."""
    multiproc_dir = tmp_path / "prometheus"
    multiproc_dir.mkdir()
    env = {
        key: value for key, value in os.environ.items() if key not in ("DATABASE_URL", "REDIS_URL")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="careerapi.settings.test",
        PROMETHEUS_MULTIPROC_DIR=str(multiproc_dir),
        METRICS_TOKEN=TOKEN,
        SQLITE_PATH=str(tmp_path / "unused.sqlite3"),
    )
    base = f"http://127.0.0.1:{closed_port}"
    root = Path(django_settings.BASE_DIR)
    command = [sys.executable, "-m", "gunicorn", "careerapi.wsgi"]
    command += ["--config", "careerapi/gunicorn_conf.py", "--workers", "2"]
    command += ["--bind", f"127.0.0.1:{closed_port}", "--log-level", "warning"]
    server = subprocess.Popen(
        command,
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                _get(f"{base}/livez")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.2)
        for _ in range(20):
            assert _get(f"{base}/livez")[0] == 200

        status, text = _get(f"{base}/metrics", {"Authorization": f"Bearer {TOKEN}"})
    finally:
        server.terminate()
        server.wait(timeout=30)

    assert status == 200
    line = 'careerapi_http_requests_total{method="GET",route="livez",status="200"}'
    # The 20 above and the poll that found the server up, whichever worker answered each.
    counted = next(row for row in text.splitlines() if row.startswith(line))
    assert float(counted.split()[-1]) == 21.0
    assert len(list(multiproc_dir.glob("counter_*.db"))) >= 1
