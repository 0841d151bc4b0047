"""Property-based tests of every operation from our own OpenAPI schema (schemathesis).

The schema is generated from the code at import time (the same document `/api/schema/`
serves and `openapi.yaml` commits), and each case goes through Django's real WSGI handler
against the test database with the seed dataset loaded. Valid and invalid inputs are
generated (positive and negative modes) and every schemathesis check runs: no 500, every
status code, content type and header documented, every body matching its schema, invalid
input rejected with a 4xx.

`scripts/schemathesis` runs the same checks, plus the stateful phase, from the command
line against a live server.
"""

import json

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, settings
from schemathesis import GenerationMode
from schemathesis.checks import CHECKS, load_all_checks, positive_data_acceptance

from . import schemathesis_hooks
from .seeded import seeded_module  # noqa: F401 (a fixture, used by name)

MAX_EXAMPLES = 25


def _openapi() -> dict:
    document = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(document))


schema = schemathesis.openapi.from_dict(_openapi())
schema.app = get_wsgi_application()
schema.config.generation.update(
    modes=[GenerationMode.POSITIVE, GenerationMode.NEGATIVE],
    max_examples=MAX_EXAMPLES,
    # Every request is answered from memory or the local database: keep runs reproducible.
    deterministic=True,
    # Nothing written to .hypothesis/ in the working tree.
    database="none",
    # NUL bytes in query values are part of what the API must reject with a 400.
    allow_x00=True,
)


load_all_checks()
# Every registered check, built-in or ours, but the built-in `positive_data_acceptance`:
# `schemathesis_hooks` runs it, except for 400s caused by slugs the dataset does not hold.
ALL_CHECKS = [check for check in CHECKS.get_all() if check is not positive_data_acceptance]
assert schemathesis_hooks.positive_data_acceptance_except_unknown_references in ALL_CHECKS


@pytest.fixture
def wsgi_keeps_the_test_connection():
    """Stop the WSGI handler from closing pytest-django's connection between requests.

    The handler sends `request_started` / `request_finished`, whose `close_old_connections`
    closes a connection found inside a transaction; the test's transaction (and, on
    PostgreSQL, the connection holding it) must survive every request. Django's own test
    client disconnects it the same way.
    """
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.mark.django_db
@pytest.mark.usefixtures("seeded_module", "wsgi_keeps_the_test_connection")
@schema.parametrize()
# The fixtures are set up once per operation, not per example: GETs change nothing.
@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
def test_every_operation_conforms_to_the_schema(case):
    # The WSGI transport hands over the body as sent, without the decoding an HTTP client
    # does, so the bodies are asked for uncompressed (tests/test_compression.py checks the
    # compressed ones decode to the same).
    case.call_and_validate(checks=ALL_CHECKS, headers={"Accept-Encoding": "identity"})
