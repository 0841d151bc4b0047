"""Fixtures for the health, metrics and logging tests."""

import socket

import pytest
from django.utils import timezone

from dataset.models import DatasetVersion


@pytest.fixture
def loaded_dataset(db) -> DatasetVersion:
    """A dataset version row: all /readyz asks of a load."""
    return DatasetVersion.objects.create(version="a" * 64, loaded_at=timezone.now())


@pytest.fixture
def closed_port() -> int:
    """A local TCP port nothing listens on (bound once, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
