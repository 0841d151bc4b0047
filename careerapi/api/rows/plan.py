"""How a serializer's fields are written from rows: its `Plan`, read once per class.

Each field gets a reader, `reader(writer, row, batch) -> JSON value`; readers that look rows
up in a memoised table name it by kind (`INSTANCES`, `VALUES`, `RANKS`, `WRITTEN`: see
`writer.py`), and the plan lists those tables so a writer reads them before a batch.
"""

import functools
import operator
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from rest_framework import relations, serializers
from rest_framework.settings import api_settings

#: The memoised tables readers look related rows up in (`writer.TABLES`).
INSTANCES, VALUES, RANKS, WRITTEN = "instances", "values", "ranks", "written"

#: Field classes whose value is sent as the database gives it.
_AS_IS = (
    serializers.BooleanField,
    serializers.CharField,
    serializers.ChoiceField,
    serializers.FloatField,
    serializers.IntegerField,
    serializers.JSONField,
    serializers.ReadOnlyField,
)

Reader = Callable[..., object]  # (writer, row, batch) -> the field's JSON value


@dataclass(frozen=True)
class Links:
    """A many-to-many field: its link table, and how a linked row is shown."""

    name: str
    through: type[models.Model]
    own: str
    target: str
    model: type[models.Model]
    ordering: tuple[str, ...]
    show: Reader  # (writer, {"id": target id}, batch) -> JSON


@dataclass(frozen=True)
class Children:
    """The rows that point at the item through `column` (a role's skills)."""

    name: str
    serializer_class: type[serializers.Serializer]
    column: str
    ordering: tuple[str, ...]


@dataclass(frozen=True)
class Plan:
    model: type[models.Model] | None
    readers: tuple[tuple[str, Reader], ...]
    columns: tuple[str, ...] = ()
    links: tuple[Links, ...] = ()
    children: tuple[Children, ...] = ()
    #: The memoised tables the readers look rows up in (build, key): read before a batch,
    #: so a batch costs the same queries whatever rows it holds.
    tables: tuple[tuple[Callable, tuple], ...] = ()
    foreign_keys: dict[str, tuple[str, type[models.Model]]] = field(default_factory=dict)


def _converter(drf_field) -> Callable | None:
    """How a value of the row (not None) becomes the field's JSON value (None: as it is)."""
    if isinstance(drf_field, serializers.DecimalField):
        as_string = getattr(drf_field, "coerce_to_string", api_settings.COERCE_DECIMAL_TO_STRING)
        if not as_string and not drf_field.normalize_output:
            return float  # what the renderer makes of the Decimal the field returns
    elif isinstance(drf_field, _AS_IS):
        return None
    return drf_field.to_representation


def _converted(get: Reader, convert: Callable | None) -> Reader:
    if convert is None:
        return get

    def read(w, row, b):
        value = get(w, row, b)
        return None if value is None else convert(value)

    return read


def _model_field(model, name: str):
    try:
        return model._meta.get_field(name)
    except Exception:  # FieldDoesNotExist, or no model at all
        return None


def _ordering(model, name: str, orderings: dict) -> tuple[str, ...]:
    related = model._meta.get_field(name).related_model
    return orderings.get(name) or tuple(related._meta.ordering) or ("pk",)


def _get(item, name: str):
    """A value of a row, or an attribute of an item that is not a row (a skill match)."""
    return item[name] if type(item) is dict else getattr(item, name)


def _related_reader(drf_field, column: str, related, tables: list) -> Reader:
    """A foreign key shown as a slug (or code) or as a nested serializer's JSON."""
    if isinstance(drf_field, relations.SlugRelatedField):
        name = drf_field.slug_field
        tables.append((VALUES, (("model", related), ("name", name))))
        return lambda w, row, b: w.lookup(VALUES, _get(row, column), model=related, name=name)
    serializer_class = type(drf_field)
    tables.append((WRITTEN, (("serializer_class", serializer_class),)))
    return lambda w, row, b: w.lookup(WRITTEN, _get(row, column), serializer_class=serializer_class)


def _compile(serializer_class, orderings: tuple) -> Plan:
    prototype = serializer_class()
    model = getattr(getattr(serializer_class, "Meta", None), "model", None)
    orderings = dict(orderings)
    foreign_keys = {}
    if model is not None:
        foreign_keys = {
            f.name: (f.attname, f.related_model)
            for f in model._meta.concrete_fields
            if f.is_relation
        }
    readers, links, children, tables = [], [], [], []
    for name, drf_field in prototype.fields.items():
        if drf_field.write_only:
            continue
        if isinstance(drf_field, serializers.SerializerMethodField):
            readers.append((name, _method_reader(drf_field.method_name, model)))
            continue
        source = drf_field.source_attrs
        if not source:
            raise ImproperlyConfigured(f"{serializer_class.__name__}.{name}: source='*'")
        model_field = _model_field(model, source[0]) if model is not None else None
        many = isinstance(drf_field, serializers.ListSerializer | relations.ManyRelatedField)
        if many and model_field is not None and model_field.many_to_many:
            child = getattr(drf_field, "child", None) or drf_field.child_relation
            through = getattr(model, source[0]).through
            own = model_field.m2m_column_name()
            target = model_field.m2m_reverse_name()
            related = model_field.related_model
            show = _related_reader(child, "id", related, tables)
            ordering = _ordering(model, source[0], orderings)
            tables.append((RANKS, (("model", related), ("ordering", ordering))))
            links.append(Links(name, through, own, target, related, ordering, show))
            readers.append((name, _batch_reader(name)))
        elif many and model_field is not None and model_field.one_to_many:
            column = model_field.field.attname
            ordering = _ordering(model, source[0], orderings)
            children.append(Children(name, type(drf_field.child), column, ordering))
            readers.append((name, _batch_reader(name)))
        elif many:  # a list of rows (or instances) on the item itself
            readers.append((name, _list_reader(source[0], type(drf_field.child))))
        elif isinstance(drf_field, serializers.BaseSerializer | relations.RelatedField):
            if len(source) != 1:
                raise ImproperlyConfigured(f"{serializer_class.__name__}.{name}: dotted source")
            related = getattr(getattr(drf_field, "Meta", None), "model", None)
            if model_field is not None:
                column, related = model_field.attname, model_field.related_model
            else:  # an item that is not a model row names its related row by id
                column = f"{source[0]}_id"
            readers.append((name, _related_reader(drf_field, column, related, tables)))
        else:
            get = _value_getter(serializer_class, name, model, source, foreign_keys, tables)
            if (
                isinstance(drf_field, serializers.DecimalField)
                and _converter(drf_field) is not float
            ):
                raise ImproperlyConfigured(f"{serializer_class.__name__}.{name}: decimal as text")
            readers.append((name, _converted(get, _converter(drf_field))))
    columns = ()
    if model is not None:
        columns = tuple(f.attname for f in model._meta.concrete_fields)
    return Plan(
        model,
        tuple(readers),
        columns,
        tuple(links),
        tuple(children),
        tuple(dict.fromkeys(tables)),
        foreign_keys,
    )


def _value_getter(serializer_class, name, model, source, foreign_keys, tables) -> Reader:
    """A plain field: a column, a property of the model, or a field of a related row."""
    first, rest = source[0], source[1:]
    if model is None:
        return lambda w, row, b: _get(row, first)
    if rest:
        if first not in foreign_keys:
            raise ImproperlyConfigured(f"{serializer_class.__name__}.{name}: {'.'.join(source)}")
        column, related = foreign_keys[first]
        attribute = operator.attrgetter(".".join(rest))
        tables.append((INSTANCES, (("model", related),)))

        def read(w, row, b):
            obj = w.lookup(INSTANCES, row[column], model=related)
            return None if obj is None else attribute(obj)

        return read
    model_field = _model_field(model, first)
    if model_field is not None and model_field.concrete and not model_field.is_relation:
        column = model_field.attname
        return lambda w, row, b: row[column]
    attribute = getattr(model, first, None)
    if isinstance(attribute, property):
        return lambda w, row, b: attribute.fget(RowObject(row, w, model))
    raise ImproperlyConfigured(f"{serializer_class.__name__}.{name}: cannot read {first!r}")


def _method_reader(method_name: str, model) -> Reader:
    return lambda w, row, b: getattr(w.serializer, method_name)(RowObject(row, w, model))


def _batch_reader(name: str) -> Reader:
    return lambda w, row, b: b[name].get(row["id"], [])


def _list_reader(attribute: str, serializer_class) -> Reader:
    def read(w, row, b):
        return w.child(serializer_class).write_many(_get(row, attribute))

    return read


@functools.cache
def plan_of(serializer_class, orderings: tuple) -> Plan:
    """How `serializer_class` is written from rows, nested lists in `orderings`' order."""
    return _compile(serializer_class, orderings)


def as_row(item) -> dict:
    return item if type(item) is dict else item.__dict__


class RowObject:
    """A row as the model instance a serializer method or a model property expects:
    columns are attributes, a foreign key gives the related row (from a memoised table)."""

    __slots__ = ("_model", "_row", "_writer")

    def __init__(self, row: dict, writer, model):
        self._row, self._writer, self._model = row, writer, model

    def __getattr__(self, name):
        row = self._row
        if name in row:
            return row[name]
        foreign_key = self._writer.plan.foreign_keys.get(name)
        if foreign_key is not None:
            column, related = foreign_key
            return self._writer.lookup(INSTANCES, row[column], model=related)
        attribute = getattr(self._model, name, None)
        if isinstance(attribute, property):
            return attribute.fget(self)
        raise AttributeError(name)
