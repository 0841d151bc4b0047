"""`RowWriter`: a serializer's JSON written from rows (see the package), and the tables of
related rows it looks up, memoised per dataset."""

from django.db import models
from django.db.models import IntegerField, QuerySet, Value
from rest_framework import serializers

from dataset.memo import dataset_memo

from .plan import INSTANCES, ONCE, RANKS, VALUES, WRITTEN, Children, Plan, as_row, plan_of


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


@dataset_memo
def _once(*, serializer_class: type[serializers.Serializer]) -> dict[int, dict]:
    """Rows as the serializer writes them, by id, each written when first asked for."""
    return {}


TABLES = {
    INSTANCES: _instances,
    VALUES: _values,
    RANKS: _ranks,
    WRITTEN: _written,
    ONCE: _once,
}


def prefetch_orderings(queryset: QuerySet | None, prefix: str = "") -> tuple:
    """The order of each list the queryset prefetches, as (lookup, order_by) pairs; lists
    prefetched inside others come too, by their whole lookup (`ladders__levels`)."""
    if queryset is None:
        return ()
    found = []
    for lookup in queryset._prefetch_related_lookups:
        if isinstance(lookup, models.Prefetch) and lookup.queryset is not None:
            path = f"{prefix}__{lookup.prefetch_to}" if prefix else lookup.prefetch_to
            found.append((path, tuple(lookup.queryset.query.order_by)))
            found += prefetch_orderings(lookup.queryset, path)
    return tuple(found)


class RowWriter:
    """Writes `serializer`'s JSON (an instance, for its context and methods; its fields
    are never built) from rows. `queryset`: the view's, for the order of related lists."""

    def __init__(self, serializer, *, queryset: QuerySet | None = None, tables=None):
        self.serializer = serializer
        self.plan: Plan = plan_of(type(serializer), prefetch_orderings(queryset))
        self.dataset = serializer.context.get("dataset")
        self._tables = {} if tables is None else tables
        self._nested: dict[type, RowWriter] = {}
        self._plan_tables: tuple[dict, ...] | None = None  # the plan's, in its order

    def rows(self, queryset: QuerySet) -> QuerySet:
        """The queryset as the rows this writer reads (`values()` of the model's columns)."""
        if queryset._prefetch_related_lookups:  # values() has no instances to prefetch for
            queryset = queryset.prefetch_related(None)
        return queryset.values(*self.plan.columns)  # values() joins nothing select_related

    def write(self, item) -> dict:
        return self.write_many([item])[0]

    def write_many(self, items) -> list[dict]:
        """The JSON of `items`: rows (`values()` dicts) or model instances of a model
        serializer, objects or dicts of another serializer."""
        plan, batch = self.plan, {}
        rows = items if type(items) is list else list(items)
        if plan.model is not None and rows and type(rows[0]) is not dict:
            rows = [as_row(item) for item in rows]  # model instances: their columns
        tables = self._plan_tables
        if tables is None:
            tables = self._plan_tables = tuple(self.table(key) for key in plan.tables)
        if plan.links or plan.children:
            ids = [row["id"] for row in rows]
            if plan.links:
                batch.update(self._links(ids))
            for children in plan.children:
                batch[children.name] = self._children(children, ids)
        write = plan.write
        return [write(self, row, batch, tables) for row in rows]

    def table(self, key: tuple) -> dict:
        """The table `key` names, memoised per dataset, kept for this writer's batches."""
        table = self._tables.get(key)
        if table is None:
            kind, arguments = key
            table = self._tables[key] = TABLES[kind](dataset=self.dataset, **dict(arguments))
        return table

    def missing(self, index: int, row_id):
        """A related row the memoised table `plan.tables[index]` lacks (written outside a
        load): the table is read again."""
        self._plan_tables = None
        return self.row_of(self.plan.tables[index], row_id)

    def row_of(self, key: tuple, row_id):
        """The row `row_id` of the table `key` names (None for no row)."""
        if row_id is None:
            return None
        table = self._tables.get(key)
        found = (self.table(key) if table is None else table).get(row_id)
        if found is None:  # written outside a load: read the table again
            kind, arguments = key
            table = self._tables[key] = TABLES[kind](dataset=None, **dict(arguments))
            found = table[row_id]
        return found

    def child(self, serializer_class) -> "RowWriter":
        """A writer of nested items, sharing this writer's context and tables."""
        writer = self._nested.get(serializer_class)
        if writer is None:
            nested = serializer_class(context=self.serializer.context)
            writer = self._nested[serializer_class] = RowWriter(nested, tables=self._tables)
        return writer

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
                return self.row_of(link.ranks, target)

            batch[link.name] = {
                owner: [self.row_of(link.shown, t) for t in sorted(targets, key=rank)]
                for owner, targets in by_owner.items()
            }
        return batch

    def _children(self, children: Children, ids: list[int]) -> dict[int, list]:
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
    key = (WRITTEN, (("serializer_class", serializer_class),))
    return [writer.row_of(key, row_id) for row_id in ids]
