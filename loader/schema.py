"""The JSON Schema (draft 2020-12) of a dataset file, built from the dataset types.

`load_dataset` checks every file against it before anything else; the rules that span
files (references, duplicate keys, min <= median <= max) are checked afterwards
(`validation.py`). `manage.py dataset_schema` writes it out: `loader/schema.json` is that
file, committed for curators and their editors (a test keeps it current).
"""

from functools import cache

from django.db import models

from .declaring import Amount, Children, DatasetType, Field, Range, Ref, Refs, Value
from .types import BY_MODEL, DATASET_TYPES

#: Shapes every type shares.
SHARED = {
    "slug": {"type": "string", "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$", "maxLength": 120},
    "text": {"type": "string", "minLength": 1},
    "quote": {
        "description": "The words of the source document, copied verbatim.",
        "type": "string",
        "minLength": 1,
    },
    "amount": {"type": "number", "exclusiveMinimum": 0},
    "slug_list": {"type": "array", "items": {"$ref": "#/$defs/slug"}, "uniqueItems": True},
    "year_range": {
        "description": 'Years of experience; `max` null or absent means open-ended ("10+").',
        "type": "object",
        "additionalProperties": False,
        "required": ["min", "quote"],
        "properties": {
            "min": {"type": "integer", "minimum": 0, "maximum": 60},
            "max": {"type": ["integer", "null"], "minimum": 0, "maximum": 60},
            "quote": {"$ref": "#/$defs/quote"},
        },
    },
    "count_range": {
        "type": "object",
        "additionalProperties": False,
        "required": ["min"],
        "properties": {
            "min": {"type": "integer", "minimum": 1, "maximum": 100},
            "max": {"type": ["integer", "null"], "minimum": 1, "maximum": 100},
            "quote": {"$ref": "#/$defs/quote"},
        },
    },
}


def _ref(name: str) -> dict:
    return {"$ref": f"#/$defs/{name}"}


def _value_schema(declared: Value) -> dict:
    """What the model field a value is written to allows."""
    f = declared.model_field
    if isinstance(declared, Amount):
        return _ref("amount")
    if f.choices:
        return {"enum": [value for value, _ in f.choices]}
    if isinstance(f, models.SlugField):
        return _ref("slug")
    if isinstance(f, models.URLField):
        return {"type": "string", "format": "uri"}
    if isinstance(f, models.DateField):
        return {"type": "string", "format": "date"}
    if isinstance(f, models.BooleanField):
        return {"type": "boolean"}
    if isinstance(f, models.IntegerField):
        return {"type": "integer", "minimum": 0}
    if isinstance(f, models.DecimalField):
        return {"type": "number"}
    if isinstance(f, models.CharField | models.TextField):
        schema = _ref("quote" if declared.name == "quote" else "text")
        if isinstance(f, models.CharField) and f.max_length:
            schema["maxLength"] = f.max_length
        return schema
    raise TypeError(f"{declared.name}: no schema for {type(f).__name__}; declare one")


def _key_schema(target: DatasetType) -> dict:
    """What names an entry of `target` in a reference: its slug, or its code."""
    if target.slug == "slug":
        return _ref("slug")
    return _field_schema(target.field(target.slug), target)


def def_name(declared: DatasetType, parent: DatasetType | None = None) -> str:
    return declared.key if parent is None else f"{def_name(parent)}.{declared.key}"


def _field_schema(declared: Field, owner: DatasetType) -> dict:
    if declared.schema is not None:
        schema = dict(declared.schema)
    elif isinstance(declared, Ref):
        schema = _key_schema(BY_MODEL[declared.target_model])
    elif isinstance(declared, Refs):
        schema = _ref("slug_list")
        if declared.min_items:
            schema["minItems"] = declared.min_items
    elif isinstance(declared, Range):
        schema = _ref(declared.kind)
    elif isinstance(declared, Children):
        child = declared.type
        if child.scalar is not None:
            items = _field_schema(child.field(child.scalar), child)
            schema = {"type": "array", "items": items, "uniqueItems": True}
        else:
            schema = {"type": "array", "items": _ref(def_name(child, owner))}
        if declared.min_items:
            schema["minItems"] = declared.min_items
    else:
        schema = _value_schema(declared)
    description = declared.description or (
        getattr(declared, "model_field", None) and str(declared.model_field.help_text or "")
    )
    if description and isinstance(declared, Value | Ref | Amount):
        schema["description"] = description
    return schema


def _entry_schema(declared: DatasetType) -> dict:
    fields = [f for f in declared.fields if not (isinstance(f, Value) and f.derive)]
    schema = {
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in fields if f.required],
    }
    if declared.any_of:
        schema["anyOf"] = [{"required": [name]} for name in declared.any_of]
    schema["properties"] = {f.name: _field_schema(f, declared) for f in fields}
    return schema


def _definitions(types: list[DatasetType], parent: DatasetType | None = None) -> dict:
    found = {}
    for declared in types:
        if declared.scalar is None:
            found[def_name(declared, parent)] = _entry_schema(declared)
        found |= _definitions([c.type for c in declared.children], declared)
    return found


@cache
def dataset_schema() -> dict:
    """The JSON Schema every dataset file is checked against."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://careerapi.example/fixtures/schema.json",
        "title": "careerapi dataset file",
        "description": "One file of the dataset under fixtures/ (fixtures/README.md). A file "
        "holds any of these collections; every entry names its source.",
        "type": "object",
        "additionalProperties": False,
        "properties": {t.key: {"type": "array", "items": _ref(def_name(t))} for t in DATASET_TYPES},
        "$defs": {**SHARED, **_definitions(DATASET_TYPES)},
    }
