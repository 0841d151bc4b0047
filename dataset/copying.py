"""Inserting many new rows at once: PostgreSQL's COPY, or bulk_create elsewhere.

A first load creates over a million rows. Building a model instance per row and letting
bulk_create render INSERT statements costs far more than the database's own work, so on
PostgreSQL rows go from dicts straight into `COPY ... FROM STDIN` (psycopg 3), with ids
taken from the table's sequence beforehand: the caller learns every new id without reading
the table back.
"""

from datetime import datetime

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
BATCH = 1000


def rows_insert(
    model: type[models.Model], rows: list[dict], *, now: datetime | None, ids: bool = True
) -> list[int]:
    """Insert `rows` (column attname -> value; `updated_at` set to `now` when given).

    Returns the new ids in the order of `rows` when `ids` is true.
    """
    if not rows:
        return []
    fixed = {} if now is None else {"updated_at": now}
    if connection.vendor == "postgresql":
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
    fields = [f for f in meta.concrete_fields if not f.primary_key]
    convert = [_converter(field, fixed) for field in fields]
    columns = [field.column for field in fields]
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
        with cursor.cursor.copy(statement) as copy:
            for position, row in enumerate(rows):
                values = [to_db(row) for to_db in convert]
                if ids:
                    values.insert(0, new_ids[position])
                copy.write_row(values)
    return new_ids


def _converter(field: models.Field, fixed: dict):
    """How to get the field's database value out of a row dict."""
    name = field.attname
    if name in fixed:
        value = fixed[name]
        return lambda row: value
    if field.get_internal_type() in _PLAIN_TYPES:
        if field.has_default() or field.null:
            default = field.get_default()
            return lambda row: row.get(name, default)
        return lambda row: row[name]
    default = field.get_default() if field.has_default() else None

    def adapted(row: dict) -> object:
        return field.get_db_prep_save(row.get(name, default), connection)

    return adapted
