"""Admin for the roles app: sources, companies, skills, roles and career ladders.

The data is normally written by `manage.py load_dataset` from the files in `fixtures/`.
The loader makes the database hold exactly what those files say, so an edit made here is
overwritten (and a row added here is removed) on the next load: for a lasting change, edit
the fixture files. The admin is for looking things up and for quick fixes between loads.
"""

from django.contrib import admin
from django.db import models

from careerapi.admin import DatasetAdmin, DatasetStackedInline, DatasetTabularInline, RelatedOnly

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
