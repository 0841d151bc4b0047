"""The bulk export: the whole dataset as NDJSON, in the API's shapes and slugs.

    {"type": "dataset", "version": "…", "loaded_at": "…", "counts": {"sources": 4, …}}
    {"type": "sources", "slug": "…", "data": {…the API's detail representation…}}
    …
    {"type": "checksum", "sha256": "<hex SHA-256 of every line above, newlines included>"}

Items come type by type in dependency order (what an item refers to comes first), each type
ordered by slug (currencies by code). The querysets and serializers are the API's own
detail ones, taken from the viewsets, so an exported item is exactly what
`GET /api/v1/<type>/<slug>/` returns. Rows are read in chunks, each chunk with its
prefetches, so memory stays bounded and the number of queries does not grow with each item.
A type whose list or detail is written from rows (a `RowList` or `RowDetail` viewset:
rates, bands, questions, market pay, occupations) is exported so too, by the serializer's
own fields: the ECB's rates alone are 187,208 items, BLS's market pay 236,799, which model
instances and serializer fields would take minutes to write.
"""

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass

from rest_framework import serializers
from rest_framework.utils.encoders import JSONEncoder

from careerapi.api.rows import RowWriter
from careerapi.api.views import RowDetail, RowList
from careerapi.heartbeat import heartbeat
from dataset.versions import dataset_snapshot

from .types import nested

NDJSON_CONTENT_TYPE = "application/x-ndjson"
EXPORT_CHUNK_SIZE = 500


@dataclass(frozen=True)
class ExportType:
    """One API collection in the export: its name, its viewset and the field items go by."""

    name: str
    viewset: type
    key: str = "slug"

    @property
    def rows(self) -> bool:
        """Whether its items are written from rows, as its list or its detail is."""
        return issubclass(self.viewset, RowList | RowDetail)

    def detail(self):
        """The viewset's detail queryset (ordered by key) and serializer class."""
        view = self.viewset(action="retrieve", request=None, format_kwarg=None, kwargs={})
        return view.get_queryset().order_by(self.key), view.get_serializer_class()


# Every type the API serves, in dependency order: an item comes after what it refers to.
EXPORT_TYPES = [ExportType(t.collection, t.viewset, t.slug) for t in nested() if t.collection]


def export_line(obj: dict) -> bytes:
    """One NDJSON line, encoded as the API's JSON renderer encodes a response."""
    text = json.dumps(obj, cls=JSONEncoder, ensure_ascii=False, separators=(",", ":"))
    return text.encode() + b"\n"


def dataset_export() -> Iterator[bytes]:
    """The current dataset as NDJSON lines: header, one line per item, checksum.

    The caller checks first that a dataset is loaded (`dataset_version_current()`).
    """
    digest = hashlib.sha256()

    def emit(obj: dict) -> bytes:
        line = export_line(obj)
        digest.update(line)
        return line

    # Read from one consistent state, even if a load commits meanwhile.
    with dataset_snapshot() as dataset:
        details = [(export_type, *export_type.detail()) for export_type in EXPORT_TYPES]
        yield emit(
            {
                "type": "dataset",
                "version": dataset.version,
                "loaded_at": serializers.DateTimeField().to_representation(dataset.loaded_at),
                "counts": {t.name: queryset.count() for t, queryset, _ in details},
            }
        )
        # What the serializers read per dataset is read for the version of this snapshot.
        context = {"request": None, "view": None, "conversion": None, "dataset": dataset}
        for export_type, queryset, serializer_class in details:
            for data in _items(queryset, serializer_class, context, rows=export_type.rows):
                yield emit({"type": export_type.name, "slug": data[export_type.key], "data": data})
    yield export_line({"type": "checksum", "sha256": digest.hexdigest()})


def _items(queryset, serializer_class, context: dict, *, rows: bool) -> Iterator[dict]:
    """Every item of the queryset as the serializer writes it, from rows or instances."""
    if not rows:
        for number, obj in enumerate(queryset.iterator(chunk_size=EXPORT_CHUNK_SIZE), start=1):
            yield serializer_class(obj, context=context).data
            if number % EXPORT_CHUNK_SIZE == 0:
                heartbeat()
        return
    writer = RowWriter(serializer_class(context=context), queryset=queryset)
    chunk: list[dict] = []
    for row in writer.rows(queryset).iterator(chunk_size=EXPORT_CHUNK_SIZE):
        chunk.append(row)
        if len(chunk) == EXPORT_CHUNK_SIZE:
            yield from writer.write_many(chunk)
            heartbeat()  # a long export is progress, not a stuck worker
            chunk = []
    yield from writer.write_many(chunk)
