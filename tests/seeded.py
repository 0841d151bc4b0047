"""The seed dataset loaded once for a whole module of read-only tests.

`seed_dataset` loads it (or copies its rows) for each test; modules that send thousands of
GETs across many parametrized tests (schemathesis, the bad-input sweep) load it once in an
outer transaction instead, rolled back when the module ends. Each test's own transaction
nests inside it as a savepoint, so nothing a test does outlives the test either.
"""

import pytest
from django.db import transaction
from django.test import TestCase

from tests.seed_copy import seed_load


@pytest.fixture(scope="module")
def seeded_module(django_db_setup, django_db_blocker):
    """The real fixtures/ dataset, loaded for the module and rolled back after it."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            # Run the load's on-commit work (publishing the version) as a commit would.
            with TestCase.captureOnCommitCallbacks(execute=True):
                loaded = seed_load()
            yield loaded
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
