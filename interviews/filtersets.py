"""Filters for the interviews app's collections; every slug filter is named after its relation."""

import django_filters

from careerapi.api.filters import BaseFilterSet, SearchFilter, SlugsFilter, relevance_ordering
from roles.filtersets import CompanyScopedFilter
from roles.models import Role

from .choices import CompetencyKind, QuestionCategory, StageKind
from .models import Competency, InterviewProcess, Question, Topic


class InterviewProcessFilterSet(BaseFilterSet):
    company = CompanyScopedFilter(label="Processes of these companies or their organisations.")
    role = SlugsFilter(
        queryset=Role.objects.all(),
        field_name="roles",
        label="Processes for ANY of these roles (repeat the parameter or separate with commas).",
    )

    class Meta:
        model = InterviewProcess
        fields = []


class CompetencyFilterSet(BaseFilterSet):
    kind = django_filters.MultipleChoiceFilter(
        choices=CompetencyKind.choices, label="Competency kind (repeatable: any of them)."
    )
    company = CompanyScopedFilter(label="Competencies of these companies or their organisations.")
    search = SearchFilter()
    ordering = relevance_ordering("name", "slug", default="name")

    class Meta:
        model = Competency
        fields = []


class TopicFilterSet(BaseFilterSet):
    search = SearchFilter()
    ordering = relevance_ordering("name", "slug", default="name")

    class Meta:
        model = Topic
        fields = []


class QuestionFilterSet(BaseFilterSet):
    category = django_filters.MultipleChoiceFilter(
        choices=QuestionCategory.choices, label="Question category (repeatable: any of them)."
    )
    topic = SlugsFilter(
        queryset=Topic.objects.all(),
        field_name="topics",
        label="Questions on ANY of these topics (repeat the parameter or separate with commas).",
    )
    competency = SlugsFilter(
        queryset=Competency.objects.all(),
        field_name="competencies",
        label="Questions that probe ANY of these competencies.",
    )
    stage = django_filters.MultipleChoiceFilter(
        choices=StageKind.choices,
        field_name="stage_kind",
        label="Questions asked at this kind of stage (repeatable: any of them).",
    )
    role = SlugsFilter(
        queryset=Role.objects.all(), field_name="roles", label="Questions for ANY of these roles."
    )
    company = CompanyScopedFilter(label="Questions of these companies or their organisations.")
    process = SlugsFilter(
        queryset=InterviewProcess.objects.all(), label="Questions of these interview processes."
    )
    search = SearchFilter()
    ordering = relevance_ordering("slug", default="slug")

    class Meta:
        model = Question
        fields = []
