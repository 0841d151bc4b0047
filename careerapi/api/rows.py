"""JSON written from plain rows, field by field as the item's serializer writes it.

A page of items that nest others (salary bands naming their level, region and source;
questions with their topics; roles with their skills) costs far more in model instances and
per-field serializer calls than in the database. `RowWriter` writes a serializer's JSON
from rows instead (`values()` dicts, or a model instance's `__dict__`): the keys, their
order and the form of every value are taken from the serializer's fields, once per
serializer class, so the serializer stays the one description of the shape and the
OpenAPI schema documents what is sent.

How each kind of field is written:

- a model column: the row's value, in the field's form (decimals as numbers, date-times in
  ISO 8601); a property of the model (a source's `attribution`): the property, on the row;
- through a foreign key (`skill.name`): the related row, from a table of them memoised per
  dataset, like the JSON of a nested serializer or a slug of a related row;
- a list of related rows (a many-to-many link, or the rows that point at the item): read
  for the whole batch, the links of every list in one query, in the order of the view's
  prefetch (`queryset`) or of the related model;
- a method field: the serializer's own method, given the row as an object (`RowObject`).

A row written outside a load may point at a row a memoised table lacks: the table is then
read afresh for this writer.
"""

import functools
import operator
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import IntegerField, QuerySet, Value
from rest_framework import relations, serializers
from rest_framework.settings import api_settings

from dataset.memo import dataset_memo

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

Reader = Callable[["RowWriter", dict, dict], object]


# --- tables memoised per dataset --------------------------------------------------------


@dataset_memo
def _instances(*, model: type[models.Model]) -> dict[int, models.Model]:
    return {obj.pk: obj for obj in model._default_manager.order_by()}


@dataset_memo
def _values(*, model: type[models.Model], name: str) -> dict[int, object]:
    return dict(model._default_manager.order_by().values_list("pk", name))


@dataset_memo
def _ranks(*, model: type[models.Model], ordering: tuple[str, ...]) -> dict[int, int]:
    ids = model._default_manager.order_by(*ordering).values_list("pk", flat=True)
    return {pk: rank for rank, pk in enumerate(ids)}


@dataset_memo
def _written(*, serializer_class: type[serializers.Serializer], dataset) -> dict[int, dict]:
    """Every row of the serializer's model, as the serializer writes it, by id."""
    writer = RowWriter(serializer_class(context={"dataset": dataset}))
    rows = list(writer.rows(writer.plan.model._default_manager.order_by()))
    return {row["id"]: item for row, item in zip(rows, writer.write_many(rows), strict=True)}


# --- a serializer's plan: how to write each of its fields from a row ----------------------


@dataclass(frozen=True)
class _Links:
    """A many-to-many field: its link table, and how a linked row is shown."""

    name: str
    through: type[models.Model]
    own: str
    target: str
    model: type[models.Model]
    ordering: tuple[str, ...]
    show: Reader  # (writer, {"id": target id}, batch) -> JSON


@dataclass(frozen=True)
class _Children:
    """The rows that point at the item through `column` (a role's skills)."""

    name: str
    serializer_class: type[serializers.Serializer]
    column: str
    ordering: tuple[str, ...]


@dataclass(frozen=True)
class _Plan:
    model: type[models.Model] | None
    readers: tuple[tuple[str, Reader], ...]
    columns: tuple[str, ...] = ()
    links: tuple[_Links, ...] = ()
    children: tuple[_Children, ...] = ()
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
        tables.append((_values, (("model", related), ("name", name))))
        return lambda w, row, b: w.lookup(_values, _get(row, column), model=related, name=name)
    serializer_class = type(drf_field)
    tables.append((_written, (("serializer_class", serializer_class),)))
    return lambda w, row, b: w.lookup(
        _written, _get(row, column), serializer_class=serializer_class
    )


def _compile(serializer_class, orderings: tuple) -> _Plan:
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
            tables.append((_ranks, (("model", related), ("ordering", ordering))))
            links.append(_Links(name, through, own, target, related, ordering, show))
            readers.append((name, _batch_reader(name)))
        elif many and model_field is not None and model_field.one_to_many:
            column = model_field.field.attname
            ordering = _ordering(model, source[0], orderings)
            children.append(_Children(name, type(drf_field.child), column, ordering))
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
    return _Plan(
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
        tables.append((_instances, (("model", related),)))

        def read(w, row, b):
            obj = w.lookup(_instances, row[column], model=related)
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
def _plan(serializer_class, orderings: tuple) -> _Plan:
    return _compile(serializer_class, orderings)


def _as_row(item) -> dict:
    return item if type(item) is dict else item.__dict__


def prefetch_orderings(queryset: QuerySet | None) -> tuple:
    """The order of each related list the queryset prefetches: (relation, order_by) pairs."""
    if queryset is None:
        return ()
    found = []
    for lookup in queryset._prefetch_related_lookups:
        if isinstance(lookup, models.Prefetch) and lookup.queryset is not None:
            found.append((lookup.prefetch_to, tuple(lookup.queryset.query.order_by)))
    return tuple(found)


# --- writing ------------------------------------------------------------------------------


class RowObject:
    """A row as the model instance a serializer method or a model property expects:
    columns are attributes, a foreign key gives the related row (from a memoised table)."""

    __slots__ = ("_model", "_row", "_writer")

    def __init__(self, row: dict, writer: "RowWriter", model):
        self._row, self._writer, self._model = row, writer, model

    def __getattr__(self, name):
        row = self._row
        if name in row:
            return row[name]
        foreign_key = self._writer.plan.foreign_keys.get(name)
        if foreign_key is not None:
            column, related = foreign_key
            return self._writer.lookup(_instances, row[column], model=related)
        attribute = getattr(self._model, name, None)
        if isinstance(attribute, property):
            return attribute.fget(self)
        raise AttributeError(name)


class RowWriter:
    """Writes `serializer`'s JSON (an instance, for its context and methods; its fields
    are never built) from rows. `queryset`: the view's, for the order of related lists."""

    def __init__(self, serializer, *, queryset: QuerySet | None = None, tables=None):
        self.serializer = serializer
        self.plan = _plan(type(serializer), prefetch_orderings(queryset))
        self.dataset = serializer.context.get("dataset")
        self._tables = {} if tables is None else tables

    def rows(self, queryset: QuerySet) -> QuerySet:
        """The queryset as the rows this writer reads (`values()` of the model's columns)."""
        return queryset.select_related(None).prefetch_related(None).values(*self.plan.columns)

    def write(self, item) -> dict:
        return self.write_many([item])[0]

    def write_many(self, items) -> list[dict]:
        """The JSON of `items`: rows (`values()` dicts) or model instances of a model
        serializer, objects or dicts of another serializer."""
        plan, batch = self.plan, {}
        rows = [_as_row(item) for item in items] if plan.model is not None else list(items)
        for build, key in plan.tables:
            self.table(build, **dict(key))
        if plan.links or plan.children:
            ids = [row["id"] for row in rows]
            if plan.links:
                batch.update(self._links(ids))
            for children in plan.children:
                batch[children.name] = self._children(children, ids)
        readers = plan.readers
        return [{name: read(self, row, batch) for name, read in readers} for row in rows]

    def table(self, build, **key) -> dict:
        """A table memoised per dataset (`build(**key)`), kept for this writer's batches."""
        cache_key = (build, *key.values())
        table = self._tables.get(cache_key)
        if table is None:
            table = self._tables[cache_key] = build(dataset=self.dataset, **key)
        return table

    def lookup(self, build, row_id, **key):
        """The row `row_id` of a table memoised per dataset (None for no row)."""
        if row_id is None:
            return None
        found = self.table(build, **key).get(row_id)
        if found is None:  # written outside a load: read the table again
            table = self._tables[(build, *key.values())] = build(dataset=None, **key)
            found = table[row_id]
        return found

    def child(self, serializer_class) -> "RowWriter":
        """A writer of nested items, sharing this writer's context and tables."""
        nested = serializer_class(context=self.serializer.context)
        return RowWriter(nested, tables=self._tables)

    def _links(self, ids: list[int]) -> dict[str, dict[int, list]]:
        """Every many-to-many list of the batch, all link tables read in one query."""
        links = self.plan.links
        queries = [
            link.through.objects.filter(**{f"{link.own}__in": ids})
            .order_by()
            .annotate(_table=Value(index, output_field=IntegerField()))
            .values_list("_table", link.own, link.target)
            for index, link in enumerate(links)
        ]
        query = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
        linked: list[dict[int, list[int]]] = [{} for _ in links]
        for index, owner, target in query:
            linked[index].setdefault(owner, []).append(target)
        batch = {}
        for link, by_owner in zip(links, linked, strict=True):

            def rank(target, link=link):
                return self.lookup(_ranks, target, model=link.model, ordering=link.ordering)

            batch[link.name] = {
                owner: [link.show(self, {"id": t}, {}) for t in sorted(targets, key=rank)]
                for owner, targets in by_owner.items()
            }
        return batch

    def _children(self, children: _Children, ids: list[int]) -> dict[int, list]:
        writer = self.child(children.serializer_class)
        model = writer.plan.model
        rows = list(
            writer.rows(
                model.objects.filter(**{f"{children.column}__in": ids}).order_by(*children.ordering)
            )
        )
        grouped: dict[int, list] = {}
        for row, item in zip(rows, writer.write_many(rows), strict=True):
            grouped.setdefault(row[children.column], []).append(item)
        return grouped


class RowListSerializer(serializers.ListSerializer):
    """A list serializer that writes its items with a `RowWriter`: for a list nested in
    another item (a role page's salary bands), from the instances prefetched for it."""

    def to_representation(self, data):
        items = data.all() if isinstance(data, models.manager.BaseManager) else data
        return RowWriter(self.child).write_many(items)


def written_rows(serializer_class, ids, *, context: dict) -> list[dict]:
    """The rows `ids` as `serializer_class` writes them, from a table memoised per dataset."""
    writer = RowWriter(serializer_class(context=context))
    return [writer.lookup(_written, row_id, serializer_class=serializer_class) for row_id in ids]
