"""DATABASE_REPLICA_URL adds a `replica` database; ReplicaRouter reads there, writes to
the primary, and keeps reads on the primary inside its transactions."""

import os
import subprocess
from unittest import mock

import pytest
from django.conf import settings
from django.db import connections

from careerapi.replicas import ReplicaRouter
from roles.models import Role

from .processes import PYTHON, REPO

router = ReplicaRouter()


@pytest.fixture
def replica():
    """A `replica` alias (a copy of default's settings) for the router to see."""
    with mock.patch.dict(settings.DATABASES, {"replica": dict(settings.DATABASES["default"])}):
        yield


def test_without_a_replica_everything_uses_default():
    assert "replica" not in settings.DATABASES
    assert router.db_for_read(Role) == "default"
    assert router.db_for_write(Role) == "default"
    assert Role.objects.all().db == "default"


def test_reads_go_to_the_replica_and_writes_to_default(replica):
    assert router.db_for_read(Role) == "replica"
    assert Role.objects.all().db == "replica"
    assert router.db_for_write(Role) == "default"
    assert Role.objects.all()._db is None  # not pinned: the router chose
    assert router.allow_migrate("default", "roles") is True
    assert router.allow_migrate("replica", "roles") is False


def test_reads_inside_a_transaction_on_default_stay_there(replica):
    # The loader reads what it is about to write inside its transaction: no replica lag.
    with mock.patch.object(connections["default"], "in_atomic_block", True):
        assert Role.objects.all().db == "default"
    assert Role.objects.all().db == "replica"


def test_logins_and_sessions_read_from_default(replica):
    from django.contrib.auth.models import User
    from django.contrib.sessions.models import Session

    assert router.db_for_read(User) == "default"
    assert router.db_for_read(Session) == "default"


def test_database_replica_url_adds_the_replica_alias():
    code = (
        "from django.conf import settings; r = settings.DATABASES['replica']; "
        "print(r['NAME'], r['HOST'], r['TEST']['MIRROR'], settings.DATABASE_ROUTERS)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {
        "DJANGO_SETTINGS_MODULE": "careerapi.settings.test",
        "DATABASE_REPLICA_URL": "postgres://reader@replica.internal:5432/careerapi",
    }
    result = subprocess.run(
        [str(PYTHON), "manage.py", "shell", "-v", "0", "-c", code],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "careerapi",
        "replica.internal",
        "default",
        "['careerapi.replicas.ReplicaRouter']",
    ]
