"""The record of each dataset load and of what each load changed."""

from django.db import models

from .choices import ChangeKind


class DatasetVersion(models.Model):
    """A load that changed the data: its version, its files' hash, when and what it held.

    The version is chained (`dataset.versions.version_after`), not the files' hash, so one
    version always means the same bytes: loading earlier files again makes a new version
    (the rows' `updated_at` moved), while `content_hash` says which files it holds.
    """

    version = models.CharField(
        max_length=64,
        unique=True,
        help_text="SHA-256 of the previous version and of the files' hash: it names one "
        "load's data, never seen before, even when the files are ones loaded earlier.",
    )
    content_hash = models.CharField(
        max_length=64,
        db_index=True,
        help_text="SHA-256 of the files' names and bytes, as read by the load that made "
        "this version: the same for every load of the same files.",
    )
    loaded_at = models.DateTimeField(db_index=True)
    counts = models.JSONField(default=dict, help_text="Rows per type after the load.")
    files = models.JSONField(default=list, help_text="The files loaded, relative to their root.")

    class Meta:
        ordering = ["-loaded_at"]
        get_latest_by = "loaded_at"

    def __str__(self):
        return f"{self.version[:12]} ({self.loaded_at:%Y-%m-%d %H:%M})"


class Change(models.Model):
    """One item a load created, updated or deleted: a row of the change feed."""

    version = models.ForeignKey(
        DatasetVersion,
        on_delete=models.CASCADE,
        related_name="changes",
        help_text="The dataset version the load made current.",
    )
    loaded_at = models.DateTimeField(help_text="When the load that made the change ran.")
    type = models.CharField(max_length=40, help_text="The API collection, e.g. salary-bands.")
    slug = models.CharField(max_length=120, help_text="The item's slug (a currency's code).")
    kind = models.CharField(max_length=10, choices=ChangeKind.choices)

    class Meta:
        ordering = ["loaded_at", "id"]
        indexes = [models.Index(fields=["loaded_at", "id"], name="dataset_change_feed")]

    def __str__(self):
        return f"{self.type}/{self.slug} {self.kind}"


class Rendering(models.Model):
    """An API item's JSON as a list (or its page) shows it, rendered when the dataset was
    loaded.

    Lists of items with nested data (a role and its skills) cost most in building model
    instances and running serializer fields; the data only changes when a dataset loads, so
    each load renders every item once and a list is an indexed query plus concatenation.
    """

    collection = models.CharField(max_length=40, help_text="The API collection, e.g. roles.")
    object_id = models.BigIntegerField()
    body = models.TextField(help_text="The item's JSON, exactly as the API serializes it.")
    release = models.CharField(
        max_length=16,
        default="",
        help_text="The release of the code that rendered it (careerapi.release): another "
        "release's JSON may have another shape, and is rendered again.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "object_id"], name="rendering_unique_item"
            )
        ]

    def __str__(self):
        return f"{self.collection}/{self.object_id}"
