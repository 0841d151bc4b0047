"""Interview processes with their stages, competencies, topics and questions."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q

from careerapi.db import DatasetModel, OrderedChild, SmallCountField
from roles.models import Company, Role
from search.declaring import Searchable
from sources.models import Source

from .choices import CompetencyKind, GuidanceKind, QuestionCategory, StageKind


def _range_check(prefix: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{prefix}_max__isnull": True})
        | Q(**{f"{prefix}_min__lte": F(f"{prefix}_max")}),
        name=name,
    )


class Competency(DatasetModel):
    """A principle or quality interviewers assess, such as a leadership principle."""

    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=CompetencyKind.choices)
    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.PROTECT, related_name="competencies"
    )
    description = models.TextField(blank=True)
    sources = models.ManyToManyField(Source, related_name="competencies")

    searchable = Searchable(type="competency", title=("name",), body=("description",))
    search_documents = GenericRelation("search.SearchDocument")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "competencies"

    def __str__(self):
        return self.name


class Topic(DatasetModel):
    """A technical topic a question covers (graphs, dynamic programming …)."""

    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)

    searchable = Searchable(type="topic", title=("name",))
    search_documents = GenericRelation("search.SearchDocument")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class InterviewProcess(DatasetModel):
    """One source's account of how a company interviews for some roles."""

    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)
    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.PROTECT, related_name="interview_processes"
    )
    roles = models.ManyToManyField(Role, related_name="interview_processes", blank=True)
    summary = models.TextField(blank=True)
    duration_weeks_min = SmallCountField(null=True, blank=True)
    duration_weeks_max = SmallCountField(null=True, blank=True)
    duration_quote = models.TextField(blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="interview_processes")

    searchable = Searchable(type="process")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "interview processes"
        constraints = [_range_check("duration_weeks", "process_duration_min_lte_max")]

    def __str__(self):
        return self.name


class InterviewStage(OrderedChild):
    """A stage of a process, in order."""

    process = models.ForeignKey(InterviewProcess, on_delete=models.CASCADE, related_name="stages")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=StageKind.choices, db_index=True)
    rounds_min = SmallCountField(null=True, blank=True)
    rounds_max = SmallCountField(null=True, blank=True)
    round_minutes = SmallCountField(null=True, blank=True)
    description = models.TextField(blank=True)
    assesses = models.TextField(blank=True)
    tips = models.TextField(blank=True)
    quote = models.TextField(blank=True)

    class Meta(OrderedChild.Meta):
        ordering = ["process", "position"]
        constraints = [
            models.UniqueConstraint(fields=["process", "position"], name="stage_position"),
            _range_check("rounds", "stage_rounds_min_lte_max"),
        ]

    def __str__(self):
        return f"{self.process}: {self.position}. {self.name}"


class InterviewGuidance(OrderedChild):
    """Advice attached to a process: what is evaluated, how to prepare, what to avoid."""

    process = models.ForeignKey(InterviewProcess, on_delete=models.CASCADE, related_name="guidance")
    kind = models.CharField(max_length=30, choices=GuidanceKind.choices)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    points = models.JSONField(default=list, blank=True)

    class Meta(OrderedChild.Meta):
        verbose_name_plural = "interview guidance"
        constraints = [
            models.UniqueConstraint(fields=["process", "position"], name="guidance_position"),
        ]

    def __str__(self):
        return f"{self.process}: {self.title}"


class Question(DatasetModel):
    """An interview question, with why it is asked and how to answer it."""

    slug = models.SlugField(max_length=120, unique=True)
    text = models.TextField()
    category = models.CharField(max_length=30, choices=QuestionCategory.choices, db_index=True)
    topics = models.ManyToManyField(Topic, related_name="questions", blank=True)
    competencies = models.ManyToManyField(Competency, related_name="questions", blank=True)
    stage_kind = models.CharField(max_length=30, choices=StageKind.choices, blank=True)
    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.PROTECT, related_name="questions"
    )
    process = models.ForeignKey(
        InterviewProcess, null=True, blank=True, on_delete=models.PROTECT, related_name="questions"
    )
    roles = models.ManyToManyField(Role, related_name="questions", blank=True)
    why_asked = models.TextField(blank=True)
    answer_guidance = models.TextField(blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="questions")

    searchable = Searchable(
        type="question",
        title=("text",),
        names=("topics__name", "competencies__name", "company__name"),
        body=("why_asked", "answer_guidance"),
        label="text",
        suggested=False,
    )
    search_documents = GenericRelation("search.SearchDocument")

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.text[:80]
