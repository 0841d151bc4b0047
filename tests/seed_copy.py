"""The seed dataset's rows, loaded once per test session and copied back for each test.

Loading fixtures/ with the public-data extracts writes about 8,000 rows through the loader
(half a second); hundreds of tests only need those rows to be there. The first
`seed_dataset` of a session (per database and dataset settings) loads for real and keeps
every row the load wrote, as the database stores it; later ones copy the rows back in one
statement per table (COPY on PostgreSQL) and publish the version as the load's commit did.
A test that has written to a dataset table already gets a real load instead.
"""

import io
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core.management.color import no_style
from django.db import connection

from dataset.versions import dataset_stamp_publish
from loader.services import LoadResult, dataset_load, dataset_models


@dataclass(frozen=True)
class SeedRows:
    result: LoadResult
    tables: dict[str, object]  # table -> COPY text (PostgreSQL) or a list of row tuples


_kept: dict[tuple, SeedRows] = {}


def seed_load() -> LoadResult:
    """The real fixtures/ dataset in the test database: loaded, or copied from a load."""
    key = _settings_key()
    kept = _kept.get(key)
    if kept is None or not _tables_empty(kept.tables):
        result = dataset_load(paths=[settings.DATASET_DIR])
        if kept is None and _written_only_by(result):
            _kept[key] = SeedRows(result, {t: _rows_read(t) for t in _dataset_tables()})
        return result
    with _triggers_skipped():
        for table, rows in kept.tables.items():
            _rows_write(table, rows)
    _sequences_reset()
    version = kept.result.version
    dataset_stamp_publish(version=version.version, loaded_at=version.loaded_at)
    return kept.result


def _settings_key() -> tuple:
    names = ("DATASET_DIR", "ONET_FILES", "OEWS_FILES", "EXCHANGE_RATE_FILES")
    return (connection.alias, connection.vendor, *(repr(getattr(settings, n)) for n in names))


def _dataset_tables() -> list[str]:
    return [model._meta.db_table for model in dataset_models()]


def _written_only_by(result: LoadResult) -> bool:
    """The load started from an empty database (its rows are the seed's alone)."""
    return all(t.updated == 0 and t.deleted == 0 for t in result.tables)


def _tables_empty(tables) -> bool:
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")
            if cursor.fetchone() is not None:
                return False
    return True


def _rows_read(table: str):
    name = connection.ops.quote_name(table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            buffer = io.BytesIO()
            with cursor.cursor.copy(f"COPY {name} TO STDOUT") as copy:
                for block in copy:
                    buffer.write(block)
            return buffer.getvalue()
        cursor.execute(f"SELECT * FROM {name}")
        return cursor.fetchall()


def _rows_write(table: str, rows) -> None:
    name = connection.ops.quote_name(table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {name} FROM STDIN") as copy:
                copy.write(rows)
        elif rows:
            marks = ", ".join("%s" for _ in rows[0])
            cursor.executemany(f"INSERT INTO {name} VALUES ({marks})", rows)


@contextmanager
def _triggers_skipped():
    """PostgreSQL: copy without firing triggers, for a superuser (as tests connect here).

    The rows are those a valid load wrote, foreign keys, search vectors and all: checking
    every foreign key again, deferred to the end of the test's first statement that needs
    them, and computing every search vector again is work with a known answer. SQLite's
    triggers keep its full-text tables and must fire.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('is_superuser') = 'on'")
        (superuser,) = cursor.fetchone()
        if superuser:
            cursor.execute("SET LOCAL session_replication_role = replica")
        try:
            yield
        finally:
            if superuser:
                cursor.execute("SET LOCAL session_replication_role = DEFAULT")


def _sequences_reset() -> None:
    """Ids after the copied rows' for the next insert (SQLite keeps its own)."""
    if connection.vendor != "postgresql":
        return
    statements = connection.ops.sequence_reset_sql(no_style(), dataset_models())
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
