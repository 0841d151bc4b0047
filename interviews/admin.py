"""Admin for the interviews app: competencies, topics, processes and questions.

Read-only, as every dataset admin (`careerapi.admin.DatasetAdmin`): the data is written
only by `manage.py load_dataset` from the files in `fixtures/`, the source of truth. The
admin is for browsing, searching and filtering; to change a row, edit the fixture files
and load them.
"""

from django.contrib import admin
from django.utils.text import Truncator

from careerapi.admin import DatasetAdmin, DatasetStackedInline, DatasetTabularInline, RelatedOnly

from .models import (
    Competency,
    InterviewGuidance,
    InterviewProcess,
    InterviewStage,
    Question,
    Topic,
)


@admin.register(Competency)
class CompetencyAdmin(DatasetAdmin):
    list_display = ("name", "slug", "kind", "company", "updated_at")
    list_filter = ("kind", ("company", RelatedOnly))
    list_select_related = ("company",)
    search_fields = ("slug", "name", "description")
    ordering = ("name",)


@admin.register(Topic)
class TopicAdmin(DatasetAdmin):
    list_display = ("name", "slug", "updated_at")
    search_fields = ("slug", "name")
    ordering = ("name",)


class InterviewStageInline(DatasetStackedInline):
    model = InterviewStage
    row_select_related = ("process",)
    fields = (
        ("position", "name", "kind"),
        ("rounds_min", "rounds_max", "round_minutes"),
        "description",
        "assesses",
        "tips",
        "quote",
    )


class InterviewGuidanceInline(DatasetTabularInline):
    model = InterviewGuidance
    row_select_related = ("process",)
    fields = ("position", "kind", "title", "body", "points")


@admin.register(InterviewProcess)
class InterviewProcessAdmin(DatasetAdmin):
    list_display = (
        "name",
        "slug",
        "company",
        "duration_weeks_min",
        "duration_weeks_max",
        "source",
        "updated_at",
    )
    list_filter = (("company", RelatedOnly), ("source", RelatedOnly))
    list_select_related = ("company", "source")
    search_fields = ("slug", "name", "company__name", "summary", "duration_quote")
    ordering = ("name",)
    inlines = (InterviewStageInline, InterviewGuidanceInline)


@admin.register(InterviewStage)
class InterviewStageAdmin(DatasetAdmin):
    list_display = ("process", "position", "name", "kind", "rounds_min", "rounds_max", "updated_at")
    list_filter = ("kind", ("process", RelatedOnly))
    list_select_related = ("process",)
    search_fields = ("name", "process__slug", "process__name", "description", "tips", "quote")
    ordering = ("process__name", "position")


@admin.register(InterviewGuidance)
class InterviewGuidanceAdmin(DatasetAdmin):
    list_display = ("process", "position", "kind", "title", "updated_at")
    list_filter = ("kind", ("process", RelatedOnly))
    list_select_related = ("process",)
    search_fields = ("title", "body", "process__slug", "process__name")
    ordering = ("process__name", "position")


@admin.register(Question)
class QuestionAdmin(DatasetAdmin):
    list_display = ("short_text", "slug", "category", "stage_kind", "company", "process", "source")
    list_filter = (
        "category",
        "stage_kind",
        ("company", RelatedOnly),
        ("topics", RelatedOnly),
        ("competencies", RelatedOnly),
        ("source", RelatedOnly),
    )
    list_select_related = ("company", "process", "source")
    search_fields = ("slug", "text", "why_asked", "answer_guidance", "company__name")
    ordering = ("slug",)

    @admin.display(description="question", ordering="text")
    def short_text(self, obj: Question) -> str:
        return Truncator(obj.text).chars(80)
