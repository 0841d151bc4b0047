"""Fixtures for API key tests: an empty cache (throttle counters) and a key maker."""

import pytest
from django.core.cache import cache

from apikeys.services import partner_key_create
from apikeys.throttling import failed_keys, failed_logins


@pytest.fixture(autouse=True)
def empty_cache():
    """Throttle counters live in the cache (and the clients a process saw use up their
    failures, in memory): each test starts with fresh quotas."""
    cache.clear()
    failed_keys.forget()
    failed_logins.forget()
    yield
    cache.clear()
    failed_keys.forget()
    failed_logins.forget()


@pytest.fixture
def make_key(db):
    """Create a partner key; returns (PartnerKey, the plain key)."""

    def make(name: str = "Job board", rate: str = "", expires=None):
        return partner_key_create(name=name, rate=rate, expires=expires)

    return make
