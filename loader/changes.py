"""The change feed: which API items each load created, updated or deleted.

A load's `TableSync` results already say which rows it created, updated and deleted, by
natural key. Items are what the API serves at `/api/v1/<type>/<slug>/`: a change in a row an
item owns (a role's content, a process's stages, a currency's exchange rates) or in one of
its many-to-many links makes the item "updated".
"""

import re
from collections import defaultdict
from datetime import datetime

from django.db.models import QuerySet

from compensation.models import Currency, Region, SalaryBand
from dataset.choices import ChangeKind
from dataset.models import Change, DatasetVersion
from interviews.models import Competency, InterviewProcess, Question, Topic
from roles.models import Company, Family, Ladder, Level, Role, Skill, Source

from .copying import rows_insert
from .reading import gc_paused
from .sync import TableSync

# Every model served as an API item, and its collection; in dependency order.
CHANGE_TYPES = {
    Source: "sources",
    Family: "families",
    Company: "companies",
    Skill: "skills",
    Role: "roles",
    Ladder: "ladders",
    Level: "levels",
    Currency: "currencies",
    Region: "regions",
    SalaryBand: "salary-bands",
    Competency: "competencies",
    Topic: "topics",
    InterviewProcess: "interview-processes",
    Question: "questions",
}

VERSION_PATTERN = re.compile(r"^[0-9a-f]{64}$")


class UnknownVersion(ValueError):
    """`since` names no dataset version this database has loaded."""


def changes_collect(*, tables: list[TableSync]) -> list[tuple[str, str, str]]:
    """(type, slug, kind) for every API item the load that produced `tables` changed."""
    touched: dict[type, set[int]] = defaultdict(set)  # owner model -> ids its children moved
    for table in tables:
        if table.owner is not None:
            touched[table.owner.model] |= table.parent_ids
    by_model = {table.model: table for table in tables}
    changes = []
    for model, type_name in CHANGE_TYPES.items():
        table = by_model.get(model)
        if table is None:
            continue
        # Created rows are reported as created only: leave them out before mapping ids to
        # keys, which on a first load spares a reverse map of a million ids.
        owners = (table.changed_ids | touched[model]) - table.created_ids
        updated = set(table.updated_keys)
        if owners:
            key_of = {row_id: key for key, row_id in table.ids.items()}
            updated |= {key_of[row_id] for row_id in owners if row_id in key_of}
        updated -= table.created_keys | table.deleted_keys
        for kind, keys in (
            (ChangeKind.CREATED, table.created_keys),
            (ChangeKind.UPDATED, updated),
            (ChangeKind.DELETED, table.deleted_keys),
        ):
            changes += [(type_name, key[0], kind.value) for key in sorted(keys)]
    return changes


def changes_record(*, version: DatasetVersion, loaded_at: datetime, tables: list[TableSync]) -> int:
    """Store what a load changed, under the version it made current; return how many."""
    with gc_paused():
        rows = [
            {"version_id": version.id, "loaded_at": loaded_at, "type": t, "slug": s, "kind": k}
            for t, s, k in changes_collect(tables=tables)
        ]
        rows_insert(Change, rows, now=None, ids=False)
    return len(rows)


def changes_since(*, since: str | None) -> QuerySet[Change]:
    """The changes of every load after the one that made `since` current, in load order.

    Without `since`, every change ever recorded. Raises `UnknownVersion` when `since` is
    not a version this database has loaded.
    """
    changes = Change.objects.select_related("version").order_by("loaded_at", "id")
    if since is None:
        return changes
    if not VERSION_PATTERN.match(since):
        raise UnknownVersion(
            "not a dataset version: give the 64 lowercase hexadecimal characters of a "
            "`version` from /api/v1/dataset/ or from this feed."
        )
    version = DatasetVersion.objects.filter(version=since).first()
    if version is None:
        raise UnknownVersion(
            f"no dataset version {since[:12]}… was loaded here; start again without `since` "
            "(or from a bulk export)."
        )
    return changes.filter(loaded_at__gt=version.loaded_at)
