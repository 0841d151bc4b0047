"""Model building blocks shared by every app."""

from django.core.validators import MaxValueValidator
from django.db import models
from django.utils import timezone


def derived_from(*columns: str):
    """A model property computed from the row's own `columns` (`@derived_from("title")`).

    Whatever shows the property changes when one of them does: the change feed reads them.
    """

    def decorate(fget):
        fget.columns = columns
        return property(fget)

    return decorate


class SmallCountField(models.PositiveSmallIntegerField):
    """A small count, range end or position (years, rounds, weeks).

    Its upper limit is stated so validation and the OpenAPI schema are the same on every
    database: SQLite would otherwise report a 64-bit maximum and PostgreSQL 32767.
    """

    default_validators = [MaxValueValidator(32767)]


class CountField(models.PositiveIntegerField):
    """A count or a code (employment, a task's id): up to 2,147,483,647 on every database,
    stated for the same reason as SmallCountField's limit."""

    default_validators = [MaxValueValidator(2147483647)]


class DatasetModel(models.Model):
    """A row written only by the dataset loader.

    `updated_at` is set by the loader when the row's content really changes (not on every
    save), so clients can sync with `updated_since`.
    """

    updated_at = models.DateTimeField(default=timezone.now, db_index=True, editable=False)

    class Meta:
        abstract = True


class OrderedChild(DatasetModel):
    """A row that belongs to a parent and keeps the order the source gives."""

    position = SmallCountField(help_text="1-based order within the parent.")

    class Meta:
        abstract = True
        ordering = ["position"]
