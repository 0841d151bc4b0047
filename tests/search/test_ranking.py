"""Relevance on a small fixed set: a word in the title outranks one in other names, which
outranks one in the text; equally relevant items keep the collection's order."""

import pytest

from search.indexing import search_index_rebuild
from skills.models import SkillAlias
from tests.factories import SkillFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def skills():
    SkillFactory(slug="message-queues", name="Message queues", description="Kafka, RabbitMQ.")
    streaming = SkillFactory(slug="event-streaming", name="Event streaming")
    SkillAlias.objects.create(skill=streaming, name="Kafka Streams")
    SkillFactory(slug="kafka", name="Kafka")
    SkillFactory(slug="b-queue", name="B queue", description="A queue, like Kafka.")
    SkillFactory(slug="a-queue", name="A queue", description="A queue, like Kafka.")
    SkillFactory(slug="postgresql", name="PostgreSQL", description="A database.")
    search_index_rebuild()


def test_title_then_names_then_text(client, skills):
    response = client.get("/api/v1/skills/", {"search": "kafka"})

    assert [s["slug"] for s in response.json()["results"]] == [
        "kafka",  # its name
        "event-streaming",  # an alias
        # In the text of these three alike: the collection's order, by name.
        "a-queue",
        "b-queue",
        "message-queues",
    ]


def test_equally_relevant_items_keep_the_collections_order(client, skills):
    response = client.get("/api/v1/skills/", {"search": "queue like"})

    assert [s["slug"] for s in response.json()["results"]] == ["a-queue", "b-queue"]
