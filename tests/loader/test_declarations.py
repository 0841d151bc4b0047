"""The dataset types are declared once (loader/types/); what derives from them holds."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from loader.declaring import Range, Ref, Refs, Value
from loader.schema import dataset_schema
from loader.services import DATASET_APPS
from loader.types import BY_MODEL, DATASET_TYPES, nested

COMMITTED = Path(settings.BASE_DIR) / "loader" / "schema.json"


def test_the_committed_schema_is_the_declarations(tmp_path):
    call_command("dataset_schema", file=tmp_path / "schema.json", stdout=StringIO())

    assert (tmp_path / "schema.json").read_text() == COMMITTED.read_text(), (
        "loader/schema.json is out of date: regenerate it with "
        "`.venv/bin/python manage.py dataset_schema --file loader/schema.json`"
    )
    assert json.loads(COMMITTED.read_text()) == dataset_schema()


def test_every_model_the_loader_writes_is_declared():
    written = {
        model
        for app in DATASET_APPS
        if app not in ("dataset", "search")  # the record of loads and the index, not data
        for model in apps.get_app_config(app).get_models()
    }

    assert written == set(BY_MODEL)


@pytest.mark.parametrize("declared", nested(), ids=lambda t: f"{t.model.__name__}")
def test_every_column_of_a_declared_model_is_written_by_a_field(declared):
    columns = {
        f.attname
        for f in declared.model._meta.concrete_fields
        if f.attname not in ("id", "updated_at")
    }
    written = {declared.parent_column, "position" if declared.positioned else None}
    for field in declared.fields:
        if isinstance(field, Range):
            written |= set(field.columns)
        elif isinstance(field, Value | Ref):
            written.add(field.column)

    assert columns <= written


def test_every_reference_points_at_a_type_written_before_it():
    order = nested()
    for position, declared in enumerate(order):
        for field in declared.fields:
            if isinstance(field, Ref | Refs):
                target = BY_MODEL[field.target_model]
                assert order.index(target) < position or target is declared, (
                    f"{declared.key}.{field.name} points at {target.key}, written later"
                )


def test_the_top_level_types_are_the_files_collections():
    assert list(dataset_schema()["properties"]) == [t.key for t in DATASET_TYPES]
