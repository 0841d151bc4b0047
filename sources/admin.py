"""Admin for the sources.

Read-only, as every dataset admin (`careerapi.admin.DatasetAdmin`): the data is written
only by `manage.py load_dataset`, from the dataset files.
"""

from django.contrib import admin
from django.db import models

from careerapi.admin import DatasetAdmin

from .models import Source


@admin.register(Source)
class SourceAdmin(DatasetAdmin):
    list_display = ("title", "slug", "publisher", "as_of", "file", "updated_at")
    list_filter = ("publisher",)
    search_fields = ("slug", "title", "publisher", "file", "url", "covers")
    ordering = ("slug",)
    # The view-only page still builds the model form; Django 6's default, without a warning.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
