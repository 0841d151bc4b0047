"""The search index: what `search=`, suggestions and title matching read.

Written by each load (`search.indexing.search_index_rebuild`) in the load's transaction,
after the rows it describes, so it always matches the data a reader sees. On PostgreSQL
`vector` holds the words as a tsvector (GIN index); on SQLite an FTS5 table mirrors the
text columns. Triggers keep either in step with the text columns (migration 0001); on
SQLite `vector` stays empty.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchDocument(models.Model):
    """One item's words for `search=`, folded (`search.folding`), by weight."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.BigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    title = models.TextField(help_text="The words that name the item (relevance weight A).")
    names = models.TextField(help_text="Names of what it belongs to or needs (weight B).")
    body = models.TextField(help_text="Its descriptive text (weight C).")
    vector = SearchVectorField(
        null=True, help_text="PostgreSQL: the weighted tsvector (a trigger writes it)."
    )

    class Meta:
        indexes = [models.Index(fields=["content_type", "object_id"], name="search_document_item")]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}"


class SearchName(models.Model):
    """One name of an item (its own, or an alias or alternate title), for suggestions,
    "did you mean" and title matching."""

    type = models.CharField(max_length=20, help_text="The item's type: skill, role ...")
    object_id = models.BigIntegerField()
    key = models.CharField(max_length=120, help_text="The item's slug or code.")
    name = models.CharField(max_length=300, help_text="The item's own name.")
    title = models.CharField(max_length=300, help_text="This name, as the data writes it.")
    kind = models.CharField(max_length=20, help_text="name, or the kind of alias.")
    folded = models.CharField(max_length=300, help_text="This name's folded words.")
    vector = SearchVectorField(
        null=True, help_text="PostgreSQL: the words, unstemmed (a trigger writes it)."
    )

    class Meta:
        indexes = [models.Index(fields=["type", "folded"], name="search_name_type")]

    def __str__(self):
        return f"{self.type}/{self.key}: {self.title}"
