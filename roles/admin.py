"""Admin for the roles app: companies, families, roles and career ladders.

Read-only, as every dataset admin (`careerapi.admin.DatasetAdmin`): the data is written
only by `manage.py load_dataset` from the files in `fixtures/`, the source of truth. The
admin is for browsing, searching and filtering; to change a row, edit the fixture files
and load them.
"""

from django.contrib import admin

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
    inlines = (CompanyStatisticInline,)


@admin.register(CompanyStatistic)
class CompanyStatisticAdmin(StatisticAdmin):
    list_display = ("company", "position", "kind", "value", "value_max", "unit", "period", "source")
    list_filter = ("kind", ("company", RelatedOnly), ("source", RelatedOnly))
    list_select_related = ("company", "source")
    search_fields = ("company__slug", "company__name", "basis", "period", "quote")
    ordering = ("company__name", "position")


class RoleSkillInline(DatasetTabularInline):
    model = RoleSkill
    fields = ("skill", "importance", "quote", "source")
    row_select_related = ("role__company",)


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
    row_select_related = ("role__company", "related_role__company")


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
    inlines = (RoleSkillInline, RoleStatisticInline, RoleContentInline, RelatedRoleInline)


@admin.register(RoleStatistic)
class RoleStatisticAdmin(StatisticAdmin):
    list_display = ("role", "position", "kind", "value", "value_max", "unit", "period", "source")
    list_select_related = ("role__company", "source")
    search_fields = ("role__slug", "role__title", "basis", "period", "quote")
    ordering = ("role__title", "position")


@admin.register(RoleSkill)
class RoleSkillAdmin(DatasetAdmin):
    list_display = ("role", "skill", "importance", "source", "updated_at")
    list_filter = ("importance", "skill__category", ("source", RelatedOnly))
    list_select_related = ("role__company", "skill", "source")
    search_fields = ("role__slug", "role__title", "skill__slug", "skill__name", "quote")
    ordering = ("role__title", "skill__name")


@admin.register(RoleContent)
class RoleContentAdmin(DatasetAdmin):
    list_display = ("role", "position", "kind", "title", "source", "updated_at")
    list_filter = ("kind", ("source", RelatedOnly))
    list_select_related = ("role__company", "source")
    search_fields = ("role__slug", "role__title", "title", "body")
    ordering = ("role__title", "position")


@admin.register(RelatedRole)
class RelatedRoleAdmin(DatasetAdmin):
    list_display = ("role", "position", "name", "related_role", "source", "updated_at")
    list_filter = (("source", RelatedOnly),)
    list_select_related = ("role__company", "related_role__company", "source")
    search_fields = ("role__slug", "role__title", "name", "related_role__title", "description")
    ordering = ("role__title", "position")


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
    inlines = (LevelInline,)


@admin.register(Level)
class LevelAdmin(DatasetAdmin):
    list_display = ("name", "code", "ladder", "position", "years_min", "years_max", "updated_at")
    list_filter = (("ladder", RelatedOnly),)
    list_select_related = ("ladder",)
    search_fields = ("slug", "name", "code", "ladder__name", "scope", "quote")
    ordering = ("ladder__name", "position")
