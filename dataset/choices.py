"""Choices of the dataset app's fields."""

from django.db import models


class ChangeKind(models.TextChoices):
    CREATED = "created", "created"
    UPDATED = "updated", "updated"
    DELETED = "deleted", "deleted"
