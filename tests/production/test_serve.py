"""scripts/serve: the production path without Docker (gunicorn, production settings,
PostgreSQL and Redis on 127.0.0.1) serves the API after migrating and loading by itself."""

from .processes import http_get, http_json


def test_serve_answers_lists_and_details(served):
    status, headers, roles = http_json(served.base + "/api/v1/roles/")
    assert status == 200, served.log_tail()
    assert headers["Content-Type"] == "application/json"
    assert roles["count"] > 0
    slug = roles["results"][0]["slug"]

    status, _, role = http_json(served.base + f"/api/v1/roles/{slug}/")
    assert status == 200
    assert role["slug"] == slug


def test_serve_uses_the_production_settings(served):
    status, headers, _ = http_get(served.base + "/api/v1/")
    assert status == 200
    # Security headers of the production settings (HSTS only over HTTPS, so not here).
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"

    status, headers, problem = http_json(served.base + "/api/v1/no-such-thing/")
    assert status == 404
    assert headers["Content-Type"] == "application/problem+json"  # not Django's debug page
    assert problem["status"] == 404
