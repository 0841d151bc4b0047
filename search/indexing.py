"""Writing the search index: every searchable item's document and names, once per load.

Called by the loader inside the load's transaction, after its writes, so `search=`,
suggestions and title matching always read the rows a reader sees.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from dataset.copying import rows_insert

from .declaring import Searchable, searchable_models
from .folding import index_text
from .models import SearchDocument, SearchName

_PARTS = ("title", "names", "body")


def search_index_rebuild() -> int:
    """Index every searchable item again; return how many documents and names."""
    SearchDocument.objects.all().delete()
    SearchName.objects.all().delete()
    total = 0
    for model in searchable_models():
        declared: Searchable = model.searchable
        if declared.has_document:
            total += _documents_write(model, declared)
        if declared.suggested:
            total += _names_write(model, declared)
    return total


def search_index_missing() -> bool:
    """True when items exist that the index does not hold (e.g. a database loaded before
    the index existed)."""
    if SearchName.objects.exists():
        return False
    return any(
        model._default_manager.exists()
        for model in searchable_models()
        if model.searchable.suggested
    )


def _values(model, path: str):
    return model._default_manager.order_by().values_list("pk", path).iterator(chunk_size=5000)


def _documents_write(model: type[models.Model], declared: Searchable) -> int:
    # Every item gets a document, words or none.
    pks = model._default_manager.order_by("pk").values_list("pk", flat=True)
    parts = {pk: {part: [] for part in _PARTS} for pk in pks}
    for part in _PARTS:
        for path in getattr(declared, part):
            for pk, value in _values(model, path):
                if value:
                    parts[pk][part].append(str(value))
    content_type = ContentType.objects.get_for_model(model)
    documents = [
        dict(
            content_type_id=content_type.pk,
            object_id=pk,
            **{
                part: index_text(dict.fromkeys(texts[part]), once=part == "title")
                for part in _PARTS
            },
        )
        for pk, texts in parts.items()
    ]
    return _insert(SearchDocument, documents)


def _names_write(model: type[models.Model], declared: Searchable) -> int:
    fields = ("pk", declared.key, declared.label)
    own = {pk: (key, label) for pk, key, label in model._default_manager.values_list(*fields)}
    names = [
        dict(
            type=declared.type,
            object_id=pk,
            key=key,
            name=label,
            title=label,
            kind="name",
            folded=index_text([label])[:300],
        )
        for pk, (key, label) in own.items()
    ]
    for path, kind in declared.aliases:
        seen = set()
        for pk, title in _values(model, path):
            if not title or (pk, title) in seen or title == own[pk][1]:
                continue
            seen.add((pk, title))
            key, label = own[pk]
            names.append(
                dict(
                    type=declared.type,
                    object_id=pk,
                    key=key,
                    name=label,
                    title=title[:300],
                    kind=kind,
                    folded=index_text([title])[:300],
                )
            )
    return _insert(SearchName, names)


def _insert(model, rows: list[dict]) -> int:
    rows_insert(model, rows, now=None, ids=False)
    return len(rows)
