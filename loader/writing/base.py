"""The state and helpers the per-app writers share, and the order of a whole write."""

from datetime import date, datetime
from decimal import Decimal

from ..reading import Dataset, gc_paused
from ..sync import TableSync, table_delete_stale, table_start, table_upsert, touch


def as_decimal(value: float | int | None) -> Decimal | None:
    """The number as written in the file: a float through its shortest text, 0.1 not 0.1000…"""
    if value is None:
        return None
    return Decimal(value) if type(value) is int else Decimal(str(value))


def as_date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _depth(items: list[dict], key: str = "slug") -> dict[str, int]:
    """How far each entry of a tree is from its root (validation has ruled out loops)."""
    parents = {item[key]: item.get("parent") for item in items}
    depth: dict[str, int] = {}
    for slug in parents:
        node, steps = slug, 0
        while parents.get(node):
            node, steps = parents[node], steps + 1
        depth[slug] = steps
    return depth


class WriterBase:
    """Shared state and helpers of the per-app writers."""

    def __init__(self, dataset: Dataset, *, now: datetime):
        self.data = {
            name: [item.data for item in items] for name, items in dataset.collections.items()
        }
        self.now = now
        self.tables: list[TableSync] = []

    def _start(self, model, key_fields) -> TableSync:
        table = table_start(model, key_fields)
        self.tables.append(table)
        return table

    def _id(self, table: TableSync, key: str | None) -> int | None:
        return None if key is None else table.ids[(key,)]

    def _children(
        self,
        model,
        owner: TableSync,
        parent_field: str,
        rows: list[dict],
        key_fields: tuple[str, ...],
        park_field: str | None = None,
    ) -> TableSync:
        table = self._start(model, key_fields)
        table.owner, table.parent_field = owner, parent_field
        table_upsert(table, rows, now=self.now, parent_field=parent_field, park_field=park_field)
        return table

    def _tree(self, model, collection: str, row) -> TableSync:
        """Write a self-referencing table root first, so every parent exists before its child."""
        table = self._start(model, ("slug",))
        items = self.data.get(collection, [])
        depth = _depth(items)
        for level in sorted(set(depth.values())):
            rows = [row(item, table) for item in items if depth[item["slug"]] == level]
            table_upsert(table, rows, now=self.now)
        return table

    def write(self) -> list[TableSync]:
        with gc_paused():
            return self._write()

    def _write(self) -> list[TableSync]:
        self._write_roles_app()
        self._write_compensation_app()
        self._write_interviews_app()
        for table in reversed(self.tables):
            table_delete_stale(table, parent_field=table.parent_field)
        for table in self.tables:
            if table.owner is not None:
                touch(table.owner.model, table.parent_ids - table.owner.changed_ids, now=self.now)
        return self.tables
