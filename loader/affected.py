"""Which API documents a load changed: the rows it wrote, and the documents that show them.

A document's JSON changes when a row it shows changes in a column it shows, or when a row
joins or leaves a list it shows (`documents.py` reads both from its serializer). For every
document type, in the order `documents()` gives (a level before the ladder that shows its
`updated_at`), this finds the documents the load changed without writing their rows, moves
their `updated_at` (so `updated_since` finds them and their JSON says so), and returns them
with those whose rows it wrote, for the change feed.
"""

from datetime import datetime

from django.db import models

from .documents import Document, Embedded, Link, documents
from .sync import TableSync, touch

BATCH = 10_000  # ids per query


def documents_updated(*, tables: list[TableSync], now: datetime) -> dict[type, set[int]]:
    """Each document model -> the ids of its documents the load updated (not created)."""
    by_model = {table.model: table for table in tables}
    updated: dict[type, set[int]] = {}
    for document in documents():
        table = by_model.get(document.model)
        if table is None:
            continue
        own = set(table.changed_columns)
        if len(table.created_ids) == table.total:  # a first load: every document is new
            updated[document.model] = own
            continue
        shown = set()
        for embedded in document.embedded:
            if embedded.lookup:
                shown |= _reached(document, embedded, by_model, updated)
        shown -= table.created_ids | own
        touch(document.model, shown, now=now)
        updated[document.model] = own | shown
    return updated


def _reached(document: Document, embedded: Embedded, by_model: dict, updated: dict) -> set[int]:
    """The documents whose `embedded` rows the load changed in what they show."""
    found = set()
    rows = by_model.get(embedded.model)
    if rows is not None:
        columns = embedded.columns
        seeds = {row_id for row_id, changed in rows.changed_columns.items() if changed & columns}
        if "updated_at" in columns:  # it moved with every change, and where rows were touched
            seeds |= set(rows.changed_columns) | updated.get(embedded.model, set())
        if embedded.where is not None:
            seeds = _matching(embedded.model, seeds, embedded.where)
        found |= _documents(document.model, embedded.lookup, seeds)
    if embedded.link is not None:
        linked = _linked(embedded.link, embedded, by_model)
        found |= _documents(document.model, embedded.link.prefix, linked)
    return found


def _linked(link: Link, embedded: Embedded, by_model: dict) -> set[int]:
    """The rows before `embedded`'s (at `link.prefix`) that gained or lost one of them."""
    if link.field is not None:  # a many-to-many link, recorded on the field's model
        table = by_model.get(link.model)
        pairs = table.links_changed.get(link.field, set()) if table is not None else set()
        return {owner if link.forward else target for owner, target in pairs}
    rows = by_model.get(embedded.model)
    return set() if rows is None else rows.column_values_moved(link.column)


def _matching(model: type[models.Model], ids: set[int], where: dict) -> set[int]:
    """The rows among `ids` that match `where`."""
    found: set[int] = set()
    ids = sorted(ids)
    for start in range(0, len(ids), BATCH):
        chosen = model.objects.filter(pk__in=ids[start : start + BATCH], **where)
        found |= set(chosen.order_by().values_list("pk", flat=True))
    return found


def _documents(model: type[models.Model], lookup: str, ids: set[int]) -> set[int]:
    """The ids of the `model` rows that reach any of the rows `ids` by `lookup`."""
    found: set[int] = set()
    ids = sorted(ids)
    path = f"{lookup}__in" if lookup else "pk__in"
    for start in range(0, len(ids), BATCH):
        chosen = model.objects.filter(**{path: ids[start : start + BATCH]})
        found |= set(chosen.order_by().values_list("pk", flat=True).distinct())
    return found
