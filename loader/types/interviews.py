"""Competencies, topics, interview processes and questions in the dataset files."""

from interviews.api import views
from interviews.models import (
    Competency,
    InterviewGuidance,
    InterviewProcess,
    InterviewStage,
    Question,
    Topic,
)

from ..declaring import Children, DatasetType, Range, Ref, Refs, Value

COMPETENCIES = DatasetType(
    "competencies",
    Competency,
    [
        Value("slug"),
        Value("name"),
        Value("kind"),
        Ref("company"),
        Value("description"),
        Refs("sources", min_items=1),
    ],
    collection="competencies",
    viewset=views.CompetencyViewSet,
)

TOPICS = DatasetType(
    "topics",
    Topic,
    [Value("slug"), Value("name")],
    collection="topics",
    viewset=views.TopicViewSet,
)

STAGES = DatasetType(
    "stages",
    InterviewStage,
    [
        Value("name"),
        Value("kind"),
        Range("rounds", min="rounds_min", max="rounds_max", kind="count_range"),
        Value("round_minutes", schema={"type": "integer", "minimum": 1, "maximum": 600}),
        Value("description"),
        Value("assesses"),
        Value("tips"),
        # A stage without a quote of its own keeps the one given for its rounds.
        Value("quote", fallback=("rounds", "quote")),
    ],
    identity=("process_id", "position"),
    slug=None,
    parent="process",
    positioned=True,
)


def _points_from_api(points: list[dict]) -> list[dict]:
    """Guidance points as the files write them: a point without detail has none."""
    return [{k: v for k, v in point.items() if v} for point in points]


GUIDANCE = DatasetType(
    "guidance",
    InterviewGuidance,
    [
        Value("kind"),
        Value("title"),
        Value("body"),
        Value(
            "points",
            schema={
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["name"],
                    "properties": {
                        "name": {"$ref": "#/$defs/text"},
                        "detail": {"$ref": "#/$defs/text"},
                    },
                },
            },
            from_api=_points_from_api,
        ),
    ],
    identity=("process_id", "position"),
    slug=None,
    parent="process",
    positioned=True,
)

INTERVIEW_PROCESSES = DatasetType(
    "interview_processes",
    InterviewProcess,
    [
        Value("slug"),
        Value("name"),
        Ref("company"),
        Refs("roles"),
        Value("summary"),
        Range(
            "duration_weeks",
            min="duration_weeks_min",
            max="duration_weeks_max",
            quote="duration_quote",
            kind="count_range",
        ),
        Ref("source"),
        Children("stages", type=STAGES, min_items=1),
        Children("guidance", type=GUIDANCE),
    ],
    collection="interview-processes",
    viewset=views.InterviewProcessViewSet,
)

QUESTIONS = DatasetType(
    "questions",
    Question,
    [
        Value("slug"),
        Value("text"),
        Value("category"),
        Refs("topics"),
        Refs("competencies"),
        Value("stage_kind"),
        Ref("company"),
        Ref("process"),
        Refs("roles"),
        Value("why_asked"),
        Value("answer_guidance"),
        Ref("source"),
    ],
    collection="questions",
    viewset=views.QuestionViewSet,
)

TYPES = [COMPETENCIES, TOPICS, INTERVIEW_PROCESSES, QUESTIONS]
