"""Filters of the interviews collections, through the API against the real dataset."""

from datetime import UTC, datetime

import pytest

from interviews.models import Competency, InterviewProcess, Question, Topic
from sources.models import Source

pytestmark = pytest.mark.django_db

API = "/api/v1"


def slugs(client, collection: str, **params) -> list[str]:
    response = client.get(f"{API}/{collection}/", {"page_size": 100, **params})
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def bad_parameters(client, collection: str, **params) -> list[str]:
    response = client.get(f"{API}/{collection}/", params)
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    return [error["parameter"] for error in response.json()["errors"]]


# interview-processes


def test_company_includes_its_organisations(client, seed_dataset):
    assert set(slugs(client, "interview-processes", company="amazon")) == {
        "amazon-engineer-loop-himalayas",
        "amazon-swe-process",
        "amazon-services-swe-process",
    }
    assert slugs(client, "interview-processes", company="amazon-services") == [
        "amazon-services-swe-process"
    ]
    assert slugs(client, "interview-processes", company="aws") == []  # known, no processes


def test_processes_by_role(client, seed_dataset):
    assert slugs(client, "interview-processes", role="amazon-engineer") == [
        "amazon-engineer-loop-himalayas"
    ]
    assert slugs(
        client, "interview-processes", role="amazon-software-engineer,amazon-engineer"
    ) == ["amazon-engineer-loop-himalayas", "amazon-swe-process"]


# competencies


def test_competencies_by_kind(client, seed_dataset):
    qualities = slugs(client, "competencies", kind="quality")

    assert len(qualities) == 5
    assert "amazon-swe-quality-ownership-mentality" in qualities
    assert len(slugs(client, "competencies", kind="leadership_principle")) == 6
    assert len(slugs(client, "competencies", kind=["quality", "leadership_principle"])) == 11


def test_competencies_by_company(client, seed_dataset):
    assert len(slugs(client, "competencies", company="amazon")) == 11
    assert slugs(client, "competencies", company="amazon-services") == []


def test_competency_search_reads_name_and_description(client, seed_dataset):
    assert slugs(client, "competencies", search="ownership") == [
        "amazon-ownership",
        "amazon-swe-quality-ownership-mentality",
    ]
    assert slugs(client, "competencies", search="TIGHT DEADLINES") == ["amazon-deliver-results"]


# topics


def test_topic_search(client, seed_dataset):
    assert slugs(client, "topics", search="design") == ["high-level-design", "low-level-design"]
    assert slugs(client, "topics", search="linked") == ["linked-lists"]


# questions


def test_questions_by_topic(client, seed_dataset):
    response = client.get(f"{API}/questions/", {"topic": "linked-lists"})

    [question] = response.json()["results"]
    assert question["slug"] == "amazon-services-swe-q-reverse-linked-list"
    assert "At Stripe" in question["text"]
    assert slugs(client, "questions", topic="linked-lists,time-and-space-complexity") == [
        "amazon-services-swe-q-reverse-linked-list",
        "amazon-services-swe-q-time-complexity-trade-offs",
    ]
    assert slugs(client, "questions", topic="tries") == []


def test_questions_by_competency(client, seed_dataset):
    assert slugs(client, "questions", competency="amazon-swe-quality-ownership-mentality") == [
        "amazon-swe-q-owned-problem-end-to-end"
    ]
    assert slugs(
        client,
        "questions",
        competency=["amazon-swe-quality-ownership-mentality", "amazon-swe-quality-bias-for-action"],
    ) == ["amazon-swe-q-decision-incomplete-information", "amazon-swe-q-owned-problem-end-to-end"]


def test_questions_by_category(client, seed_dataset):
    assert slugs(client, "questions", category="coding") == [
        "amazon-services-swe-q-reverse-linked-list"
    ]
    assert len(slugs(client, "questions", category="behavioral")) == 5
    assert slugs(client, "questions", category=["coding", "technical_concept"]) == [
        "amazon-services-swe-q-reverse-linked-list",
        "amazon-services-swe-q-sync-vs-async",
        "amazon-services-swe-q-time-complexity-trade-offs",
    ]
    assert slugs(client, "questions", category="system_design") == []


def test_questions_by_company_include_organisations(client, seed_dataset):
    assert len(slugs(client, "questions", company="amazon")) == 8
    assert len(slugs(client, "questions", company="amazon-services")) == 3
    assert slugs(client, "questions", category="coding", company="amazon-services") == [
        "amazon-services-swe-q-reverse-linked-list"
    ]
    assert slugs(client, "questions", category="coding", company="aws") == []


def test_questions_by_role_and_process(client, seed_dataset):
    swe = slugs(client, "questions", role="amazon-software-engineer")
    assert len(swe) == 5
    assert all(slug.startswith("amazon-swe-q-") for slug in swe)
    assert slugs(client, "questions", process="amazon-swe-process") == swe
    assert len(slugs(client, "questions", process="amazon-services-swe-process")) == 3
    assert slugs(client, "questions", process="amazon-engineer-loop-himalayas") == []
    assert slugs(client, "questions", role="amazon-engineer") == []


def test_questions_by_stage_kind(client, seed_dataset):
    # The seed questions name no stage; add one that does.
    Question.objects.create(
        slug="bar-raiser-question",
        text="Why Amazon?",
        category="behavioral",
        stage_kind="bar_raiser",
        source=Source.objects.get(slug="amazon-swe-interview-guide"),
    )

    assert slugs(client, "questions", stage="bar_raiser") == ["bar-raiser-question"]
    assert slugs(client, "questions", stage=["bar_raiser", "onsite_loop"]) == [
        "bar-raiser-question"
    ]
    assert slugs(client, "questions", stage="onsite_loop") == []


def test_question_search_reads_text_why_asked_and_answer_guidance(client, seed_dataset):
    assert slugs(client, "questions", search="stripe") == [
        "amazon-services-swe-q-reverse-linked-list"
    ]
    # why_asked and answer_guidance: four of the five 002 questions have both.
    assert len(slugs(client, "questions", search="alignment with their values")) == 4
    assert len(slugs(client, "questions", search="recent projects")) == 4


# updated_since on every collection

MODELS = {
    "interview-processes": InterviewProcess,
    "competencies": Competency,
    "topics": Topic,
    "questions": Question,
}


@pytest.mark.parametrize(("collection", "model"), MODELS.items())
def test_updated_since_returns_only_what_changed(client, seed_dataset, collection, model):
    model.objects.update(updated_at=datetime(2025, 1, 1, tzinfo=UTC))
    changed = model.objects.order_by("slug").first()
    model.objects.filter(pk=changed.pk).update(updated_at=datetime(2026, 3, 1, tzinfo=UTC))

    assert slugs(client, collection, updated_since="2026-01-01T00:00:00Z") == [changed.slug]
    # Offsets are compared in UTC: 01:00+02:00 is before the rows' 00:00Z, 23:00-02:00 after.
    assert len(slugs(client, collection, updated_since="2025-01-01T01:00:00+02:00")) == (
        model.objects.count()
    )
    assert slugs(client, collection, updated_since="2024-12-31T23:00:00-02:00") == [changed.slug]


# every bad value is a 400 naming the parameter


@pytest.mark.parametrize(
    ("collection", "params", "parameter"),
    [
        ("questions", {"topic": "no-such-topic"}, "topic"),
        ("questions", {"topic": "linked-lists,no-such-topic"}, "topic"),
        ("questions", {"topic": "Not_A_Slug"}, "topic"),
        ("questions", {"competency": "amazon-frugality"}, "competency"),
        ("questions", {"category": "poetry"}, "category"),
        ("questions", {"stage": "nope"}, "stage"),
        ("questions", {"role": "no-such-role"}, "role"),
        ("questions", {"company": "acme"}, "company"),
        ("questions", {"process": "no-such-process"}, "process"),
        ("questions", {"updated_since": "not-a-date"}, "updated_since"),
        ("questions", {"difficulty": "hard"}, "difficulty"),
        ("interview-processes", {"company": "acme"}, "company"),
        ("interview-processes", {"role": "no-such-role"}, "role"),
        ("interview-processes", {"updated_since": "not-a-date"}, "updated_since"),
        ("interview-processes", {"stage": "onsite_loop"}, "stage"),
        ("competencies", {"kind": "virtue"}, "kind"),
        ("competencies", {"company": "acme"}, "company"),
        ("competencies", {"updated_since": "2026-13-01"}, "updated_since"),
        ("topics", {"updated_since": "not-a-date"}, "updated_since"),
        ("topics", {"category": "coding"}, "category"),
    ],
)
def test_a_bad_filter_value_is_a_400_naming_the_parameter(
    client, seed_dataset, collection, params, parameter
):
    assert bad_parameters(client, collection, **params) == [parameter]


def test_an_unknown_slug_is_named_in_the_error(client, seed_dataset):
    response = client.get(f"{API}/questions/", {"topic": "linked-lists,no-such-topic"})

    [error] = response.json()["errors"]
    assert "'no-such-topic'" in error["detail"]
    assert "linked-lists" not in error["detail"]
