"""`search=` on every collection that has it: full-text, ranked by relevance, on the real
dataset (seed fixtures and the O*NET extract), on SQLite and PostgreSQL alike."""

import pytest
import yaml

from tests.seeded import seeded_module  # noqa: F401 (a fixture, used by name)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_module")]


def found(client, collection: str, search: str, key: str = "slug", **params) -> list[str]:
    response = client.get(f"/api/v1/{collection}/", {"search": search, **params})
    assert response.status_code == 200, response.content
    return [item[key] for item in response.json()["results"]]


def test_words_across_a_role_and_its_company_count_together(client):
    # The role's title is "Software Engineer"; its company is Amazon.
    amazon = found(client, "roles", "Amazon Software Engineer")

    assert set(amazon[:2]) == {"amazon-software-engineer", "amazon-services-software-engineer"}
    assert "software-engineer" not in amazon  # no company: not every word matches


def test_every_word_must_match(client):
    kubernetes = found(client, "roles", "software engineer kubernetes")
    assert "amazon-engineer" in kubernetes
    assert "software-engineer" not in kubernetes  # needs no Kubernetes
    assert found(client, "roles", "software engineer nosuchword") == []


def test_stemming_finds_other_forms_of_a_word(client):
    # The question says "a deadline"; the competency "tight deadlines".
    assert found(client, "questions", "deadlines") == ["amazon-swe-q-push-back-deadline"]
    assert found(client, "competencies", "deadline") == ["amazon-deliver-results"]
    assert found(client, "occupations", "radiologist", key="code") == ["29-1224.00"]


def test_a_quoted_phrase_wants_its_words_in_order(client):
    assert found(client, "roles", '"aws developer"')[0] == "aws-developer"
    # "... push back on a deadline": the words together, in this order only.
    assert found(client, "questions", '"push back"') == ["amazon-swe-q-push-back-deadline"]
    assert found(client, "questions", '"back push"') == []


def test_a_minus_excludes_and_or_matches_either(client):
    projects = found(client, "questions", "projects")
    assert len(projects) == 4
    without = found(client, "questions", "projects -deadline")
    assert sorted(without) == sorted(set(projects) - {"amazon-swe-q-push-back-deadline"})
    either = found(client, "questions", "deadline or stripe")
    assert set(either) == {
        "amazon-swe-q-push-back-deadline",
        "amazon-services-swe-q-reverse-linked-list",
    }


def test_exclusions_alone_match_everything_else(client):
    every = found(client, "topics", "", page_size=100)
    others = found(client, "topics", "-design", page_size=100)

    assert sorted(others) == sorted(set(every) - {"high-level-design", "low-level-design"})


def test_case_and_accents_do_not_matter(client):
    plain = found(client, "questions", "deadline")

    assert plain == ["amazon-swe-q-push-back-deadline"]
    assert found(client, "questions", "DÉADLINÈ") == plain


def test_skills_are_found_by_their_aliases(client):
    assert found(client, "skills", "golang") == ["go"]


@pytest.mark.parametrize(
    ("collection", "search", "expected"),
    [
        ("companies", "amazon web services", "aws"),
        ("competencies", "ownership", "amazon-ownership"),
        ("topics", "linked lists", "linked-lists"),
        ("sources", "occupational employment", "bls-oews-2025a01"),
        ("questions", "stripe", "amazon-services-swe-q-reverse-linked-list"),
    ],
)
def test_every_searchable_collection_is_full_text(client, collection, search, expected):
    assert expected in found(client, collection, search)


def test_soc_groups_and_occupations_match_a_code_prefix(client):
    assert found(client, "soc-groups", "29-12", key="code") == ["29-1210", "29-1218", "29-1224"]
    assert found(client, "soc-groups", "software", key="code") == [
        "15-1250",
        "15-1252",
        "15-1253",
    ]


def test_ordering_overrides_relevance_and_relevance_is_the_default(client):
    by_relevance = found(client, "roles", "software engineer")
    assert found(client, "roles", "software engineer", ordering="relevance") == by_relevance
    by_slug = found(client, "roles", "software engineer", ordering="slug")
    assert by_slug == sorted(by_relevance)
    # Without a search every item is as relevant: the collection's own order.
    assert found(client, "roles", "", ordering="relevance") == found(client, "roles", "")


def test_a_search_without_words_matches_nothing(client):
    assert found(client, "roles", "--") == []


def test_the_schema_says_what_search_matches(client):
    schema = yaml.safe_load(client.get("/api/schema/").content)
    parameters = {p["name"]: p for p in schema["paths"]["/api/v1/roles/"]["get"]["parameters"]}

    description = parameters["search"]["description"]
    assert "title, company" in description
    assert '"a phrase"' in description and "-word" in description
    assert "relevance" in parameters["ordering"]["schema"]["items"]["enum"]
