"""The search index is written by every load, in the load's transaction: a load that changes
a name changes what finds it, and the index never describes rows that are gone."""

import pytest

from loader.reading import DatasetInvalid
from search.indexing import search_index_missing
from search.models import SearchDocument, SearchName
from skills.models import Skill

pytestmark = pytest.mark.django_db

SKILLS = "catalogue/skills.yaml"


def skill_search(client, search: str) -> list[str]:
    return [s["slug"] for s in client.get("/api/v1/skills/", {"search": search}).json()["results"]]


def test_a_load_indexes_every_searchable_item(load, dataset_copy):
    assert not SearchDocument.objects.exists()
    load(dataset_copy)

    assert not search_index_missing()
    documents = SearchDocument.objects.filter(content_type__model="skill")
    assert documents.count() == Skill.objects.count()
    python = documents.get(object_id=Skill.objects.get(slug="python").pk)
    assert python.title == "python"
    names = SearchName.objects.filter(type="skill", key="cpp")
    assert sorted(names.values_list("kind", "title")) == [("alias", "C plus plus"), ("name", "C++")]


def test_a_load_that_renames_a_skill_changes_what_finds_it(
    client, load, dataset_copy, fixture_file
):
    load(dataset_copy)
    assert skill_search(client, "parseltongue") == []

    def rename(data):
        python = next(s for s in data["skills"] if s["slug"] == "python")
        python["aliases"] = ["Parseltongue"]

    fixture_file(SKILLS).edit(rename)
    load(dataset_copy)

    assert skill_search(client, "parseltongue") == ["python"]
    suggested = client.get("/api/v1/suggest/", {"q": "parsel", "type": "skill"}).json()
    assert suggested["results"] == [
        {"type": "skill", "slug": "python", "name": "Python", "matched": "Parseltongue"}
    ]


def test_a_load_that_fails_leaves_the_index_as_it_was(client, load, dataset_copy, fixture_file):
    load(dataset_copy)
    before = SearchName.objects.count(), SearchDocument.objects.count()

    def break_it(data):
        data["skills"][0]["category"] = "no-such-category"

    fixture_file(SKILLS).edit(break_it)
    with pytest.raises(DatasetInvalid):
        load(dataset_copy)

    assert (SearchName.objects.count(), SearchDocument.objects.count()) == before
    assert skill_search(client, "python")[0] == "python"
