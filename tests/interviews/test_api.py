"""The interviews endpoints serve the real dataset: processes, competencies, topics, questions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from interviews.api.serializers import InterviewProcessSummarySerializer
from interviews.api.views import InterviewProcessViewSet

pytestmark = pytest.mark.django_db

PROCESSES = "/api/v1/interview-processes/"
COMPETENCIES = "/api/v1/competencies/"
TOPICS = "/api/v1/topics/"
QUESTIONS = "/api/v1/questions/"
SERVICES_GUIDE = "amazon-services-swe-interview-guide"  # 001
SWE_GUIDE = "amazon-swe-interview-guide"  # 002


def get_ok(client, url, **params) -> dict:
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()


# interview-processes


def test_the_002_process_has_five_ordered_stages_over_three_to_five_weeks(client, seed_dataset):
    process = get_ok(client, f"{PROCESSES}amazon-swe-process/")

    assert process["name"] == "Amazon Software Engineer interview"
    assert process["company"] == "amazon"
    assert process["roles"] == ["amazon-software-engineer"]
    assert (process["duration_weeks_min"], process["duration_weeks_max"]) == (3, 5)
    assert process["duration_quote"] == "3–5 weeks from first contact to offer"
    assert process["source"]["slug"] == SWE_GUIDE
    assert [(s["position"], s["kind"]) for s in process["stages"]] == [
        (1, "recruiter_screen"),
        (2, "hiring_manager"),
        (3, "onsite_loop"),
        (4, "bar_raiser"),
        (5, "decision"),
    ]
    onsite = process["stages"][2]
    assert onsite["name"] == "Technical On-site (3–4 rounds)"
    assert (onsite["rounds_min"], onsite["rounds_max"], onsite["round_minutes"]) == (3, 4, None)
    assert "4-year RSU grant" in process["stages"][4]["quote"]


def test_process_guidance_keeps_its_order_and_points(client, seed_dataset):
    guidance = get_ok(client, f"{PROCESSES}amazon-swe-process/")["guidance"]

    assert [(g["kind"], g["title"]) for g in guidance] == [
        ("preparation", "Preparation checklist"),
        ("mistake", "Common mistakes to avoid"),
    ]
    assert len(guidance[0]["points"]) == 8
    mistakes = guidance[1]["points"]
    assert mistakes[0]["detail"] == "Tailoring your application is non-negotiable here."
    assert mistakes[2]["detail"] == ""  # the source gives this point no detail
    assert guidance[1]["body"] == ""


def test_the_001_process_loop_is_four_to_five_hour_long_rounds(client, seed_dataset):
    process = get_ok(client, f"{PROCESSES}amazon-services-swe-process/")

    assert process["company"] == "amazon-services"
    assert process["source"]["slug"] == SERVICES_GUIDE
    assert (process["duration_weeks_min"], process["duration_weeks_max"]) == (None, None)
    assert [s["kind"] for s in process["stages"]] == [
        "online_assessment",
        "phone_screen",
        "onsite_loop",
    ]
    loop = process["stages"][2]
    assert (loop["rounds_min"], loop["rounds_max"], loop["round_minutes"]) == (4, 5, 60)
    assert loop["quote"] == "each lasting about an hour"


def test_processes_are_listed_by_name(client, seed_dataset):
    page = get_ok(client, PROCESSES)

    assert page["count"] == 3
    assert [p["slug"] for p in page["results"]] == [
        "amazon-engineer-loop-himalayas",
        "amazon-swe-process",
        "amazon-services-swe-process",
    ]


def test_the_summary_the_role_detail_nests_has_duration_stages_and_source(seed_dataset):
    process = InterviewProcessViewSet.queryset.get(slug="amazon-swe-process")

    summary = InterviewProcessSummarySerializer(process).data

    assert set(summary) == {
        "slug",
        "name",
        "company",
        "duration_weeks_min",
        "duration_weeks_max",
        "duration_quote",
        "source",
        "stages",
    }
    assert (summary["duration_weeks_min"], summary["duration_weeks_max"]) == (3, 5)
    assert summary["source"]["slug"] == SWE_GUIDE
    assert [s["position"] for s in summary["stages"]] == [1, 2, 3, 4, 5]


# competencies and topics


def test_competencies_name_their_kind_company_and_sources(client, seed_dataset):
    page = get_ok(client, COMPETENCIES, page_size=100)

    assert page["count"] == 11
    ownership = get_ok(client, f"{COMPETENCIES}amazon-ownership/")
    assert ownership["name"] == "Ownership"
    assert ownership["kind"] == "leadership_principle"
    assert ownership["company"] == "amazon"
    assert "systemic issue" in ownership["description"]
    assert [s["slug"] for s in ownership["sources"]] == [
        SERVICES_GUIDE,
        "himalayas-amazon-engineer-guide",
    ]


def test_topics_are_listed_by_name(client, seed_dataset):
    page = get_ok(client, TOPICS, page_size=100)

    assert page["count"] == 17
    names = [t["name"] for t in page["results"]]
    assert names == sorted(names)
    topic = get_ok(client, f"{TOPICS}linked-lists/")
    assert (topic["slug"], topic["name"]) == ("linked-lists", "Linked lists")


# questions


def test_a_question_names_its_topics_competencies_process_and_source(client, seed_dataset):
    question = get_ok(client, f"{QUESTIONS}amazon-swe-q-owned-problem-end-to-end/")

    assert question["text"].startswith("Give an example of when you owned a problem end-to-end")
    assert question["category"] == "behavioral"
    assert question["topics"] == []
    assert question["competencies"] == [
        {
            "slug": "amazon-swe-quality-ownership-mentality",
            "name": "Ownership Mentality",
            "kind": "quality",
        }
    ]
    assert question["company"] == "amazon"
    assert question["process"] == "amazon-swe-process"
    assert question["roles"] == ["amazon-software-engineer"]
    assert question["stage_kind"] is None  # the guide names no stage: null, not ""
    assert "alignment with their values" in question["why_asked"]
    assert question["source"]["slug"] == SWE_GUIDE


def test_the_coding_question_names_its_topic(client, seed_dataset):
    question = get_ok(client, f"{QUESTIONS}amazon-services-swe-q-reverse-linked-list/")

    assert question["category"] == "coding"
    assert question["topics"] == [{"slug": "linked-lists", "name": "Linked lists"}]
    assert question["company"] == "amazon-services"
    assert question["source"]["slug"] == SERVICES_GUIDE


def test_the_question_bank_holds_the_eight_seed_questions(client, seed_dataset):
    page = get_ok(client, QUESTIONS, page_size=100)

    assert page["count"] == 8
    assert {q["source"]["slug"] for q in page["results"]} == {SERVICES_GUIDE, SWE_GUIDE}


# detail by slug


@pytest.mark.parametrize("collection", [PROCESSES, COMPETENCIES, TOPICS, QUESTIONS])
def test_an_unknown_slug_is_a_404_problem(client, seed_dataset, collection):
    response = client.get(f"{collection}no-such-thing/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_a_detail_takes_no_filters(client, seed_dataset):
    response = client.get(f"{QUESTIONS}amazon-swe-q-push-back-deadline/", {"topic": "tries"})

    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == "topic"


# query counts: bounded, and the same for one item per page as for a hundred

# Each first reads the dataset version, in the answer's snapshot.
QUERY_BUDGETS = {
    PROCESSES: 6,  # version, count, processes, roles, stages, guidance
    COMPETENCIES: 4,  # version, count, competencies, sources
    TOPICS: 3,  # version, count, topics
    QUESTIONS: 4,  # version, count, questions, their links (what links name: memoised)
}


@pytest.mark.parametrize(("collection", "budget"), QUERY_BUDGETS.items())
def test_a_list_page_costs_a_bounded_number_of_queries(
    client, seed_dataset, django_assert_max_num_queries, collection, budget
):
    get_ok(client, collection, page_size=2)  # a process's first list reads the small tables
    with django_assert_max_num_queries(budget):
        page = get_ok(client, collection, page_size=100)

    assert page["count"] > 1


@pytest.mark.parametrize("collection", QUERY_BUDGETS)
def test_the_query_count_does_not_grow_with_page_size(client, seed_dataset, collection):
    counts = []
    get_ok(client, collection, page_size=2)  # a process's first list reads the small tables
    for page_size in (1, 100):
        with CaptureQueriesContext(connection) as queries:
            get_ok(client, collection, page_size=page_size)
        counts.append(len(queries))

    assert counts[0] == counts[1]
