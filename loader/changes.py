"""The change feed: which API items each load created, updated or deleted.

Items are what the API serves at `/api/v1/<type>/<slug>/`. A load's `TableSync` results say
which rows it created, updated and deleted, by natural key; an item is "updated" when its
JSON changed: a change in a row it shows, in what it shows of it (`affected.py`).
"""

import re
from datetime import datetime

from django.db.models import QuerySet

from dataset.choices import ChangeKind
from dataset.copying import rows_insert
from dataset.models import Change, DatasetVersion

from .reading import gc_paused
from .sync import TableSync
from .types import nested

# Every model served as an API item, and its collection; in dependency order.
CHANGE_TYPES = {t.model: t.collection for t in nested() if t.collection}

#: A version or the start of one, at least `VERSION_PREFIX_MIN` hexadecimal characters (in
#: any case): `load_dataset` prints whole versions, the admin and logs their first 12.
VERSION_PREFIX_MIN = 8
VERSION_PATTERN = re.compile(rf"^[0-9a-f]{{{VERSION_PREFIX_MIN},64}}$")


class UnknownVersion(ValueError):
    """`since` names no dataset version this database has loaded."""


def changes_collect(
    *, tables: list[TableSync], updated: dict[type, set[int]]
) -> list[tuple[str, str, str]]:
    """(type, slug, kind) for every API item the load created, updated or deleted;
    `updated`: the ids of the documents it updated, by model (`documents_updated`)."""
    by_model = {table.model: table for table in tables}
    changes = []
    for model, type_name in CHANGE_TYPES.items():
        table = by_model.get(model)
        if table is None:
            continue
        updated_keys = set()
        ids = updated.get(model, set()) - table.created_ids
        if ids:
            key_of = {row_id: key for key, row_id in table.ids.items()}
            updated_keys = {key_of[row_id] for row_id in ids if row_id in key_of}
        for kind, keys in (
            (ChangeKind.CREATED, table.created_keys),
            (ChangeKind.UPDATED, updated_keys),
            (ChangeKind.DELETED, table.deleted_keys),
        ):
            changes += [(type_name, key[0], kind.value) for key in sorted(keys)]
    return changes


def changes_record(
    *,
    version: DatasetVersion,
    loaded_at: datetime,
    tables: list[TableSync],
    updated: dict[type, set[int]],
) -> int:
    """Store what a load changed, under the version it made current; return how many."""
    with gc_paused():
        rows = [
            {"version_id": version.id, "loaded_at": loaded_at, "type": t, "slug": s, "kind": k}
            for t, s, k in changes_collect(tables=tables, updated=updated)
        ]
        rows_insert(Change, rows, now=None, ids=False)
    return len(rows)


def changes_since(*, since: DatasetVersion | None) -> QuerySet[Change]:
    """The changes of every load after the one that made `since` current, in load order;
    without `since`, every change ever recorded."""
    changes = Change.objects.select_related("version").order_by("loaded_at", "id")
    if since is None:
        return changes
    return changes.filter(loaded_at__gt=since.loaded_at)


def version_find(*, since: str) -> DatasetVersion:
    """The dataset version `since` names: the whole version or a unique start of it, in any
    case. Raises `UnknownVersion` when it names none, or more than one."""
    prefix = since.lower()
    if not VERSION_PATTERN.match(prefix):
        raise UnknownVersion(
            "not a dataset version: give a `version` from /api/v1/dataset/ or from this feed "
            f"(64 hexadecimal characters), or its first {VERSION_PREFIX_MIN} or more."
        )
    if len(prefix) == 64:
        found = list(DatasetVersion.objects.filter(version=prefix))
    else:
        found = list(DatasetVersion.objects.filter(version__startswith=prefix)[:2])
    if len(found) > 1:
        raise UnknownVersion(
            f"{since} is the start of more than one dataset version; give more of it."
        )
    if not found:
        raise UnknownVersion(
            f"no dataset version {since[:12]}… was loaded here; start again without `since` "
            "(or from a bulk export)."
        )
    return found[0]
