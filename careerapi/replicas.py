"""Database routing: reads to the `replica` database when DATABASE_REPLICA_URL adds one.

Writes (and migrations) always go to `default`, the primary. Reads stay on the primary
where the replica's lag would show: inside a transaction on the primary (the dataset loader
reads what it is about to write) and for the admin's login and sessions, so a curator who
has just logged in is seen at once. Without a replica every read goes to `default`.
"""

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections

REPLICA_DB_ALIAS = "replica"
# Apps whose reads must see their own writes at once (logins, sessions, admin actions).
PRIMARY_ONLY_APPS = frozenset({"auth", "sessions", "admin"})


class ReplicaRouter:
    """Reads to the replica (when configured), writes and migrations to the primary."""

    def db_for_read(self, model, **hints) -> str:
        if (
            REPLICA_DB_ALIAS not in settings.DATABASES
            or model._meta.app_label in PRIMARY_ONLY_APPS
            or connections[DEFAULT_DB_ALIAS].in_atomic_block
        ):
            return DEFAULT_DB_ALIAS
        return REPLICA_DB_ALIAS

    def db_for_write(self, model, **hints) -> str:
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        # Both aliases hold the same data, so objects read from either may be related.
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints) -> bool:
        # The replica follows the primary through PostgreSQL replication, not migrations.
        return db == DEFAULT_DB_ALIAS
