"""Admin for the occupations app: SOC groups, job zones and O*NET occupations.

Read-only, as every dataset admin (`careerapi.admin.DatasetAdmin`): the data is written
only by `manage.py load_dataset`, from the public releases and the dataset files.
"""

from django.contrib import admin

from careerapi.admin import DatasetAdmin, DatasetTabularInline

from .models import (
    AlternateTitle,
    JobZone,
    Occupation,
    RelatedOccupation,
    ReportedTitle,
    SocGroup,
    Task,
    TechnologySkill,
)


@admin.register(SocGroup)
class SocGroupAdmin(DatasetAdmin):
    list_display = ("code", "title", "level", "parent", "updated_at")
    list_filter = ("level",)
    list_select_related = ("parent",)
    search_fields = ("code", "title")
    ordering = ("code",)


@admin.register(JobZone)
class JobZoneAdmin(DatasetAdmin):
    list_display = ("zone", "name", "svp_range", "updated_at")
    search_fields = ("name", "experience", "education", "examples")
    ordering = ("zone",)


class AlternateTitleInline(DatasetTabularInline):
    model = AlternateTitle
    fields = ("position", "title", "short_title", "sources")


class ReportedTitleInline(DatasetTabularInline):
    model = ReportedTitle
    fields = ("position", "title", "shown_in_my_next_move")


class TaskInline(DatasetTabularInline):
    model = Task
    fields = ("position", "task_id", "statement", "kind", "date")


class TechnologySkillInline(DatasetTabularInline):
    model = TechnologySkill
    fields = ("position", "skill", "example", "commodity_title", "in_demand")


class RelatedOccupationInline(DatasetTabularInline):
    model = RelatedOccupation
    fk_name = "occupation"
    fields = ("position", "related", "tier", "rank")


@admin.register(Occupation)
class OccupationAdmin(DatasetAdmin):
    list_display = ("code", "title", "job_zone", "group", "updated_at")
    list_filter = ("job_zone",)
    list_select_related = ("job_zone", "group")
    search_fields = ("code", "title", "description", "alternate_titles__title")
    ordering = ("code",)
    inlines = (
        AlternateTitleInline,
        ReportedTitleInline,
        TaskInline,
        TechnologySkillInline,
        RelatedOccupationInline,
    )


@admin.register(TechnologySkill)
class TechnologySkillAdmin(DatasetAdmin):
    list_display = ("occupation", "example", "skill", "commodity_title", "in_demand")
    list_filter = ("in_demand", "skill__hot_technology")
    list_select_related = ("occupation", "skill")
    search_fields = ("example", "skill__slug", "occupation__code", "occupation__title")
    ordering = ("occupation__code", "position")


@admin.register(AlternateTitle)
class AlternateTitleAdmin(DatasetAdmin):
    list_display = ("title", "occupation", "short_title", "updated_at")
    list_select_related = ("occupation",)
    search_fields = ("title", "short_title", "occupation__code", "occupation__title")
    ordering = ("occupation__code", "position")


@admin.register(ReportedTitle)
class ReportedTitleAdmin(DatasetAdmin):
    list_display = ("title", "occupation", "shown_in_my_next_move", "updated_at")
    list_filter = ("shown_in_my_next_move",)
    list_select_related = ("occupation",)
    search_fields = ("title", "occupation__code", "occupation__title")
    ordering = ("occupation__code", "position")


@admin.register(Task)
class TaskAdmin(DatasetAdmin):
    list_display = ("task_id", "occupation", "kind", "date", "updated_at")
    list_filter = ("kind", "domain_source")
    list_select_related = ("occupation",)
    search_fields = ("statement", "occupation__code", "occupation__title")
    ordering = ("occupation__code", "position")


@admin.register(RelatedOccupation)
class RelatedOccupationAdmin(DatasetAdmin):
    list_display = ("occupation", "related", "tier", "rank", "updated_at")
    list_filter = ("tier",)
    list_select_related = ("occupation", "related")
    search_fields = ("occupation__code", "occupation__title", "related__code", "related__title")
    ordering = ("occupation__code", "position")
