"""Admin for the dataset app: the record of each load and what it changed, view only.

The data is written only by `manage.py load_dataset` from the files in `fixtures/`, and
each load that changes it records a `DatasetVersion`. Versions are history, so the admin
can list and show them but never add, change or delete one; the same goes for the JSON
each load renders for the lists (`Rendering`), as for every dataset row (`careerapi.admin`).
"""

from django.contrib import admin

from careerapi.admin import DatasetAdmin

from .models import Change, DatasetVersion, Rendering


@admin.register(DatasetVersion)
class DatasetVersionAdmin(DatasetAdmin):
    list_display = ("version", "content_hash", "loaded_at", "file_count", "row_count")
    search_fields = ("version", "content_hash")
    date_hierarchy = "loaded_at"
    ordering = ("-loaded_at",)
    fields = ("version", "content_hash", "loaded_at", "counts", "files")
    readonly_fields = fields

    @admin.display(description="files")
    def file_count(self, obj: DatasetVersion) -> int:
        return len(obj.files)

    @admin.display(description="rows")
    def row_count(self, obj: DatasetVersion) -> int:
        return sum(obj.counts.values())


@admin.register(Change)
class ChangeAdmin(DatasetAdmin):
    list_display = ("type", "slug", "kind", "version", "loaded_at")
    list_filter = ("kind", "type")
    search_fields = ("slug", "type", "version__version")
    date_hierarchy = "loaded_at"
    list_select_related = ("version",)
    fields = ("type", "slug", "kind", "version", "loaded_at")
    readonly_fields = fields


@admin.register(Rendering)
class RenderingAdmin(DatasetAdmin):
    list_display = ("collection", "object_id")
    list_filter = ("collection",)
    search_fields = ("body",)
    fields = ("collection", "object_id", "body")
    readonly_fields = fields
