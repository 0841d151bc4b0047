"""Interview questions as JSON straight from database rows: the question list's fast path.

A question names its topics, competencies and roles (three link tables) and its company,
process and source. Prefetching those costs a query each and a model instance per row;
here a page is read as plain rows (`values()`), its links in one query over the three
link tables, and what the links point at from tables memoised per dataset: the count, the
page and the links, whatever the page size. The JSON is `QuestionSerializer`'s
(tests/interviews/test_question_rows.py compares the two on every question).
"""

from django.db.models import IntegerField, QuerySet, Value

from careerapi.api.rendering import datetime_json
from dataset.memo import References, dataset_memo
from dataset.versions import DatasetStamp
from interviews.models import Competency, InterviewProcess, Question, Topic
from roles.models import Company, Role
from roles.selectors import source_refs_read

QUESTION_COLUMNS = (
    "id",
    "slug",
    "text",
    "category",
    "stage_kind",
    "company_id",
    "process_id",
    "why_asked",
    "answer_guidance",
    "source_id",
    "updated_at",
)
# Which link table a link row comes from, and the order a question lists those links in.
TOPIC, COMPETENCY, ROLE = 0, 1, 2


def _ranked(queryset: QuerySet, shown) -> dict[int, tuple[int, object]]:
    """id -> (rank in the queryset's order, what a question shows of the row). Links are
    sorted by rank: the database's own order (and collation), as a prefetch would be."""
    return {row["id"]: (rank, shown(row)) for rank, row in enumerate(queryset)}


@dataset_memo
def _references() -> dict[str, dict]:
    """What a question shows of the rows it points at, by id."""
    return {
        "topic": _ranked(
            Topic.objects.order_by("name", "slug").values("id", "slug", "name"),
            lambda row: {"slug": row["slug"], "name": row["name"]},
        ),
        "competency": _ranked(
            Competency.objects.order_by("name", "slug").values("id", "slug", "name", "kind"),
            lambda row: {"slug": row["slug"], "name": row["name"], "kind": row["kind"]},
        ),
        "role": _ranked(
            Role.objects.order_by("slug").values("id", "slug"), lambda row: row["slug"]
        ),
        "company": dict(Company.objects.order_by().values_list("id", "slug")),
        "process": dict(InterviewProcess.objects.order_by().values_list("id", "slug")),
        "source": source_refs_read(),
    }


def _links(question_ids: list[int]) -> QuerySet:
    """(link table, question id, linked id) of every link of these questions, in one query."""

    def rows(through, column: str, table: int) -> QuerySet:
        return (
            through.objects.filter(question_id__in=question_ids)
            .order_by()
            .annotate(table=Value(table, output_field=IntegerField()))
            .values_list("table", "question_id", column)
        )

    return rows(Question.topics.through, "topic_id", TOPIC).union(
        rows(Question.competencies.through, "competency_id", COMPETENCY),
        rows(Question.roles.through, "role_id", ROLE),
        all=True,
    )


class QuestionRows:
    """Turns rows of `QUESTION_COLUMNS` into the dicts `QuestionSerializer` would return."""

    def __init__(self, *, dataset: DatasetStamp | None):
        self.refs = References(_references, dataset=dataset)

    def questions(self, rows: list[dict]) -> list[dict]:
        linked = {row["id"]: ([], [], []) for row in rows}
        kinds = ("topic", "competency", "role")
        for table, question_id, target_id in _links(list(linked)):
            linked[question_id][table].append(self.refs.get(kinds[table], target_id))
        return [self._question(row, linked[row["id"]]) for row in rows]

    def _question(self, row: dict, links: tuple[list, list, list]) -> dict:
        topics, competencies, roles = (
            [shown for _, shown in sorted(refs, key=lambda ref: ref[0])] for refs in links
        )
        return {
            "slug": row["slug"],
            "text": row["text"],
            "category": row["category"],
            "topics": topics,
            "competencies": competencies,
            "stage_kind": row["stage_kind"],
            "company": self.refs.get("company", row["company_id"]),
            "process": self.refs.get("process", row["process_id"]),
            "roles": roles,
            "why_asked": row["why_asked"],
            "answer_guidance": row["answer_guidance"],
            "source": self.refs.get("source", row["source_id"]),
            "updated_at": datetime_json(row["updated_at"]),
        }


def question_rows(queryset: QuerySet[Question]) -> QuerySet:
    """The queryset as rows of `QUESTION_COLUMNS`, for `QuestionRows.questions`."""
    return queryset.select_related(None).prefetch_related(None).values(*QUESTION_COLUMNS)
