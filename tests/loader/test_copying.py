"""On PostgreSQL new rows go in by COPY: the same rows and change feed as bulk_create.

On SQLite both loads of the comparison use bulk_create; the tests still check that a load
into emptied tables and the ids it reports match the database.
"""

import pytest
from django.apps import apps
from django.db import connection

from bench.scale_dataset import write_dataset
from dataset import copying
from dataset.models import Change
from loader.services import dataset_load

pytestmark = pytest.mark.django_db

# What the others point at first.
APPS = ("sources", "skills", "occupations", "roles", "compensation", "interviews")


def _models() -> list:
    models = []
    for app in APPS:
        for model in apps.get_app_config(app).get_models():
            models.append(model)
            models += [field.remote_field.through for field in model._meta.many_to_many]
    return models


def natural_snapshot() -> dict[str, list[str]]:
    """Every dataset row by content, ids and foreign keys replaced by what they point at.

    Two loads into different sequences give different ids; the content must be the same.
    """
    rows = {model: {row["id"]: row for row in model.objects.values()} for model in _models()}
    memo: dict[tuple, tuple] = {}

    def content(model, pk) -> tuple:
        if (model, pk) not in memo:
            row, values = rows[model][pk], []
            for field in model._meta.concrete_fields:
                if field.primary_key or field.attname == "updated_at":
                    continue
                value = row[field.attname]
                if field.is_relation and value is not None:
                    value = content(field.related_model, value)
                values.append((field.attname, value))
            memo[(model, pk)] = tuple(values)
        return memo[(model, pk)]

    return {
        model._meta.label: sorted(repr(content(model, pk)) for pk in rows[model])
        for model in _models()
    }


def _schema() -> list[tuple]:
    """Index and constraint definitions of the dataset tables."""
    tables = [model._meta.db_table for model in _models()]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            names = ", ".join(["%s"] * len(tables))
            cursor.execute(
                "SELECT tbl_name, name, sql FROM sqlite_master WHERE type = 'index' "
                f"AND tbl_name IN ({names}) ORDER BY 1, 2, 3",
                tables,
            )
            return cursor.fetchall()
        cursor.execute(
            "SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename = ANY(%s)"
            " UNION ALL SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
            " FROM pg_constraint WHERE conrelid::regclass::text = ANY(%s) ORDER BY 1, 2, 3",
            [tables, tables],
        )
        return cursor.fetchall()


def _feed(loaded_at) -> list[tuple]:
    return sorted(Change.objects.filter(loaded_at=loaded_at).values_list("type", "slug", "kind"))


def test_copy_gives_the_same_rows_and_change_feed_as_bulk_create(tmp_path, monkeypatch):
    write_dataset(tmp_path / "tiny", scale=0.0005, seed=4)
    schema = _schema()

    monkeypatch.setattr(copying, "COPY_ON_POSTGRESQL", False)
    by_orm = dataset_load(paths=[tmp_path / "tiny"])
    orm_rows, orm_feed = natural_snapshot(), _feed(by_orm.version.loaded_at)
    # Empty every table (a load always brings the ECB's rates and ISO's currencies).
    with connection.cursor() as cursor:  # tree rows protect their children: no ORM delete
        for model in reversed(_models()):
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
    assert not any(natural_snapshot().values())

    monkeypatch.setattr(copying, "COPY_ON_POSTGRESQL", True)
    monkeypatch.setattr(copying, "BULK_ROWS", 50)  # the empty-table path: indexes built after
    by_copy = dataset_load(paths=[tmp_path / "tiny"])

    assert natural_snapshot() == orm_rows
    assert _feed(by_copy.version.loaded_at) == orm_feed
    assert len(orm_feed) > 500
    assert _schema() == schema  # every index and constraint is back, as it was
    assert [(t.label, t.created) for t in by_copy.tables] == [
        (t.label, t.created) for t in by_orm.tables
    ]
    assert not dataset_load(paths=[tmp_path / "tiny"]).changed


def test_copy_returns_the_new_ids_in_the_order_of_the_rows(tmp_path):
    write_dataset(tmp_path / "tiny", scale=0.0005, seed=5)
    result = dataset_load(paths=[tmp_path / "tiny"])

    for table in result.tables:
        if table.key_fields == ("slug",):
            in_database = dict(table.model.objects.values_list("slug", "id"))
            assert {key[0]: row_id for key, row_id in table.ids.items()} == in_database
