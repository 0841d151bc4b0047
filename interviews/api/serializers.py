"""Serializers for interview processes, competencies, topics and questions.

`InterviewProcessSummarySerializer` is nested by the role page (`careerapi/role_page/`);
its queryset must select `company` and `source` and prefetch `stages` ordered by position,
as `InterviewProcessViewSet` does. The question list is written from rows
(`careerapi.api.rows.RowWriter`), by `QuestionSerializer`'s fields.
"""

from rest_framework import serializers

from careerapi.api.fields import BlankChoiceAsNull
from interviews.choices import StageKind
from interviews.models import (
    Competency,
    InterviewGuidance,
    InterviewProcess,
    InterviewStage,
    Question,
    Topic,
)
from sources.api.serializers import SourceRefSerializer


class InterviewStageSerializer(serializers.ModelSerializer):
    """A stage of a process, in order; `rounds_max` null with a `rounds_min` means unstated.

    It names its source (the process's) so a client showing one stage can cite it.
    """

    source = SourceRefSerializer(source="process.source", read_only=True)

    class Meta:
        model = InterviewStage
        fields = [
            "position",
            "name",
            "kind",
            "rounds_min",
            "rounds_max",
            "round_minutes",
            "description",
            "assesses",
            "tips",
            "quote",
            "source",
        ]


class GuidancePointSerializer(serializers.Serializer):
    """One point of a guidance item; `detail` is blank when the source gives none."""

    name = serializers.CharField(read_only=True)
    detail = serializers.CharField(read_only=True, default="")


class InterviewGuidanceSerializer(serializers.ModelSerializer):
    points = GuidancePointSerializer(many=True)

    class Meta:
        model = InterviewGuidance
        fields = ["kind", "title", "body", "points"]


class InterviewProcessSummarySerializer(serializers.ModelSerializer):
    """A process as the role detail nests it: who, how long, the stages and the source."""

    company = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    source = SourceRefSerializer()
    stages = InterviewStageSerializer(many=True)

    class Meta:
        model = InterviewProcess
        fields = [
            "slug",
            "name",
            "company",
            "duration_weeks_min",
            "duration_weeks_max",
            "duration_quote",
            "source",
            "stages",
        ]


class InterviewProcessSerializer(serializers.ModelSerializer):
    """One source's account of a company's interview process, stages and guidance in order."""

    company = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    roles = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    source = SourceRefSerializer()
    stages = InterviewStageSerializer(many=True)
    guidance = InterviewGuidanceSerializer(many=True)

    class Meta:
        model = InterviewProcess
        fields = [
            "slug",
            "name",
            "company",
            "roles",
            "summary",
            "duration_weeks_min",
            "duration_weeks_max",
            "duration_quote",
            "source",
            "stages",
            "guidance",
            "updated_at",
        ]


class CompetencySerializer(serializers.ModelSerializer):
    company = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    sources = SourceRefSerializer(many=True)

    class Meta:
        model = Competency
        fields = ["slug", "name", "kind", "company", "description", "sources", "updated_at"]


class CompetencyRefSerializer(serializers.ModelSerializer):
    """A competency as a question names it."""

    class Meta:
        model = Competency
        fields = ["slug", "name", "kind"]


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["slug", "name", "updated_at"]


class TopicRefSerializer(serializers.ModelSerializer):
    """A topic as a question names it."""

    class Meta:
        model = Topic
        fields = ["slug", "name"]


class QuestionSerializer(serializers.ModelSerializer):
    """An interview question with why it is asked, how to answer it and its source."""

    topics = TopicRefSerializer(many=True)
    competencies = CompetencyRefSerializer(many=True)
    company = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    process = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    roles = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)
    stage_kind = BlankChoiceAsNull(
        choices=StageKind.choices,
        help_text="The kind of interview stage it is asked in; null where the source does not say.",
    )
    source = SourceRefSerializer()

    class Meta:
        model = Question
        fields = [
            "slug",
            "text",
            "category",
            "topics",
            "competencies",
            "stage_kind",
            "company",
            "process",
            "roles",
            "why_asked",
            "answer_guidance",
            "source",
            "updated_at",
        ]
