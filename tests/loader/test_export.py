"""The bulk export (`/api/v1/export/`, `manage.py export_dataset`) and loading it back."""

import hashlib
import json
from io import StringIO

import pytest
import yaml
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from careerapi import heartbeat
from loader.exporting import EXPORT_CHUNK_SIZE, EXPORT_TYPES
from loader.reading import DatasetInvalid
from loader.services import dataset_load
from roles.models import Role
from tests.conftest import DATASET_APPS, database_snapshot, process_caches_clear

pytestmark = pytest.mark.django_db

EXPORT = "/api/v1/export/"
TYPES = [t.name for t in EXPORT_TYPES]


def export_body(client, **headers) -> bytes:
    response = client.get(EXPORT, **headers)
    assert response.status_code == 200
    assert response.streaming
    assert response["Content-Type"] == "application/x-ndjson"
    return b"".join(response.streaming_content)


def export_lines(body: bytes) -> list[dict]:
    assert body.endswith(b"\n")
    return [json.loads(line) for line in body.splitlines()]


#: The field an item of these types goes by, when not its slug.
KEYS = {"currencies": "code", "soc-groups": "code", "job-zones": "zone", "occupations": "code"}


def test_the_export_is_a_header_one_line_per_item_and_a_checksum(client, seed_dataset):
    body = export_body(client)
    lines = export_lines(body)
    header, items, checksum = lines[0], lines[1:-1], lines[-1]

    assert header["type"] == "dataset"
    assert header["version"] == seed_dataset.version.version
    assert header["loaded_at"]
    assert list(header["counts"]) == TYPES
    assert header["counts"]["roles"] == Role.objects.count() == 6
    seen = [item["type"] for item in items]
    assert {t: seen.count(t) for t in TYPES} == header["counts"]
    assert seen == sorted(seen, key=TYPES.index), "types come in dependency order"
    for item in items:
        assert set(item) == {"type", "slug", "data"}
        key = KEYS.get(item["type"], "slug")
        assert item["data"][key] == item["slug"]
    last_line_start = body.rstrip(b"\n").rfind(b"\n") + 1
    assert checksum == {
        "type": "checksum",
        "sha256": hashlib.sha256(body[:last_line_start]).hexdigest(),
    }


def test_each_exported_item_is_the_api_detail_response(client, seed_dataset):
    items = export_lines(export_body(client))[1:-1]

    for item in items:
        detail = client.get(f"/api/v1/{item['type']}/{item['slug']}/")
        assert detail.status_code == 200
        assert detail.json() == item["data"], f"{item['type']}/{item['slug']}"


def test_the_export_command_writes_the_endpoint_body(client, seed_dataset, tmp_path):
    body = export_body(client)
    out = StringIO()
    target = tmp_path / "export.ndjson"

    call_command("export_dataset", stdout=out)
    call_command("export_dataset", "--output", str(target), stdout=StringIO())

    assert out.getvalue().encode() == body
    assert target.read_bytes() == body


def test_the_export_asks_json_or_ndjson_and_answers_conditional_requests(client, seed_dataset):
    response = client.get(EXPORT, HTTP_ACCEPT="application/x-ndjson")
    assert response.status_code == 200
    etag = response["ETag"]

    again = client.get(EXPORT, HTTP_IF_NONE_MATCH=etag)

    assert again.status_code == 304


def test_the_export_is_also_a_plain_download_for_clients_that_know_no_ndjson(client, seed_dataset):
    ndjson = export_body(client)

    response = client.get(EXPORT, HTTP_ACCEPT="application/octet-stream")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert b"".join(response.streaming_content) == ndjson
    # Both declared, so generators keep the response whichever type they can read.
    schema = yaml.safe_load(client.get("/api/schema/").content)
    content = schema["paths"][EXPORT]["get"]["responses"]["200"]["content"]
    assert list(content) == ["application/x-ndjson", "application/octet-stream"]
    assert content["application/octet-stream"]["schema"] == {"type": "string", "format": "binary"}


def test_the_export_before_any_load_is_a_404(client):
    assert client.get(EXPORT).status_code == 404
    with pytest.raises(Exception, match="No dataset has been loaded"):
        call_command("export_dataset", stdout=StringIO())


def _count_export_queries(client) -> int:
    process_caches_clear()  # each count includes reading the small tables bands point at
    with CaptureQueriesContext(connection) as queries:
        export_body(client)
    return len(queries)


def test_the_export_takes_a_bounded_number_of_queries_whatever_the_data_size(
    client, load, dataset_copy, django_assert_max_num_queries
):
    load(dataset_copy)
    with django_assert_max_num_queries(110):  # 102 today: a few per type, none per item
        export_body(client)
    small = _count_export_queries(client)

    (dataset_copy / "more.yaml").write_text(
        json.dumps(
            {
                "skills": [
                    {"slug": f"extra-skill-{n}", "name": f"Extra skill {n}", "category": "tool"}
                    for n in range(40)
                ],
                "topics": [{"slug": f"extra-topic-{n}", "name": f"Extra {n}"} for n in range(20)],
            }
        )
    )
    load(dataset_copy)

    assert _count_export_queries(client) == small


# --- The round trip: an export loaded into an empty database serves the same API. ---

IGNORED = {"updated_at"}


def _strip(value):
    if isinstance(value, dict):
        return {k: _strip(v) for k, v in value.items() if k not in IGNORED}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def api_responses(client) -> dict[str, object]:
    """Every list page (100 a page) and every item's detail, minus load timestamps."""
    responses = {}
    for prefix, url in client.get("/api/v1/").json()["collections"].items():
        page_url = f"{url}?page_size=100"
        while page_url:
            body = client.get(page_url).json()
            responses[page_url] = _strip(body)
            for item in body["results"]:
                key = item.get("slug") or item.get("code") or item["zone"]
                detail = f"/api/v1/{prefix}/{key}/"
                responses[detail] = _strip(client.get(detail).json())
            page_url = body["next"]
    dataset = client.get("/api/v1/dataset/").json()
    responses["/api/v1/dataset/"] = _strip(
        {k: v for k, v in dataset.items() if k not in ("version", "content_hash", "loaded_at")}
    )
    return responses


def dataset_tables_clear() -> None:
    """Delete every row of the dataset apps, dependants first."""
    for app in reversed(DATASET_APPS):
        for model in reversed(list(apps.get_app_config(app).get_models())):
            self_links = [
                f.name
                for f in model._meta.concrete_fields
                if f.is_relation and f.related_model is model
            ]
            if self_links:
                model.objects.update(**{name: None for name in self_links})
            model.objects.all().delete()


def test_loading_an_export_into_an_empty_database_reproduces_the_api(
    client, seed_dataset, tmp_path, load
):
    before = api_responses(client)
    export = tmp_path / "careerapi-export.ndjson"
    export.write_bytes(export_body(client))

    dataset_tables_clear()
    cache.clear()  # an empty database, and no response cached from the old one
    process_caches_clear()
    assert not Role.objects.exists() and client.get("/api/v1/dataset/").status_code == 404
    result = load(export)

    assert result.changed
    after = api_responses(client)
    assert len(after) > 200
    assert after.keys() == before.keys()
    for url, body in before.items():
        assert after[url] == body, url
    # The new load reports everything as created, under the version of the export file.
    changes = client.get("/api/v1/changes/", {"page_size": 1}).json()
    assert changes["count"] == sum(
        json.loads(export.read_bytes().split(b"\n")[0])["counts"].values()
    )


def _broken_load(path, load) -> list[str]:
    before = database_snapshot()
    with pytest.raises(DatasetInvalid) as error:
        load(path)
    assert database_snapshot() == before
    return [str(problem) for problem in error.value.problems]


def test_an_export_with_a_wrong_checksum_is_rejected_naming_the_file(
    client, seed_dataset, tmp_path, load
):
    body = export_body(client)
    export = tmp_path / "edited.ndjson"
    export.write_bytes(body.replace(b'"max_amount":300000', b'"max_amount":900000', 1))

    problems = _broken_load(export, load)

    assert len(problems) == 1
    assert problems[0].startswith("edited.ndjson: line ")
    assert "checksum mismatch" in problems[0]


def test_a_truncated_export_is_rejected(client, seed_dataset, tmp_path, load):
    body = export_body(client)
    export = tmp_path / "truncated.ndjson"
    export.write_bytes(body[: body.rstrip(b"\n").rfind(b"\n") + 1])

    problems = _broken_load(export, load)

    assert "the last line is not the checksum" in problems[0]


def test_an_export_with_a_broken_item_is_rejected_like_a_broken_fixture(
    client, seed_dataset, tmp_path, load
):
    lines = export_body(client).splitlines(keepends=True)[:-1]
    band = next(i for i, line in enumerate(lines) if line.startswith(b'{"type":"salary-bands"'))
    item = json.loads(lines[band])
    item["data"]["basis"] = "gross"
    lines[band] = json.dumps(item).encode() + b"\n"
    body = b"".join(lines)
    checksum = {"type": "checksum", "sha256": hashlib.sha256(body).hexdigest()}
    export = tmp_path / "resealed.ndjson"
    export.write_bytes(body + json.dumps(checksum).encode() + b"\n")

    problems = _broken_load(export, load)

    assert any(
        p.startswith("resealed.ndjson: /salary_bands/") and "'gross' is not one of" in p
        for p in problems
    ), problems


@pytest.mark.django_db(transaction=True)
def test_the_export_outside_a_transaction_reads_one_snapshot(tmp_path):
    """Outside a test transaction the export opens its own (REPEATABLE READ on PostgreSQL)."""
    dataset_load(paths=[settings.DATASET_DIR])
    target = tmp_path / "export.ndjson"

    call_command("export_dataset", "--output", str(target), stdout=StringIO())

    body = target.read_bytes()
    last_line_start = body.rstrip(b"\n").rfind(b"\n") + 1
    assert (
        json.loads(body[last_line_start:])["sha256"]
        == hashlib.sha256(body[:last_line_start]).hexdigest()
    )
    assert len(body.splitlines()) == 2 + sum(json.loads(body.splitlines()[0])["counts"].values())


def test_a_long_export_tells_the_worker_it_is_alive(client, seed_dataset, monkeypatch):
    beats = []
    monkeypatch.setattr(heartbeat, "_notify", lambda: beats.append(1))

    body = export_body(client)

    # One beat per chunk of rows written (500): gunicorn kills only a silent worker, and the
    # export of the whole public data streams for minutes.
    assert len(beats) >= body.count(b"\n") // EXPORT_CHUNK_SIZE - len(EXPORT_TYPES)
    assert beats
