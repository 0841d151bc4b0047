"""Writing a validated dataset: each type's entries become rows, type by type, as declared.

Types are written in the order of `DATASET_TYPES` (what an entry names is written first),
each entry's nested lists right after it, a tree (companies, regions) root first; every
type's rows are matched to the table's by their identity and handed to `sync`. Stale rows
are deleted only after every table is written, children first.
"""

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime

from .declaring import Children, DatasetType, Range, Ref, Refs, Value
from .reading import Dataset, gc_paused
from .sync import TableSync, m2m_sync, table_delete_stale, table_start, table_upsert
from .types import BY_MODEL, DATASET_TYPES

Getter = Callable[[dict], object]


def _depth(entries: list[dict], slug: str, parent: str) -> dict[str, int]:
    """How far each entry of a tree is from its root (validation has ruled out loops)."""
    parents = {entry[slug]: entry.get(parent) for entry in entries}
    depth: dict[str, int] = {}
    for key in parents:
        node, steps = key, 0
        while parents.get(node):
            node, steps = parents[node], steps + 1
        depth[key] = steps
    return depth


def _dig(entry: dict, path: tuple[str, ...]):
    for name in path:
        entry = entry.get(name) or {}
    return entry or None


class DatasetWriter:
    """Writes one dataset inside the caller's transaction."""

    def __init__(self, dataset: Dataset, *, now: datetime):
        self.entries = {
            name: [item.data for item in items] for name, items in dataset.collections.items()
        }
        self.now = now
        self.tables: list[TableSync] = []
        self.by_type: dict[DatasetType, TableSync] = {}

    def write(self) -> list[TableSync]:
        with gc_paused():
            for declared in DATASET_TYPES:
                self._write(declared, self.entries.get(declared.key, []))
            for table in reversed(self.tables):
                table_delete_stale(table)
        return self.tables

    def _write(
        self,
        declared: DatasetType,
        entries: list[dict],
        extras: list[dict] | None = None,
    ) -> TableSync:
        """Write `entries` (each with `extras` columns: its parent and position, if any)."""
        table = table_start(declared.model, declared.identity)
        self.tables.append(table)
        self.by_type[declared] = table
        park = "position" if declared.positioned and "position" not in declared.identity else None
        upsert = dict(now=self.now, park_field=park)
        getters = self._getters(declared, entries)
        if declared.tree is None:
            table_upsert(table, _rows(declared, getters, entries, extras), **upsert)
        else:  # a parent before its children
            depth = _depth(entries, declared.slug, declared.tree.name)
            for level in sorted(set(depth.values())):
                chosen = [e for e in entries if depth[e[declared.slug]] == level]
                table_upsert(table, _rows(declared, getters, chosen, None), **upsert)
        self._links(declared, table, entries)
        for children in declared.children:
            self._write_children(declared, table, children, entries)
        return table

    def _getters(self, declared: DatasetType, entries: list) -> list[tuple[str, Getter]]:
        """How each column of a row is read from an entry (`entries`: all of the type's)."""
        getters: list[tuple[str, Getter]] = []
        for field in declared.fields:
            if isinstance(field, Ref):
                getters.append((field.column, self._ref_getter(field)))
            elif isinstance(field, Range):
                getters += _range_getters(field)
            elif isinstance(field, Value):
                getters.append((field.column, _value_getter(field, declared, entries)))
        return getters

    def _ref_getter(self, field: Ref) -> Getter:
        ids, name = self.by_type[BY_MODEL[field.target_model]].ids, field.name
        return lambda entry: None if (key := entry.get(name)) is None else ids[(key,)]

    def _links(self, declared: DatasetType, table: TableSync, entries: list[dict]) -> None:
        key = declared.slug
        for field in declared.fields:
            if isinstance(field, Refs):
                targets = self.by_type[BY_MODEL[field.target_model]].ids
                pairs = {
                    table.ids[(entry[key],)]: {targets[(k,)] for k in entry.get(field.name, ())}
                    for entry in entries
                }
                m2m_sync(table, field.model_field.name, pairs)

    def _write_children(
        self, declared: DatasetType, table: TableSync, children: Children, entries: list[dict]
    ) -> None:
        child = children.type
        column, nested, extras = child.parent_column, [], []
        for entry in entries:
            parent_id = table.ids[(entry[declared.slug],)]
            for position, item in enumerate(entry.get(children.name, ()), start=1):
                nested.append(item)
                extra = {column: parent_id}
                if child.positioned:
                    extra["position"] = position
                extras.append(extra)
        self._write(child, nested, extras)


def _rows(declared: DatasetType, getters, entries, extras) -> Iterator[dict]:
    """Rows are made as they are used: a large dataset holds a million salary bands."""
    if declared.scalar is not None:
        entries = ({declared.scalar: value} for value in entries)
    if extras is None:
        for entry in entries:
            yield {column: get(entry) for column, get in getters}
    else:
        for entry, extra in zip(entries, extras, strict=True):
            yield {column: get(entry) for column, get in getters} | extra


def _value_getter(field: Value, declared: DatasetType, entries: list[dict]) -> Getter:
    name, default, convert = field.name, field.default, field.convert
    if field.derive is not None:
        by_key = {entry[declared.slug]: entry for entry in entries}
        derive = field.derive
        return lambda entry: derive(entry, by_key)
    if field.default_from is not None:
        default_from = field.default_from
        return lambda entry: entry.get(name) or default_from(entry)
    if field.fallback:
        fallback = field.fallback
        return lambda entry: entry.get(name) or _dig(entry, fallback) or default
    if convert is not None:
        return lambda entry: convert(entry.get(name))
    return lambda entry: entry.get(name, default)


def _range_getters(field: Range) -> Iterable[tuple[str, Getter]]:
    name = field.name
    yield field.min, lambda entry: entry.get(name, {}).get("min")
    yield field.max, lambda entry: entry.get(name, {}).get("max")
    if field.quote:
        yield field.quote, lambda entry: entry.get(name, {}).get("quote", "")
