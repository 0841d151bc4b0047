"""/livez and /readyz: liveness without I/O, readiness of the database, cache and dataset."""

from pathlib import Path

import pytest
from django.db import connections
from django.test import override_settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def unreachable_database(tmp_path, closed_port):
    """Swap the default connection for one whose server is not there: a real failed connect.

    PostgreSQL is pointed at a closed local port; SQLite at a file in a missing directory.
    """
    real = connections["default"]
    settings_dict = dict(real.settings_dict)
    if real.vendor == "postgresql":
        settings_dict.update(HOST="127.0.0.1", PORT=str(closed_port))
    else:
        settings_dict.update(NAME=str(Path(tmp_path) / "missing" / "db.sqlite3"))
    broken = real.__class__(settings_dict, alias="default")
    connections["default"] = broken
    yield
    broken.close()
    connections["default"] = real


def test_livez_answers_ok_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/livez")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_livez_answers_even_with_the_database_unreachable(unreachable_database, client):
    assert client.get("/livez").status_code == 200


def test_readyz_reports_every_check_ok(loaded_dataset, client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {
            "database": {"status": "ok"},
            "cache": {"status": "ok"},
            "dataset": {"status": "ok", "version": loaded_dataset.version},
        },
    }
    assert "no-cache" in response["Cache-Control"]


def test_readyz_is_503_when_no_dataset_is_loaded(client):
    response = client.get("/readyz")

    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 503
    assert body["type"] == "/api/problems/service-unavailable/"
    assert client.get(body["type"]).status_code == 200  # the problem catalogue's page
    assert body["detail"] == "Not ready: dataset."
    assert body["checks"]["database"] == {"status": "ok"}
    assert body["checks"]["cache"] == {"status": "ok"}
    assert body["checks"]["dataset"]["status"] == "failed"
    assert "load_dataset" in body["checks"]["dataset"]["detail"]


def test_readyz_is_503_when_the_database_is_unreachable(
    loaded_dataset, unreachable_database, client
):
    response = client.get("/readyz")

    assert response.status_code == 503
    body = response.json()
    assert body["detail"] == "Not ready: database, dataset."
    assert body["checks"]["database"] == {
        "status": "failed",
        "detail": "The database did not answer a query (OperationalError).",
    }
    assert body["checks"]["cache"] == {"status": "ok"}
    assert body["checks"]["dataset"]["status"] == "failed"


def test_readyz_stays_ready_but_degraded_when_the_cache_is_unreachable(
    loaded_dataset, client, closed_port
):
    redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{closed_port}/0",
    }
    with override_settings(CACHES={"default": redis}):
        response = client.get("/readyz")

    # The API serves without its cache, so this replica stays in the load balancer.
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"] == {
        "status": "failed",
        "detail": "The cache did not answer (ConnectionError).",
    }
    assert response.json()["checks"]["database"] == {"status": "ok"}


def test_probes_need_no_api_key_and_carry_no_quota(loaded_dataset, client, settings):
    settings.REQUIRE_API_KEY = True
    settings.ANON_RATE = "1/minute"

    for _ in range(3):
        assert client.get("/livez").status_code == 200
        assert client.get("/readyz").status_code == 200
    assert "RateLimit-Limit" not in client.get("/readyz")
