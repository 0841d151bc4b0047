"""Admin for the search index, view only: what a load indexed, to see why an item matches."""

from django.contrib import admin

from careerapi.admin import DatasetAdmin

from .models import SearchDocument, SearchName


@admin.register(SearchDocument)
class SearchDocumentAdmin(DatasetAdmin):
    list_display = ("content_type", "object_id", "title")
    list_filter = ("content_type",)
    list_select_related = ("content_type",)
    search_fields = ("title",)
    fields = ("content_type", "object_id", "title", "names", "body")
    readonly_fields = fields


@admin.register(SearchName)
class SearchNameAdmin(DatasetAdmin):
    list_display = ("type", "key", "title", "kind")
    list_filter = ("type", "kind")
    search_fields = ("folded",)
    fields = ("type", "key", "name", "title", "kind", "folded")
    readonly_fields = fields
