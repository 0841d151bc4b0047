"""The schema's error examples are what the API answers: each example's cause is sent
to the endpoint it documents, and the answer must be the example, byte for byte in JSON.

The 414 and 431 are gunicorn's (tests/production), the 500 and 503 need a failure: their
examples are built from the same constants as the answers."""

import re
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.test import override_settings

from careerapi.api.examples import MISSING_ITEMS, collection_of
from careerapi.api.problem_examples import (
    MISTYPED,
    PAGE_PAST_THE_END,
    UNKNOWN_KEY,
    UNKNOWN_PARAMETER,
)

pytestmark = pytest.mark.django_db

SCHEMA = yaml.safe_load((Path(settings.BASE_DIR) / "openapi.yaml").read_text(encoding="utf-8"))
NOT_REPLAYED = {"RequestLineTooLong", "TooManyHeaders", "ServerError", "DatabaseUnavailable"}


def _examples():
    for path, methods in SCHEMA["paths"].items():
        operation = methods["get"]
        for status, response in operation["responses"].items():
            content = response.get("content", {}).get("application/problem+json", {})
            for name, example in content.get("examples", {}).items():
                yield pytest.param(
                    path, operation, int(status), name, example["value"], id=f"{path}:{name}"
                )


EXAMPLES = list(_examples())


def _value(parameter: dict):
    if "example" in parameter:
        return parameter["example"]
    return next(iter(parameter["examples"].values()))["value"]


def _url(path: str, operation: dict, *, missing: bool = False) -> tuple[str, dict]:
    """The operation's URL (its path parameters' examples, or a value naming nothing) and
    its required query parameters."""
    query = {}
    for parameter in operation.get("parameters", []):
        name = parameter["name"]
        if parameter["in"] == "path":
            value = MISSING_ITEMS.get(collection_of(path), MISSING_ITEMS["*"]) if missing else None
            path = path.replace(f"{{{name}}}", str(value if missing else _value(parameter)))
        elif parameter.get("required"):
            value = _value(parameter)
            query[name] = value if isinstance(value, list) else [value]
    return path, query


def _replay(client, path: str, operation: dict, name: str):
    url, query = _url(path, operation, missing=name == "UnknownItem")
    if name == "UnknownParameter":
        return client.get(url, {**query, UNKNOWN_PARAMETER: "red"})
    if name == "InvalidValue":
        return client.get(url, {**query, "page_size": "1000"})
    if name == "PagePastTheEnd":
        return client.get(url, {**query, "page": PAGE_PAST_THE_END})
    if name == "UnknownItem":
        return client.get(url, query)
    if name == "UnknownPath":
        return client.get(f"{url}{MISTYPED}/")
    if name == "UnknownKey":
        return client.get(url, query, HTTP_X_API_KEY=UNKNOWN_KEY)
    if name == "MethodNotAllowed":
        return client.post(url)
    if name == "NotAcceptable":
        return client.get(url, query, HTTP_ACCEPT="application/xml")
    if name == "QuotaUsedUp":
        with override_settings(ANON_RATE="1/hour"):
            client.get(url, query)
            return client.get(url, query)
    raise AssertionError(f"no cause known for the example {name}")


@pytest.mark.parametrize(("path", "operation", "status", "name", "example"), EXAMPLES)
def test_each_error_example_is_what_the_api_answers(
    seed_dataset, client, path, operation, status, name, example
):
    if name in NOT_REPLAYED:
        assert example["status"] == status and example["detail"]
        return

    response = _replay(client, path, operation, name)

    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    if name == "QuotaUsedUp":  # the seconds left, counted from the first request
        body["detail"] = re.sub(r"\d+", "3600", body["detail"])
    assert body == example


def test_every_error_response_has_an_example():
    lacking = [
        f"{path} {status}"
        for path, methods in SCHEMA["paths"].items()
        for status, response in methods["get"]["responses"].items()
        if status >= "400" and not response["content"]["application/problem+json"].get("examples")
    ]
    assert lacking == []
    assert {name for *_, name, _example in (p.values for p in EXAMPLES)} >= {
        "UnknownParameter",
        "InvalidValue",
        "PagePastTheEnd",
        "UnknownItem",
        "UnknownPath",
        "UnknownKey",
        "MethodNotAllowed",
        "NotAcceptable",
        "QuotaUsedUp",
    }
