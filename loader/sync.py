"""Bringing one table in line with the rows a dataset asks for, touching only what changed.

Rows are matched by a natural key (a slug, or parent + position), so loading the same
files twice writes nothing and `updated_at` moves only when a row's content changes (or,
`touch`, what it shows: the change feed). Rows no longer in the dataset are deleted at the
end of the load, children first.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from operator import itemgetter

from django.db import models
from django.db.models import F

from dataset.copying import rows_insert

Key = tuple
PARK_OFFSET = 30000  # positions are small; parked rows sit above any real position
TOUCH_BATCH = MOVED_BATCH = 10_000  # ids per query


@dataclass
class TableSync:
    """What happened to one model during a load: which rows were created, which updated in
    which columns (with their values before and after), which deleted, and which
    many-to-many links came or went. The change feed reads it (`changes.py`)."""

    model: type[models.Model]
    key_fields: tuple[str, ...]
    ids: dict[Key, int] = field(default_factory=dict)
    wanted: set[Key] = field(default_factory=set)
    existing: dict[Key, dict] = field(default_factory=dict)
    created: int = 0
    updated: int = 0
    deleted: int = 0
    created_ids: set[int] = field(default_factory=set)
    changed_columns: dict[int, set[str]] = field(default_factory=dict)
    updated_rows: dict[int, dict] = field(default_factory=dict)
    created_keys: set[Key] = field(default_factory=set)
    updated_keys: set[Key] = field(default_factory=set)
    deleted_keys: set[Key] = field(default_factory=set)
    deleted_rows: list[dict] = field(default_factory=list)
    #: A many-to-many field's name -> the (owner id, target id) links added or removed.
    links_changed: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    _moved: dict[str, set] = field(default_factory=dict, repr=False)

    @property
    def label(self) -> str:
        return str(self.model._meta.verbose_name_plural)

    @property
    def total(self) -> int:
        return len(self.wanted)

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated or self.deleted or self.links_changed)

    def column_values_moved(self, column: str) -> set:
        """The values of `column` (a foreign key) that rows of this load came to hold or
        stopped holding: created and deleted rows', and both values of those that moved.
        What a row pointing there shows gained or lost one of them (a role its band)."""
        found = self._moved.get(column)
        if found is not None:
            return found
        found = {row[column] for row in self.deleted_rows}
        for key in self.updated_keys:
            row_id = self.ids[key]
            if column in self.changed_columns[row_id]:
                found |= {self.existing[key][column], self.updated_rows[row_id][column]}
        created = sorted(self.created_ids)
        for start in range(0, len(created), MOVED_BATCH):
            chosen = self.model.objects.filter(pk__in=created[start : start + MOVED_BATCH])
            found |= set(chosen.values_list(column, flat=True))
        found.discard(None)
        self._moved[column] = found
        return found


def _key_getter(key_fields: tuple[str, ...]) -> Callable[[dict], Key]:
    if len(key_fields) == 1:
        (name,) = key_fields
        return lambda values: (values[name],)
    return itemgetter(*key_fields)


def table_start(model: type[models.Model], key_fields: tuple[str, ...]) -> TableSync:
    """Read the table's current rows once, keyed by natural key.

    `existing` holds each row's content columns (not its id or `updated_at`), so a row the
    dataset leaves unchanged compares equal to it in one dict comparison.
    """
    table = TableSync(model=model, key_fields=key_fields)
    columns = [
        f.attname for f in model._meta.concrete_fields if f.attname not in ("id", "updated_at")
    ]
    key_of = _key_getter(key_fields)
    for row_id, *values in model.objects.values_list("id", *columns):
        row = dict(zip(columns, values, strict=True))
        key = key_of(row)
        table.existing[key] = row
        table.ids[key] = row_id
    return table


def table_upsert(
    table: TableSync, rows: Iterable[dict], *, now: datetime, park_field: str | None = None
) -> None:
    """Create missing rows and update changed ones.

    `park_field` is a column in a per-parent unique constraint that is not part of the key
    (a level's position): rows that move are parked first so a reorder cannot collide.
    """
    model, to_create, to_update = table.model, [], []
    fields: set[str] = set()
    key_of, existing, wanted = _key_getter(table.key_fields), table.existing, table.wanted
    for row in rows:
        key = key_of(row)
        wanted.add(key)
        old = existing.get(key)
        if old is None:
            to_create.append(row)
            table.created_keys.add(key)
            continue
        if old == row:  # the common case of a reload, decided in C
            continue
        changed = {name for name, value in row.items() if old.get(name) != value}
        if changed:
            row_id = table.ids[key]
            fields |= changed
            to_update.append(model(id=row_id, **row, updated_at=now))
            table.changed_columns[row_id] = changed
            table.updated_rows[row_id] = row
            table.updated_keys.add(key)
    if park_field:
        _park(table, to_update, park_field)
    if to_update:
        model.objects.bulk_update(to_update, [*fields, "updated_at"], batch_size=500)
    if to_create:
        ids = rows_insert(model, to_create, now=now)
        for row, row_id in zip(to_create, ids, strict=True):
            table.ids[key_of(row)] = row_id
        table.created_ids.update(ids)
    table.created += len(to_create)
    table.updated += len(to_update)


def _park(table: TableSync, to_update: list[models.Model], park_field: str) -> None:
    """Move the rows that change place, and those about to go, out of the way: each to its
    position plus PARK_OFFSET, unique within its parent as its position was (a list of up to
    2,767 items), in one statement per batch of rows."""
    old = {table.ids[key]: row[park_field] for key, row in table.existing.items()}
    moving = {obj.id for obj in to_update if getattr(obj, park_field) != old[obj.id]}
    stale = {table.ids[key] for key in table.existing.keys() - table.wanted}
    parked = sorted(moving | stale)
    for start in range(0, len(parked), MOVED_BATCH):
        chosen = table.model.objects.filter(id__in=parked[start : start + MOVED_BATCH])
        chosen.update(**{park_field: F(park_field) + PARK_OFFSET})


def table_delete_stale(table: TableSync) -> None:
    """Delete the rows the dataset no longer has (their values are kept for the feed)."""
    stale_keys = table.existing.keys() - table.wanted
    if not stale_keys:
        return
    table.deleted_rows = [table.existing[key] for key in stale_keys]
    table.deleted_keys |= stale_keys
    ids = [table.ids[key] for key in stale_keys]
    self_fk = [
        f.attname
        for f in table.model._meta.concrete_fields
        if f.is_relation and f.related_model is table.model
    ]
    if self_fk:  # unlink first so PROTECT between two stale rows cannot block the delete
        table.model.objects.filter(id__in=ids).update(**{name: None for name in self_fk})
    table.model.objects.filter(id__in=ids).delete()
    table.deleted += len(ids)
    for key in stale_keys:
        del table.ids[key]


def m2m_sync(owner: TableSync, field_name: str, pairs: dict[int, set[int]]) -> None:
    """Make a many-to-many field hold exactly `pairs` (owner id -> target ids); the links
    added and removed are recorded on `owner`."""
    through = owner.model._meta.get_field(field_name).remote_field.through
    own, target = _through_columns(through, owner.model, field_name)
    existing: dict[int, set[int]] = {}
    for owner_id, target_id in through.objects.values_list(own, target):
        existing.setdefault(owner_id, set()).add(target_id)
    new_rows, stale = [], []
    for owner_id in pairs.keys() | existing.keys():
        want, have = pairs.get(owner_id, set()), existing.get(owner_id, set())
        if want == have:
            continue
        new_rows += [{own: owner_id, target: t} for t in want - have]
        stale += [(owner_id, t) for t in have - want]
    rows_insert(through, new_rows, now=None)
    for owner_id, target_id in stale:
        through.objects.filter(**{own: owner_id, target: target_id}).delete()
    changed = {(row[own], row[target]) for row in new_rows} | set(stale)
    if changed:
        owner.links_changed[field_name] = changed


def _through_columns(through, owner_model, field_name: str) -> tuple[str, str]:
    field = owner_model._meta.get_field(field_name)
    own = field.m2m_field_name() + "_id"
    target = field.m2m_reverse_field_name() + "_id"
    return own, target


def touch(model: type[models.Model], ids: set[int], *, now: datetime) -> None:
    """Mark rows as changed because something they show changed."""
    ids = [row_id for row_id in ids if row_id is not None]
    for start in range(0, len(ids), TOUCH_BATCH):
        model.objects.filter(id__in=ids[start : start + TOUCH_BATCH]).update(updated_at=now)
