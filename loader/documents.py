"""What each API document shows, read from its serializer: for the change feed.

A document is what `GET /api/v1/<collection>/<slug>/` returns. It shows columns of its own
row and of rows it reaches through relations: a role page shows its bands' amounts, each
band's level name, each level's position (the bands' order). Walking the detail serializer
(and the order of the lists its view prefetches) gives every such (rows, columns) pair as an
`Embedded`: an ORM lookup from the document's model to the rows, the columns shown, and how
the last step links them, so rows created, deleted or moved there count as well.

A method field says what it shows with `careerapi.api.embedding.shows`; a model property
(`derived_from`) names the columns it is computed from. Anything else the walk cannot
follow is an error when the documents are first read, not a document the feed misses.
"""

from dataclasses import dataclass, field
from functools import cache

from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import models
from rest_framework import relations, serializers

from careerapi.api.embedding import SHOWS_ATTRIBUTE
from careerapi.api.rows import prefetch_orderings

from .types import nested


@dataclass(frozen=True)
class Link:
    """How rows are reached from the row before them (`prefix` from the document):
    `column` of theirs pointing at it, or the many-to-many `field` of `model`."""

    prefix: str
    column: str | None = None
    field: str | None = None
    model: type[models.Model] | None = None
    forward: bool = True  # the many-to-many field is on the row before (not on these rows)


@dataclass
class Embedded:
    """Rows of `model` a document shows `columns` of, reached by the ORM lookup `lookup`
    from the document's row ("" for the row itself)."""

    lookup: str
    model: type[models.Model]
    columns: set[str] = field(default_factory=set)
    link: Link | None = None
    #: Only the rows that match this filter are shown (None: every row reached).
    where: dict | None = None


@dataclass(frozen=True)
class Document:
    """An API collection's detail representation: what it shows, and of which rows."""

    collection: str
    model: type[models.Model]
    embedded: tuple[Embedded, ...]

    @property
    def shows_updated_at_of(self) -> set[type[models.Model]]:
        """Models whose `updated_at` the document shows (of rows other than its own)."""
        return {e.model for e in self.embedded if e.lookup and "updated_at" in e.columns}


def _join(prefix: str, name: str) -> str:
    return f"{prefix}__{name}" if prefix else name


def _names(order_by) -> tuple[str, ...]:
    """The field paths an ordering sorts by ("-as_of" and F("as_of").desc() are "as_of")."""
    names = []
    for term in order_by:
        if hasattr(term, "expression"):  # F("a__b").asc()
            term = term.expression.name
        names.append(str(term).lstrip("-"))
    return tuple(names)


class _Walk:
    """Collects a document's `Embedded`s, merged by lookup."""

    def __init__(self, model, queryset):
        self.found: dict[str, Embedded] = {"": Embedded("", model)}
        self.orderings = {
            lookup: _names(order_by) for lookup, order_by in prefetch_orderings(queryset)
        }

    def at(self, lookup: str, model, link: Link | None) -> Embedded:
        embedded = self.found.get(lookup)
        if embedded is None:
            embedded = self.found[lookup] = Embedded(lookup, model, link=link)
        return embedded

    def serializer(self, serializer, model, lookup: str) -> None:
        for name, drf_field in serializer.fields.items():
            where = f"{type(serializer).__name__}.{name}"
            if isinstance(drf_field, serializers.SerializerMethodField):
                method = getattr(type(serializer), drf_field.method_name)
                if not hasattr(method, SHOWS_ATTRIBUTE):
                    raise ImproperlyConfigured(f"{where}: say what it shows (@shows)")
                relation, nested_class, narrowed = getattr(method, SHOWS_ATTRIBUTE)
                if relation is not None:
                    self.path(where, nested_class(), relation.split("__"), model, lookup)
                    self.found[_join(lookup, relation)].where = narrowed
                continue
            if not drf_field.source_attrs:
                raise ImproperlyConfigured(f"{where}: source='*' cannot be followed")
            self.path(where, drf_field, drf_field.source_attrs, model, lookup)

    def path(self, where: str, drf_field, attrs: list[str], model, lookup: str) -> None:
        """Follow `attrs` from `model` rows at `lookup`; the last one is what is shown."""
        for position, attr in enumerate(attrs):
            last = position == len(attrs) - 1
            try:
                model_field = model._meta.get_field(attr)
            except FieldDoesNotExist:
                prop = getattr(model, attr, None)
                columns = getattr(getattr(prop, "fget", None), "columns", None)
                if columns is None:
                    raise ImproperlyConfigured(
                        f"{where}: {model.__name__}.{attr} names no columns (@derived_from)"
                    ) from None
                self.at(lookup, model, None).columns.update(columns)
                return
            if not model_field.is_relation:
                self.at(lookup, model, None).columns.add(model_field.attname)
                return
            model, lookup = self.hop(model, model_field, lookup)
            if last:
                self.shown(drf_field, model, lookup)

    def hop(self, model, model_field, lookup: str):
        """One step along a relation: the rows it reaches, and the lookup to them."""
        related = model_field.related_model
        if model_field.many_to_one or (model_field.one_to_one and model_field.concrete):
            self.at(lookup, model, None).columns.add(model_field.attname)
            return related, _join(lookup, model_field.name)
        if model_field.one_to_many:
            target = _join(lookup, model_field.field.related_query_name())
            link = Link(lookup, column=model_field.field.attname)
        elif model_field.many_to_many and model_field.concrete:
            target = _join(lookup, model_field.name)
            link = Link(lookup, field=model_field.name, model=model)
        elif model_field.many_to_many:  # the other side's field
            target = _join(lookup, model_field.field.related_query_name())
            link = Link(lookup, field=model_field.field.name, model=related, forward=False)
        else:
            raise ImproperlyConfigured(f"{model.__name__}.{model_field.name}: not followed")
        embedded = self.at(target, related, link)
        order = self.orderings.get(target) or _names(related._meta.ordering)
        for term in order:
            self.path(f"ordering of {target}", None, term.split("__"), related, target)
        return embedded.model, target

    def shown(self, drf_field, model, lookup: str) -> None:
        """What a field shows of the rows it reached: a nested item, or one of its fields."""
        child = getattr(drf_field, "child", None) or getattr(drf_field, "child_relation", None)
        shown = child if child is not None else drf_field
        if isinstance(shown, serializers.BaseSerializer):
            self.serializer(shown, model, lookup)
        elif isinstance(shown, relations.SlugRelatedField):
            self.at(lookup, model, None).columns.add(shown.slug_field)
        elif shown is not None:
            raise ImproperlyConfigured(f"{type(shown).__name__}: what it shows is unknown")


@cache
def documents() -> tuple[Document, ...]:
    """Every API document type, what it embeds to be written before it (a level before its
    ladder, whose JSON shows the level's `updated_at`)."""
    found = []
    for declared in nested():
        if not declared.collection:
            continue
        view = declared.viewset(action="retrieve", request=None, format_kwarg=None, kwargs={})
        queryset, serializer_class = view.get_queryset(), view.get_serializer_class()
        walk = _Walk(declared.model, queryset)
        walk.serializer(serializer_class(), declared.model, "")
        found.append(Document(declared.collection, declared.model, tuple(walk.found.values())))
    return tuple(_ordered(found))


def _ordered(found: list[Document]) -> list[Document]:
    """Documents after the documents whose `updated_at` they show."""
    done: list[Document] = []
    waiting = list(found)
    while waiting:
        ready = [
            d
            for d in waiting
            if not (d.shows_updated_at_of - {d.model}) & {w.model for w in waiting if w is not d}
        ]
        if not ready:
            raise ImproperlyConfigured("documents show each other's updated_at in a circle")
        done += ready
        waiting = [d for d in waiting if d not in ready]
    return done
