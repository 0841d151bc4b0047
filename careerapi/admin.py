"""Admin base classes for the rows the dataset loader writes, shared by every app's admin."""

from django.contrib import admin
from django.db import models
from django.forms import Textarea

RelatedOnly = admin.RelatedOnlyFieldListFilter


class DatasetAdmin(admin.ModelAdmin):
    """Base admin for loader-written rows: `updated_at` is shown but never edited."""

    readonly_fields = ("updated_at",)


class DatasetInlineMixin:
    """Inline defaults: no blank rows, and no query per row for its label or source.

    `row_select_related` names what a row's label (`__str__`) reads; the `source` choices,
    a short list, are loaded once per formset instead of once per row.
    """

    extra = 0
    row_select_related: tuple[str, ...] = ()

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        return (
            queryset.select_related(*self.row_select_related)
            if self.row_select_related
            else queryset
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        field = super().formfield_for_foreignkey(db_field, request, **kwargs)
        if db_field.name == "source" and db_field.name not in self.autocomplete_fields:
            field.choices = list(field.choices)
        return field


class DatasetStackedInline(DatasetInlineMixin, admin.StackedInline):
    """A stacked inline for rows with long text."""


class DatasetTabularInline(DatasetInlineMixin, admin.TabularInline):
    """A tabular inline with short text areas, so a row fits a line."""

    formfield_overrides = {models.TextField: {"widget": Textarea(attrs={"rows": 2, "cols": 40})}}


class ViewOnlyAdmin(admin.ModelAdmin):
    """Listed and shown, never added, changed or deleted: only a load writes these."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
