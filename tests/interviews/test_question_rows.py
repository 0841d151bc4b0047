"""The question list writes rows straight to JSON; it must match the serializer exactly."""

import json

import pytest

from careerapi.api.rendering import render_json
from interviews.api.serializers import QuestionSerializer
from interviews.api.views import QuestionViewSet
from interviews.models import Competency, Question, Topic
from roles.models import Role
from tests.conftest import process_caches_clear

pytestmark = pytest.mark.django_db

QUESTIONS = "/api/v1/questions/"


def test_every_question_is_the_serializers_json(seed_dataset, client):
    # The seed questions link one topic, competency or role at most: give one several,
    # so that the order of its links is compared too.
    question = Question.objects.order_by("slug").first()
    question.topics.add(*Topic.objects.all()[:4])
    question.competencies.add(*Competency.objects.all()[:3])
    question.roles.add(*Role.objects.all()[:3])
    process_caches_clear()  # rows changed outside a load

    response = client.get(QUESTIONS, {"page_size": 100})

    assert response.status_code == 200
    results = response.json()["results"]
    assert response.json()["count"] == len(results)  # one page holds them all
    serialized = QuestionSerializer(QuestionViewSet.queryset.all(), many=True).data
    assert results == json.loads(render_json(serialized))
    first = results[0]
    assert len(first["topics"]) >= 4 and len(first["competencies"]) >= 3
    assert len(first["roles"]) >= 3


def test_the_keys_come_in_the_serializers_order(seed_dataset, client):
    question = client.get(QUESTIONS).json()["results"][0]

    assert list(question) == list(QuestionSerializer().fields)


@pytest.mark.parametrize("page_size", [1, 100])
def test_a_list_costs_four_queries_whatever_the_page_size(
    seed_dataset, client, django_assert_num_queries, page_size
):
    query = {"role": "amazon-software-engineer", "search": "projects"}
    client.get(QUESTIONS, query)  # memoise the slug tables and what questions point at

    # The version of the snapshot, the count, the page, and the page's topics, competencies
    # and roles in one query.
    with django_assert_num_queries(4):
        response = client.get(QUESTIONS, {**query, "page_size": page_size})

    assert response.status_code == 200
    assert response.json()["count"] >= 1


def test_a_search_costs_three_queries_the_page_counted_in_its_own_query(
    seed_dataset, client, django_assert_num_queries
):
    client.get(QUESTIONS, {"search": "projects", "page_size": 2})  # memoise what questions point at

    with django_assert_num_queries(3):  # the version, the page with its count, its links
        response = client.get(QUESTIONS, {"search": "projects", "page_size": 3})

    body = response.json()
    assert body["count"] > 3 and len(body["results"]) == 3


def test_a_link_to_a_row_the_memo_lacks_is_shown_too(seed_dataset, client):
    client.get(QUESTIONS, {"page_size": 100})  # memoise what questions point at
    question = Question.objects.order_by("slug").first()
    topic = Topic.objects.create(slug="written-outside-a-load", name="Written outside a load")
    question.topics.add(topic)

    first = client.get(QUESTIONS, {"page_size": 99}).json()["results"][0]  # another URL

    assert {"slug": "written-outside-a-load", "name": "Written outside a load"} in first["topics"]
