"""The OpenAPI schema validates with no warnings, matches the committed openapi.yaml, and
the documentation pages load everything from this server."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command

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


def test_list_examples_link_to_their_own_list(schema):
    listed = 0
    for path, _method, operation in operations(schema):
        content = operation["responses"]["200"].get("content", {})
        for example in content.get("application/json", {}).get("examples", {}).values():
            value = example["value"]
            if isinstance(value, dict) and value.get("next"):
                listed += 1
                assert urlsplit(value["next"]).path == path, (path, value["next"])
                assert urlsplit(value["previous"]).path == path, (path, value["previous"])
    assert listed >= 20
