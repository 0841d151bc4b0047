"""Request logs: one JSON line per request, with its id, route, status, latency and key prefix."""

import io
import json
import logging
import os

import pytest
from django.test import override_settings

from apikeys.services import partner_key_create
from careerapi.observability import request_ids

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    """What the configured console handler writes (LOGGING, LOG_FORMAT=json), as lines."""
    handler = next(h for h in logging.getLogger().handlers if h.name == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    yield lambda: stream.getvalue().splitlines()
    handler.setStream(previous)


def request_lines(lines: list[str]) -> list[dict]:
    records = [json.loads(line) for line in lines]
    return [record for record in records if record["logger"] == "careerapi.requests"]


def test_a_request_is_one_json_line_with_its_fields(client, log_lines):
    response = client.get("/api/v1/roles/no-such-role/")

    assert len(log_lines()) == 1  # django.request adds no "Not Found" line of its own
    [line] = request_lines(log_lines())
    assert line["level"] == "INFO"
    assert line["message"].startswith("GET /api/v1/roles/no-such-role/ 404 ")
    assert line["request_id"] == response["X-Request-ID"]
    assert line["method"] == "GET"
    assert line["route"] == "api/v1/roles/<slug>/"
    assert line["path"] == "/api/v1/roles/no-such-role/"
    assert line["status"] == 404
    assert isinstance(line["latency_ms"], float) and line["latency_ms"] >= 0
    assert "timestamp" in line
    assert "api_key_prefix" not in line


def test_the_request_id_from_the_client_is_kept_and_returned(client, log_lines):
    response = client.get("/livez", headers={"X-Request-ID": "lb-7f3a.2_b"})

    assert response["X-Request-ID"] == "lb-7f3a.2_b"
    assert request_lines(log_lines())[0]["request_id"] == "lb-7f3a.2_b"


@pytest.mark.parametrize("given", [None, "", "a" * 65, "bad id", "x\ny", "<script>", "é"])
def test_a_missing_or_odd_request_id_is_replaced_by_a_new_one(client, log_lines, given):
    headers = {} if given is None else {"X-Request-ID": given}

    response = client.get("/livez", headers=headers)

    generated = response["X-Request-ID"]
    assert len(generated) == 32 and int(generated, 16) >= 0  # 32 hex digits
    assert request_lines(log_lines())[0]["request_id"] == generated


def test_new_request_ids_differ_between_requests_and_processes(client):
    ids = {client.get("/livez")["X-Request-ID"] for _ in range(50)}
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # a forked worker draws its own random half
        os.write(write, request_ids.new().encode())
        os._exit(0)
    os.waitpid(child, 0)
    in_the_child = os.read(read, 64).decode()
    os.close(read)
    os.close(write)

    assert len(ids) == 50
    assert len(in_the_child) == 32
    assert in_the_child[:16] != request_ids.new()[:16]


@pytest.mark.parametrize("header", ["X-API-Key", "Authorization"])
def test_a_keyed_request_logs_the_key_prefix_never_the_key(client, log_lines, header):
    partner_key, key = partner_key_create(name="Job board", rate="")
    value = key if header == "X-API-Key" else f"Api-Key {key}"

    response = client.get("/api/v1/roles/", headers={header: value})

    assert response.status_code == 200
    lines = log_lines()
    [line] = request_lines(lines)
    assert line["api_key_prefix"] == partner_key.prefix
    secret = key.partition(".")[2]
    assert all(key not in text and secret not in text for text in lines)


def test_other_records_made_during_a_request_carry_its_id(client, log_lines, closed_port):
    redis = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{closed_port}/0",
    }
    with override_settings(CACHES={"default": redis}):
        client.get("/readyz", headers={"X-Request-ID": "probe-1"})

    records = [json.loads(line) for line in log_lines()]
    warning = next(r for r in records if r["logger"] == "careerapi.health")
    assert warning["level"] == "WARNING"
    assert warning["request_id"] == "probe-1"
    assert "exc_info" in warning  # the full error is logged, on the same line
