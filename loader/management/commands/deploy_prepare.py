"""`manage.py deploy_prepare`: migrate and load the dataset once, however many replicas start.

Every app replica may run it as it starts (scripts/serve does): on PostgreSQL the steps
hold a session advisory lock, so replicas starting together take turns; the first one
migrates and loads, the others find nothing left to do (migrate and load_dataset are both
idempotent). `--create-database` first creates the database named by DATABASE_URL when the
server does not have it yet.
"""

import psycopg
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, connections
from psycopg import sql

from careerapi.postgresql.base import statements_unbounded

# Any constant shared by all replicas (distinct from dataset.services.LOAD_LOCK_ID).
DEPLOY_LOCK_ID = 0x6361726564  # "cared"


def database_create_if_missing(*, alias: str = DEFAULT_DB_ALIAS) -> bool:
    """Create the PostgreSQL database `alias` points at, if missing; True if created."""
    settings = connections[alias].settings_dict
    name = settings["NAME"]
    params = {
        key: value
        for key, value in {
            "host": settings["HOST"],
            "port": settings["PORT"],
            "user": settings["USER"],
            "password": settings["PASSWORD"],
            "connect_timeout": settings.get("OPTIONS", {}).get("connect_timeout", 10),
        }.items()
        if value
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        if admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        try:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        except (psycopg.errors.DuplicateDatabase, psycopg.errors.UniqueViolation):
            return False  # another replica created it a moment ago
    return True


class Command(BaseCommand):
    help = "Apply migrations and load the dataset, once per deploy (advisory lock on PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--create-database",
            action="store_true",
            help="Create the PostgreSQL database first if the server does not have it.",
        )

    def handle(self, *args, create_database, **options):
        connection = connections[DEFAULT_DB_ALIAS]
        postgresql = connection.vendor == "postgresql"
        if create_database and postgresql and database_create_if_missing():
            self.stdout.write(f"Created database {connection.settings_dict['NAME']}.")
        verbosity = options["verbosity"]
        # Waiting for another deploy, and migrating, take as long as they take.
        with statements_unbounded():
            if postgresql:
                self.stdout.write("Waiting for the deploy lock...")
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_lock(%s)", [DEPLOY_LOCK_ID])
            try:
                call_command("migrate", interactive=False, verbosity=verbosity, stdout=self.stdout)
                call_command("load_dataset", verbosity=verbosity, stdout=self.stdout)
            finally:
                if postgresql:
                    with connection.cursor() as cursor:
                        cursor.execute("SELECT pg_advisory_unlock(%s)", [DEPLOY_LOCK_ID])
        self.stdout.write(self.style.SUCCESS("Migrations applied and dataset loaded."))
