"""Admin base classes for the dataset's models, shared by every dataset app's admin.

The dataset admin is read-only: curators browse, search and filter it, and change the data
by editing the fixture files (under review, the source of truth) and running
`manage.py load_dataset`, the only writer. An edit here would be served stale from the
response caches and then silently undone by the next load, so there is none: no add,
change or delete, for superusers too, inline rows and bulk actions included.
`tests/test_admin.py` checks that every model of the dataset apps is registered with a
`DatasetAdmin`, so a new admin cannot forget.
"""

from django.contrib import admin
from django.contrib.admin.utils import flatten

RelatedOnly = admin.RelatedOnlyFieldListFilter


class ViewOnly:
    """Listed and shown, never added, changed or deleted (a model admin or an inline)."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class DatasetAdmin(ViewOnly, admin.ModelAdmin):
    """Base admin for every model of the dataset apps: browse, search and filter only.

    Without a delete permission the admin offers no "delete selected" action either.
    `updated_at` (when a load last wrote the row) is shown on every change page.
    """

    readonly_fields = ("updated_at",)


class DatasetInlineMixin(ViewOnly):
    """Inline rows, read-only, with no query per row for what a row shows.

    A read-only row shows each foreign key among its fields by the related row's label, so
    those are joined; `row_select_related` names what labels read beyond them (the row's
    own `__str__`, a related role's company).
    """

    row_select_related: tuple[str, ...] = ()

    def get_queryset(self, request):
        shown = set(flatten(self.fields)) if self.fields else None
        joined = [
            field.name
            for field in self.model._meta.concrete_fields
            if field.many_to_one and (shown is None or field.name in shown)
        ]
        return super().get_queryset(request).select_related(*joined, *self.row_select_related)


class DatasetStackedInline(DatasetInlineMixin, admin.StackedInline):
    """A stacked inline for rows with long text."""


class DatasetTabularInline(DatasetInlineMixin, admin.TabularInline):
    """A tabular inline for rows with short text."""
