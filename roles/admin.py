"""Admin for the roles app: sources, companies, skills, roles and career ladders.

The data is normally written by `manage.py load_dataset` from the files in `fixtures/`.
The loader makes the database hold exactly what those files say, so an edit made here is
overwritten (and a row added here is removed) on the next load: for a lasting change, edit
the fixture files. The admin is for looking things up and for quick fixes between loads.

`DatasetAdmin` and the inline bases are shared with the compensation and interviews admins.
"""

from django.contrib import admin
from django.db import models
from django.forms import Textarea

from .models import (
    Company,
    CompanyStatistic,
    Family,
    Ladder,
    Level,
    RelatedRole,
    Role,
    RoleContent,
    RoleSkill,
    RoleStatistic,
    Skill,
    SkillAlias,
    Source,
)

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


STATISTIC_FIELDS = (
    ("position", "kind"),
    ("value", "value_max", "unit"),
    ("approximate", "open_ended"),
    "basis",
    "period",
    "quote",
    "interpretation",
    "source",
)


class StatisticAdmin(DatasetAdmin):
    """Shared columns of company and role statistics."""

    list_filter = ("kind", ("source", RelatedOnly))
    autocomplete_fields = ("source",)


@admin.register(Source)
class SourceAdmin(DatasetAdmin):
    list_display = ("title", "slug", "publisher", "as_of", "file", "updated_at")
    list_filter = ("publisher",)
    search_fields = ("slug", "title", "publisher", "file", "url", "covers")
    ordering = ("slug",)
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Family)
class FamilyAdmin(DatasetAdmin):
    list_display = ("name", "slug", "updated_at")
    search_fields = ("slug", "name", "description")
    ordering = ("name",)


class CompanyStatisticInline(DatasetStackedInline):
    model = CompanyStatistic
    fields = STATISTIC_FIELDS


@admin.register(Company)
class CompanyAdmin(DatasetAdmin):
    list_display = ("name", "slug", "kind", "parent", "updated_at")
    list_filter = ("kind",)
    list_select_related = ("parent",)
    search_fields = ("slug", "name", "parent__name", "description")
    ordering = ("name",)
    autocomplete_fields = ("parent", "sources")
    inlines = (CompanyStatisticInline,)


@admin.register(CompanyStatistic)
class CompanyStatisticAdmin(StatisticAdmin):
    list_display = ("company", "position", "kind", "value", "value_max", "unit", "period", "source")
    list_filter = ("kind", ("company", RelatedOnly), ("source", RelatedOnly))
    list_select_related = ("company", "source")
    search_fields = ("company__slug", "company__name", "basis", "period", "quote")
    ordering = ("company__name", "position")
    autocomplete_fields = ("company", "source")


class SkillAliasInline(DatasetTabularInline):
    model = SkillAlias


@admin.register(Skill)
class SkillAdmin(DatasetAdmin):
    list_display = ("name", "slug", "category", "updated_at")
    list_filter = ("category",)
    search_fields = ("slug", "name", "aliases__name", "description")
    ordering = ("name",)
    inlines = (SkillAliasInline,)


@admin.register(SkillAlias)
class SkillAliasAdmin(DatasetAdmin):
    list_display = ("name", "skill", "updated_at")
    list_filter = ("skill__category",)
    list_select_related = ("skill",)
    search_fields = ("name", "skill__slug", "skill__name")
    ordering = ("name",)
    autocomplete_fields = ("skill",)


class RoleSkillInline(DatasetTabularInline):
    model = RoleSkill
    fields = ("skill", "importance", "quote", "source")
    autocomplete_fields = ("skill",)
    row_select_related = ("role__company", "skill")


class RoleStatisticInline(DatasetStackedInline):
    model = RoleStatistic
    fields = STATISTIC_FIELDS


class RoleContentInline(DatasetStackedInline):
    model = RoleContent
    fields = (("position", "kind"), "title", "body", "source")
    row_select_related = ("role__company",)


class RelatedRoleInline(DatasetTabularInline):
    model = RelatedRole
    fk_name = "role"
    fields = ("position", "name", "related_role", "description", "source")
    autocomplete_fields = ("related_role",)
    row_select_related = ("role__company",)


@admin.register(Role)
class RoleAdmin(DatasetAdmin):
    list_display = (
        "title",
        "slug",
        "family",
        "company",
        "experience_years_min",
        "experience_years_max",
        "source",
        "updated_at",
    )
    list_filter = ("family", ("company", RelatedOnly), ("source", RelatedOnly))
    list_select_related = ("family", "company", "source")
    search_fields = ("slug", "title", "summary", "family__name", "company__name")
    ordering = ("title", "slug")
    autocomplete_fields = ("family", "company", "source")
    inlines = (RoleSkillInline, RoleStatisticInline, RoleContentInline, RelatedRoleInline)


@admin.register(RoleStatistic)
class RoleStatisticAdmin(StatisticAdmin):
    list_display = ("role", "position", "kind", "value", "value_max", "unit", "period", "source")
    list_select_related = ("role__company", "source")
    search_fields = ("role__slug", "role__title", "basis", "period", "quote")
    ordering = ("role__title", "position")
    autocomplete_fields = ("role", "source")


@admin.register(RoleSkill)
class RoleSkillAdmin(DatasetAdmin):
    list_display = ("role", "skill", "importance", "source", "updated_at")
    list_filter = ("importance", "skill__category", ("source", RelatedOnly))
    list_select_related = ("role__company", "skill", "source")
    search_fields = ("role__slug", "role__title", "skill__slug", "skill__name", "quote")
    ordering = ("role__title", "skill__name")
    autocomplete_fields = ("role", "skill", "source")


@admin.register(RoleContent)
class RoleContentAdmin(DatasetAdmin):
    list_display = ("role", "position", "kind", "title", "source", "updated_at")
    list_filter = ("kind", ("source", RelatedOnly))
    list_select_related = ("role__company", "source")
    search_fields = ("role__slug", "role__title", "title", "body")
    ordering = ("role__title", "position")
    autocomplete_fields = ("role", "source")


@admin.register(RelatedRole)
class RelatedRoleAdmin(DatasetAdmin):
    list_display = ("role", "position", "name", "related_role", "source", "updated_at")
    list_filter = (("source", RelatedOnly),)
    list_select_related = ("role__company", "related_role__company", "source")
    search_fields = ("role__slug", "role__title", "name", "related_role__title", "description")
    ordering = ("role__title", "position")
    autocomplete_fields = ("role", "related_role", "source")


class LevelInline(DatasetStackedInline):
    model = Level
    fields = (
        ("position", "slug"),
        ("name", "code"),
        ("years_min", "years_max"),
        "years_quote",
        "scope",
        "focus_areas",
        "quote",
    )


@admin.register(Ladder)
class LadderAdmin(DatasetAdmin):
    list_display = ("name", "slug", "company", "role", "source", "updated_at")
    list_filter = (("company", RelatedOnly), ("source", RelatedOnly))
    list_select_related = ("company", "role__company", "source")
    search_fields = ("slug", "name", "company__name", "role__title", "description")
    ordering = ("name",)
    autocomplete_fields = ("company", "role", "source")
    inlines = (LevelInline,)


@admin.register(Level)
class LevelAdmin(DatasetAdmin):
    list_display = ("name", "code", "ladder", "position", "years_min", "years_max", "updated_at")
    list_filter = (("ladder", RelatedOnly),)
    list_select_related = ("ladder",)
    search_fields = ("slug", "name", "code", "ladder__name", "scope", "quote")
    ordering = ("ladder__name", "position")
    autocomplete_fields = ("ladder",)
