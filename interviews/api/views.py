"""Read-only endpoints for interview processes, competencies, topics and questions."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view

from careerapi.api.views import ReadOnlyViewSet, RowList
from interviews import filtersets
from interviews.models import (
    Competency,
    InterviewGuidance,
    InterviewProcess,
    InterviewStage,
    Question,
    Topic,
)
from roles.models import Role
from sources.models import Source

from . import examples, serializers


@extend_schema_view(
    list=extend_schema(
        summary="List interview processes",
        description="How companies interview, one process per source account (where documents "
        "disagree, each account is its own process): duration, ordered stages with rounds and "
        "what they assess, and preparation guidance. `company=amazon` includes Amazon's "
        "organisations.",
        examples=[examples.PROCESS],
    ),
    retrieve=extend_schema(
        summary="Get an interview process",
        description="One interview process by slug.",
        examples=[examples.PROCESS],
    ),
)
class InterviewProcessViewSet(ReadOnlyViewSet):
    """Interview processes with their stages and guidance in the order the source gives."""

    queryset = (
        InterviewProcess.objects.select_related("company", "source")
        .prefetch_related(
            Prefetch("roles", queryset=Role.objects.order_by("slug")),
            Prefetch("stages", queryset=InterviewStage.objects.order_by("position")),
            Prefetch("guidance", queryset=InterviewGuidance.objects.order_by("position")),
        )
        .order_by("name")
    )
    serializer_class = serializers.InterviewProcessSerializer
    filterset_class = filtersets.InterviewProcessFilterSet


@extend_schema_view(
    list=extend_schema(
        summary="List competencies",
        description="Principles and qualities interviewers assess, such as Amazon's Leadership "
        "Principles; filter questions with `competency=<slug>`.",
        examples=[examples.COMPETENCY],
    ),
    retrieve=extend_schema(
        summary="Get a competency",
        description="One competency by slug.",
        examples=[examples.COMPETENCY],
    ),
)
class CompetencyViewSet(ReadOnlyViewSet):
    """Competencies with the sources that name them."""

    queryset = (
        Competency.objects.select_related("company")
        .prefetch_related(Prefetch("sources", queryset=Source.objects.order_by("slug")))
        .order_by("name", "slug")
    )
    serializer_class = serializers.CompetencySerializer
    filterset_class = filtersets.CompetencyFilterSet


@extend_schema_view(
    list=extend_schema(
        summary="List topics",
        description="Technical topics questions are tagged with; filter questions with "
        "`topic=<slug>`.",
        examples=[examples.TOPIC],
    ),
    retrieve=extend_schema(
        summary="Get a topic", description="One topic by slug.", examples=[examples.TOPIC]
    ),
)
class TopicViewSet(ReadOnlyViewSet):
    """Technical topics of interview questions."""

    queryset = Topic.objects.order_by("name", "slug")
    serializer_class = serializers.TopicSerializer
    filterset_class = filtersets.TopicFilterSet


@extend_schema_view(
    list=extend_schema(
        summary="List interview questions",
        description="The question bank: each question with its category, topics, the "
        "competencies it probes, the stage it belongs to, why it is asked, answer guidance and "
        "its source. Repeated filter values (or comma-separated slugs) mean any of them; "
        "different filters combine with AND.",
        examples=[examples.QUESTION],
    ),
    retrieve=extend_schema(
        summary="Get an interview question",
        description="One question by slug.",
        examples=[examples.QUESTION],
    ),
)
class QuestionViewSet(RowList, ReadOnlyViewSet):
    """Interview questions with their topics, competencies, roles and source."""

    queryset = (
        Question.objects.select_related("company", "process", "source")
        .prefetch_related(
            Prefetch("topics", queryset=Topic.objects.order_by("name", "slug")),
            Prefetch("competencies", queryset=Competency.objects.order_by("name", "slug")),
            Prefetch("roles", queryset=Role.objects.order_by("slug")),
        )
        .order_by("slug")
    )
    serializer_class = serializers.QuestionSerializer
    filterset_class = filtersets.QuestionFilterSet
