"""Inserting many new rows at once: PostgreSQL's COPY, or bulk_create elsewhere.

A first load creates over a million rows. Building a model instance per row and letting
bulk_create render INSERT statements costs far more than the database's own work, so on
PostgreSQL rows go from dicts straight into `COPY ... FROM STDIN` (psycopg 3), with ids
taken from the table's sequence beforehand: the caller learns every new id without reading
the table back.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from operator import itemgetter

from django.db import connection, models

# Values psycopg writes as they are; any other field is adapted by Django (JSON ...).
_PLAIN_TYPES = {
    "AutoField",
    "BigAutoField",
    "BigIntegerField",
    "BooleanField",
    "CharField",
    "DateField",
    "DateTimeField",
    "DecimalField",
    "ForeignKey",
    "IntegerField",
    "PositiveSmallIntegerField",
    "SlugField",
    "SmallIntegerField",
    "TextField",
    "URLField",
}
# From this many new rows into an empty table, indexes and foreign keys are built after
# the COPY instead of row by row (a first load of a large dataset).
BULK_ROWS = 20_000
COPY_ON_POSTGRESQL = True  # tests turn it off to compare COPY with bulk_create


def rows_insert(
    model: type[models.Model], rows: list[dict], *, now: datetime | None, ids: bool = True
) -> list[int]:
    """Insert `rows` (column attname -> value; `updated_at` set to `now` when given).

    Returns the new ids in the order of `rows` when `ids` is true.
    """
    if not rows:
        return []
    fixed = {} if now is None else {"updated_at": now}
    if connection.vendor == "postgresql" and COPY_ON_POSTGRESQL:
        return _copy(model, rows, fixed, ids=ids)
    objects = [model(**row, **fixed) for row in rows]
    model.objects.bulk_create(objects, batch_size=500)
    if not ids:
        return []
    if all(obj.pk is not None for obj in objects):
        return [obj.pk for obj in objects]
    return _ids_by_content(model, rows)  # a database that cannot return ids from inserts


def _ids_by_content(model: type[models.Model], rows: list[dict]) -> list[int]:
    """Find inserted rows again by a unique column (every dataset table has one or a pair)."""
    unique = _unique_columns(model)
    found = {tuple(v[:-1]): v[-1] for v in model.objects.values_list(*unique, "pk")}
    return [found[tuple(row[name] for name in unique)] for row in rows]


def _unique_columns(model: type[models.Model]) -> list[str]:
    for field in model._meta.concrete_fields:
        if field.unique and not field.primary_key:
            return [field.attname]
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields:
            return [model._meta.get_field(name).attname for name in constraint.fields]
    raise ValueError(f"{model.__name__} has no unique column to find its new rows by")


def _copy(model: type[models.Model], rows: list[dict], fixed: dict, *, ids: bool) -> list[int]:
    meta = model._meta
    fields = [f for f in meta.concrete_fields if not f.primary_key and f.attname not in fixed]
    plain = [f for f in fields if f.get_internal_type() in _PLAIN_TYPES]
    adapted = [_adapter(f) for f in fields if f.get_internal_type() not in _PLAIN_TYPES]
    # One C call takes a row's plain values; a row that leaves out a field takes the slow path.
    take = itemgetter(*[f.attname for f in plain]) if len(plain) > 1 else None
    defaults = [(f.attname, f.get_default()) for f in plain]
    tail = tuple(fixed.values())
    columns = [f.column for f in plain]
    columns += [f.column for f in fields if f.get_internal_type() not in _PLAIN_TYPES]
    columns += [meta.get_field(name).column for name in fixed]
    new_ids: list[int] = []
    with connection.cursor() as cursor:
        if ids:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column, len(rows)],
            )
            new_ids = [row_id for (row_id,) in cursor.fetchall()]
            columns.insert(0, meta.pk.column)
        names = ", ".join(connection.ops.quote_name(column) for column in columns)
        statement = f"COPY {connection.ops.quote_name(meta.db_table)} ({names}) FROM STDIN"
        with (
            _indexes_built_after(cursor, meta.db_table, len(rows)),
            cursor.cursor.copy(statement) as copy,
        ):
            write = copy.write_row
            for position, row in enumerate(rows):
                try:
                    values = take(row) if take else ()
                except KeyError:
                    values = ()
                if len(values) != len(plain):
                    values = tuple(row.get(name, default) for name, default in defaults)
                values += tuple(adapt(row) for adapt in adapted) + tail
                write((new_ids[position], *values) if ids else values)
    return new_ids


def _adapter(field: models.Field):
    """A field whose value Django adapts for the database (JSON ...)."""
    name = field.attname
    default = field.get_default() if field.has_default() else None
    return lambda row: field.get_db_prep_save(row.get(name, default), connection)


@contextmanager
def _indexes_built_after(cursor, table: str, rows: int) -> Iterator[None]:
    """Fill an empty table first, then build its indexes and check its foreign keys.

    PostgreSQL's advice for populating a database: one index build over sorted data, and
    one join to check each foreign key, cost far less than a million index insertions and
    deferred per-row trigger checks. Indexes and constraints come back with the same names
    and definitions, in the same transaction, so the schema is unchanged after the load.
    Dropping them locks the table until the load commits; it is empty until then anyway.
    """
    cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {connection.ops.quote_name(table)})")
    if rows < BULK_ROWS or cursor.fetchone()[0]:
        yield
        return
    cursor.execute(
        "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
        " WHERE conrelid = %s::regclass AND contype IN ('u', 'f') ORDER BY contype DESC, conname",
        [table],
    )
    constraints = cursor.fetchall()  # unique ones first: their indexes come back first
    cursor.execute(
        "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index"
        " WHERE indrelid = %s::regclass AND NOT indisprimary AND indexrelid NOT IN"
        " (SELECT conindid FROM pg_constraint WHERE conrelid = %s::regclass)"
        " ORDER BY 1",
        [table, table],
    )
    indexes = cursor.fetchall()
    quoted = connection.ops.quote_name(table)
    # A table (or one it refers to) with checks still pending cannot be altered: run the
    # deferred checks of the rows written so far now, and defer again afterwards (every
    # deferrable constraint of the schema is INITIALLY DEFERRED, as Django declares them).
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    for name, _ in reversed(constraints):
        cursor.execute(f"ALTER TABLE {quoted} DROP CONSTRAINT {connection.ops.quote_name(name)}")
    for name, _ in indexes:
        cursor.execute(f"DROP INDEX {name}")
    yield
    cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
    for _, definition in indexes:
        cursor.execute(definition)
    for name, definition in constraints:
        cursor.execute(
            f"ALTER TABLE {quoted} ADD CONSTRAINT {connection.ops.quote_name(name)} {definition}"
        )
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
