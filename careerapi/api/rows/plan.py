"""How a serializer's fields are written from rows: its `Plan`, made once per class.

Each field becomes a reader of the row. The common ones are expressions: a column
(`row["slug"]`, a decimal as a number), a related row looked up in a memoised table by the
row's foreign key, a list read for the batch. They are written into one function per plan,
`Plan.write(writer, row, batch, tables) -> dict`, generated as Python source the way the
schema check is (`loader/schema_check.py`), so a row costs about what a dict literal written
by hand would. The rarer ones (a method field, a model property, a field of a related row, a
list the item holds) are functions the generated one calls.

Tables are named by a key, (kind, its arguments as pairs): `INSTANCES`, `VALUES`, `RANKS`,
`WRITTEN`, `ONCE` (`writer.TABLES`); `Plan.tables` lists those the plan reads, in the order
of the generated function's `tables` argument.
"""

import contextlib
import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import models
from rest_framework import relations, serializers
from rest_framework.settings import api_settings

INSTANCES, VALUES, RANKS, WRITTEN, ONCE = "instances", "values", "ranks", "written", "once"

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
#: Their own ways of writing a value: a subclass with another (a blank choice sent as null)
#: is converted like any other field.
_AS_IS_WRITERS = {field_class.to_representation for field_class in _AS_IS}

Reader = Callable[..., object]  # (writer, row, batch) -> the field's JSON value


@dataclass(frozen=True)
class Links:
    """A many-to-many field: its link table, and the tables that show a linked row."""

    name: str
    through: type[models.Model]
    own: str
    target: str
    ranks: tuple  # the linked rows' places in their order
    shown: tuple  # the linked rows' JSON (or slugs)


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
    write: Callable  # (writer, row, batch, tables) -> the item's JSON
    columns: tuple[str, ...] = ()
    links: tuple[Links, ...] = ()
    children: tuple[Children, ...] = ()
    #: The memoised tables the plan reads, in the order `write` is given them; a writer
    #: reads them before a batch, so a batch costs the same queries whatever rows it holds.
    tables: tuple[tuple, ...] = ()
    foreign_keys: dict[str, tuple[str, type[models.Model]]] = field(default_factory=dict)


# --- what the generated function calls ----------------------------------------------------


def _number(value):
    """A decimal as the renderer writes the Decimal a DecimalField returns: a number."""
    return None if value is None else float(value)


def _related(writer, table: dict, index: int, row_id):
    """The related row `row_id` in `table` (one of the plan's), or None for no row."""
    if row_id is None:
        return None
    found = table.get(row_id)
    return found if found is not None else writer.missing(index, row_id)


def as_row(item) -> dict:
    return item if type(item) is dict else item.__dict__


# --- the plan -----------------------------------------------------------------------------


class _Compiler:
    """Reads a serializer's fields into the source of `Plan.write`."""

    def __init__(self, serializer_class, orderings: dict):
        self.name = serializer_class.__name__
        self.model = getattr(getattr(serializer_class, "Meta", None), "model", None)
        self.orderings = orderings
        self.namespace = {
            "_number": _number,
            "_related": _related,
            "_RowObject": RowObject,
            "_model": self.model,
        }
        #: Statements the generated function runs before it writes the item: the related
        #: rows its fields read (each looked up once), the row as an object.
        self.prelude: dict[str, str] = {}
        self.tables: list[tuple] = []
        self.links: list[Links] = []
        self.children: list[Children] = []
        self.foreign_keys = {}
        if self.model is not None:
            self.foreign_keys = {
                f.name: (f.attname, f.related_model)
                for f in self.model._meta.concrete_fields
                if f.is_relation
            }

    def refuse(self, name: str, why: str) -> ImproperlyConfigured:
        return ImproperlyConfigured(f"{self.name}.{name}: {why} cannot be written from rows")

    def table(self, key: tuple) -> int:
        if key not in self.tables:
            self.tables.append(key)
        return self.tables.index(key)

    def call(self, reader: Reader) -> str:
        """An expression calling `reader(writer, row, batch)`."""
        name = f"_c{len(self.namespace)}"
        self.namespace[name] = reader
        return f"{name}(w, row, b)"

    def value(self, name: str) -> str:
        """An expression reading a value: a model's row is a dict of its columns; an item
        of another serializer (a skill match, a conversion) is an object."""
        if self.model is not None:
            return f"row[{name!r}]"
        if not name.isidentifier():
            raise self.refuse(name, "an attribute that is not an identifier")
        return f"row.{name}"

    def related(self, drf_field, column: str, related) -> str:
        """A foreign key shown as a slug (or code) or as a nested serializer's JSON."""
        if isinstance(drf_field, relations.SlugRelatedField):
            key = (VALUES, (("model", related), ("name", drf_field.slug_field)))
        else:
            key = (WRITTEN, (("serializer_class", type(drf_field)),))
        index = self.table(key)
        return f"_related(w, t[{index}], {index}, {self.value(column)})"

    def expression(self, name: str, drf_field) -> str:
        if isinstance(drf_field, serializers.SerializerMethodField):
            if not drf_field.method_name.isidentifier():
                raise self.refuse(name, "a method that is not an identifier")
            return f"w.serializer.{drf_field.method_name}({self.row_object()})"
        source = drf_field.source_attrs
        if not source:
            raise self.refuse(name, "source='*'")
        model_field = None
        if self.model is not None:
            with contextlib.suppress(FieldDoesNotExist):  # a property, or not of the model
                model_field = self.model._meta.get_field(source[0])
        many = isinstance(drf_field, serializers.ListSerializer | relations.ManyRelatedField)
        if many and model_field is not None and model_field.many_to_many:
            return self.many_to_many(name, drf_field, model_field)
        if many and model_field is not None and model_field.one_to_many:
            ordering = self.ordering(source[0])
            child = type(drf_field.child)
            self.children.append(Children(name, child, model_field.field.attname, ordering))
            return f"b[{name!r}].get(row['id'], [])"
        if many:  # a list of rows (or instances) the item holds itself
            return self.call(_list_reader(source[0], type(drf_field.child)))
        if isinstance(drf_field, serializers.BaseSerializer) and _model_of(drf_field) is None:
            return self.call(_object_reader(source[0], type(drf_field)))  # an object it holds
        if isinstance(drf_field, serializers.BaseSerializer | relations.RelatedField):
            if len(source) != 1:
                raise self.refuse(name, "a related field through a dotted source")
            if model_field is not None:
                return self.related(drf_field, model_field.attname, model_field.related_model)
            # An item that is not a model row names its related row by id.
            related = drf_field.Meta.model
            return self.related(drf_field, f"{source[0]}_id", related)
        return self.plain(name, drf_field, source, model_field)

    def plain(self, name: str, drf_field, source: list[str], model_field) -> str:
        """A column, a property of the model, or a field of a related row, in the field's
        form (decimals as numbers, dates in ISO 8601)."""
        convert = None
        if isinstance(drf_field, serializers.DecimalField):
            as_string = getattr(
                drf_field, "coerce_to_string", api_settings.COERCE_DECIMAL_TO_STRING
            )
            if as_string or drf_field.normalize_output:
                raise self.refuse(name, "a decimal written as text")
        elif type(drf_field).to_representation not in _AS_IS_WRITERS:
            convert = drf_field.to_representation
        first, rest = source[0], source[1:]
        if self.model is None:
            expression = self.value(first)
        elif rest:
            expression = self.through_foreign_key(name, first, rest)
        elif model_field is not None and model_field.concrete and not model_field.is_relation:
            expression = self.value(model_field.attname)
        else:
            attribute = getattr(self.model, first, None)
            if not isinstance(attribute, property):
                raise self.refuse(name, f"{first!r}")
            getter = f"_p{len(self.namespace)}"
            self.namespace[getter] = attribute.fget
            expression = f"{getter}({self.row_object()})"
        if isinstance(drf_field, serializers.DecimalField):
            return f"_number({expression})"
        if convert is None:
            return expression
        converter = f"_c{len(self.namespace)}"
        self.namespace[converter] = convert
        return f"(None if (v := {expression}) is None else {converter}(v))"

    def through_foreign_key(self, name: str, first: str, rest: list[str]) -> str:
        """A field of the related row (`skill.name`), the row looked up once per item."""
        if first not in self.foreign_keys or not all(part.isidentifier() for part in rest):
            raise self.refuse(name, f"{first}.{'.'.join(rest)}")
        column, related = self.foreign_keys[first]
        index = self.table((INSTANCES, (("model", related),)))
        local = f"r{index}"
        self.prelude[local] = f"{local} = _related(w, t[{index}], {index}, row[{column!r}])"
        return f"(None if {local} is None else {local}.{'.'.join(rest)})"

    def row_object(self) -> str:
        """The name of the row as an object (a method field's or a property's `self`)."""
        self.prelude["o"] = "o = _RowObject(row, w, _model)"
        return "o"

    def many_to_many(self, name: str, drf_field, model_field) -> str:
        child = getattr(drf_field, "child", None) or drf_field.child_relation
        related = model_field.related_model
        if isinstance(child, relations.SlugRelatedField):
            shown = (VALUES, (("model", related), ("name", child.slug_field)))
        else:
            shown = (WRITTEN, (("serializer_class", type(child)),))
        ranks = (RANKS, (("model", related), ("ordering", self.ordering(model_field.name))))
        self.table(shown)
        self.table(ranks)
        through = getattr(self.model, model_field.name).through
        own, target = model_field.m2m_column_name(), model_field.m2m_reverse_name()
        self.links.append(Links(name, through, own, target, ranks, shown))
        return f"b[{name!r}].get(row['id'], [])"

    def ordering(self, name: str) -> tuple[str, ...]:
        """The order of a related list: the view's prefetch, else the related model's."""
        related = self.model._meta.get_field(name).related_model
        return self.orderings.get(name) or tuple(related._meta.ordering) or ("pk",)

    def plan(self, prototype) -> Plan:
        items = [
            f"{name!r}: {self.expression(name, drf_field)}"
            for name, drf_field in prototype.fields.items()
            if not drf_field.write_only
        ]
        body = [*self.prelude.values(), "return {" + ", ".join(items) + "}"]
        source = "def write(w, row, b, t):\n" + "".join(f"    {line}\n" for line in body)
        exec(source, self.namespace)  # our own source, made from the serializer's fields
        columns = ()
        if self.model is not None:
            columns = tuple(f.attname for f in self.model._meta.concrete_fields)
        return Plan(
            self.model,
            self.namespace["write"],
            columns,
            tuple(self.links),
            tuple(self.children),
            tuple(self.tables),
            self.foreign_keys,
        )


def _list_reader(attribute: str, serializer_class) -> Reader:
    """A list of rows (or instances) the item holds itself (a skill match's skills)."""
    if getattr(getattr(serializer_class, "Meta", None), "model", None) is None:
        return lambda w, row, b: w.child(serializer_class).write_many(getattr(row, attribute))
    # Model instances (the exchange rates of a conversion) are each written once per dataset.
    key = (ONCE, (("serializer_class", serializer_class),))

    def read(w, row, b):
        items = getattr(row, attribute)
        if not items or type(items[0]) is dict:  # rows (a match's skills): written each time
            return w.child(serializer_class).write_many(items)
        written = w.table(key)
        for item in items:
            if item.pk not in written:
                written[item.pk] = w.child(serializer_class).write(item)
        return [written[item.pk] for item in items]

    return read


def _model_of(drf_field):
    return getattr(getattr(drf_field, "Meta", None), "model", None)


def _object_reader(attribute: str, serializer_class) -> Reader:
    """An object of another serializer the item holds itself (a period's conversion)."""

    def read(w, row, b):
        value = row[attribute] if type(row) is dict else getattr(row, attribute)
        return None if value is None else w.child(serializer_class).write(value)

    return read


@functools.cache
def plan_of(serializer_class, orderings: tuple) -> Plan:
    """How `serializer_class` is written from rows, nested lists in `orderings`' order."""
    return _Compiler(serializer_class, dict(orderings)).plan(serializer_class())


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
            return self._writer.row_of((INSTANCES, (("model", related),)), row[column])
        attribute = getattr(self._model, name, None)
        if isinstance(attribute, property):
            return attribute.fget(self)
        raise AttributeError(name)
