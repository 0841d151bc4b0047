"""The change feed: each load records what it created, updated and deleted, by API item,
and `/api/v1/changes/?since=<version>` lists it so a mirror syncs only what changed."""

import pytest

from dataset.models import Change, DatasetVersion
from loader.changes import CHANGE_TYPES

pytestmark = pytest.mark.django_db

CHANGES = "/api/v1/changes/"


def feed(client, **params) -> list[tuple[str, str, str]]:
    """Every (type, slug, kind) the feed lists, across its pages."""
    response = client.get(CHANGES, {"page_size": 100, **params})
    assert response.status_code == 200, response.content
    body = response.json()
    items = body["results"]
    while body["next"]:
        body = client.get(body["next"]).json()
        items += body["results"]
    return [(item["type"], item["slug"], item["kind"]) for item in items]


def test_the_first_load_records_every_item_as_created(client, load, dataset_copy):
    result = load(dataset_copy)

    changes = feed(client)
    assert {kind for _, _, kind in changes} == {"created"}
    expected = sum(model.objects.count() for model in CHANGE_TYPES)
    assert len(changes) == len(set(changes)) == expected
    assert ("currencies", "CAD", "created") in changes
    assert ("levels", "amazon-l5", "created") in changes
    body = client.get(CHANGES).json()
    assert body["version"] == result.version.version and body["since"] is None
    first = body["results"][0]
    assert first["version"] == result.version.version
    assert first["loaded_at"].startswith(result.version.loaded_at.isoformat()[:19])


def test_a_load_that_changes_nothing_records_nothing(load, dataset_copy):
    load(dataset_copy)
    before = Change.objects.count()

    result = load(dataset_copy)

    assert not result.changed
    assert Change.objects.count() == before
    assert DatasetVersion.objects.count() == 1


def test_editing_a_fixture_lists_the_edited_item_since_the_old_version(
    client, load, dataset_copy, fixture_file
):
    old = load(dataset_copy).version.version

    def raise_max(data):
        band = next(b for b in data["salary_bands"] if b["slug"] == "amazon-engineer-ca")
        band["max"] = 310000

    fixture_file("amazon/amazon-engineer-salaries.yaml").edit(raise_max)
    new = load(dataset_copy).version.version

    assert feed(client, since=old) == [
        ("roles", "amazon-engineer", "updated"),  # its page shows the band
        ("salary-bands", "amazon-engineer-ca", "updated"),
    ]
    body = client.get(CHANGES, {"since": old}).json()
    assert body["version"] == new and body["since"] == old
    assert body["results"][0]["version"] == new
    assert feed(client, since=new) == []


def test_removing_an_item_reports_its_deletion(client, load, dataset_copy, fixture_file):
    old = load(dataset_copy).version.version

    def drop(data):
        data["salary_bands"] = [
            b for b in data["salary_bands"] if b["slug"] != "amazon-engineer-sg"
        ]

    fixture_file("amazon/amazon-engineer-salaries.yaml").edit(drop)
    load(dataset_copy)

    assert feed(client, since=old) == [
        ("roles", "amazon-engineer", "updated"),
        ("salary-bands", "amazon-engineer-sg", "deleted"),
    ]


def test_removing_a_file_reports_each_item_it_held_as_deleted(client, load, dataset_copy):
    old = load(dataset_copy).version.version

    (dataset_copy / "industry" / "aws-developer.yaml").unlink()
    load(dataset_copy)

    changes = feed(client, since=old)
    assert [change for change in changes if change[0] != "skills"] == [
        ("roles", "aws-architect", "deleted"),
        ("roles", "aws-developer", "deleted"),
        ("salary-bands", "aws-architect-usd", "deleted"),
        ("salary-bands", "aws-developer-senior-usd", "deleted"),
    ]
    # The skills the file's roles asked for no longer name its source; GraphQL, which the
    # file defined, stays as the technology O*NET lists under that name.
    skills = {slug for kind, slug, change in changes if kind == "skills" and change == "updated"}
    assert {"graphql", "cost-optimization", "aws-lambda"} <= skills
    assert len(skills) == len([c for c in changes if c[0] == "skills"])
    for slug in skills:
        skill = client.get(f"/api/v1/skills/{slug}/").json()
        assert "jobdescription-org-aws-developer" not in {s["slug"] for s in skill["sources"]}
    graphql = client.get("/api/v1/skills/graphql/").json()
    assert (graphql["category"], graphql["onet_mapping"]) == ("technology", "")


@pytest.mark.parametrize(
    ("file", "edit", "expected"),
    [
        pytest.param(
            "industry/aws-developer.yaml",
            lambda d: d["roles"][0]["content"][0].update(body="Builds on AWS (edited)."),
            [("roles", "aws-developer", "updated")],
            id="role content",
        ),
        pytest.param(
            "industry/aws-developer.yaml",
            lambda d: d["roles"][0]["skills"].pop(),
            [
                ("skills", "cost-optimization", "updated"),  # one source fewer
                ("roles", "aws-developer", "updated"),
            ],
            id="role skill removed",
        ),
        pytest.param(
            "amazon/amazon-software-engineer.yaml",
            lambda d: d["interview_processes"][0]["stages"][0].update(tips="Practise."),
            [
                ("roles", "amazon-software-engineer", "updated"),  # its page shows the stages
                ("interview-processes", "amazon-swe-process", "updated"),
            ],
            id="interview stage",
        ),
        pytest.param(
            "amazon/amazon-software-engineer.yaml",
            lambda d: d["interview_processes"][0]["roles"].append("software-engineer"),
            [
                ("roles", "software-engineer", "updated"),  # its page shows the process now
                ("interview-processes", "amazon-swe-process", "updated"),
            ],
            id="many-to-many link",
        ),
        pytest.param(
            "catalogue/skills.yaml",
            lambda d: d["skills"][0].setdefault("aliases", []).append("An alias for testing"),
            "skills-first",
            id="skill alias",
        ),
    ],
)
def test_a_change_in_a_shown_row_updates_what_shows_it(
    client, load, dataset_copy, fixture_file, file, edit, expected
):
    old = load(dataset_copy).version.version
    if expected == "skills-first":
        expected = [("skills", fixture_file(file).read()["skills"][0]["slug"], "updated")]

    fixture_file(file).edit(edit)
    load(dataset_copy)

    assert feed(client, since=old) == expected


def test_editing_a_level_updates_the_level_and_its_ladder(client, load, dataset_copy, fixture_file):
    old = load(dataset_copy).version.version
    ladders = fixture_file("amazon/amazon-engineer-ladders.yaml")
    level = ladders.read()["ladders"][1]["levels"][0]["slug"]
    ladder = ladders.read()["ladders"][1]["slug"]

    ladders.edit(lambda d: d["ladders"][1]["levels"][0].update(scope="A narrower scope."))
    load(dataset_copy)

    assert feed(client, since=old) == [
        ("roles", "amazon-engineer", "updated"),  # its page shows the ladder and its levels
        ("ladders", ladder, "updated"),
        ("levels", level, "updated"),
    ]


def test_an_added_item_is_created_and_each_load_is_listed_in_order(
    client, load, dataset_copy, fixture_file
):
    first = load(dataset_copy).version.version
    fixture_file("amazon/amazon-services-software-engineer.yaml").edit(
        lambda d: d["topics"].append({"slug": "graph-theory", "name": "Graph theory"})
    )
    second = load(dataset_copy).version.version
    fixture_file("amazon/amazon-services-software-engineer.yaml").edit(lambda d: d["topics"].pop())
    third = load(dataset_copy).version.version

    assert feed(client, since=first) == [
        ("topics", "graph-theory", "created"),
        ("topics", "graph-theory", "deleted"),
    ]
    versions = [item["version"] for item in client.get(CHANGES, {"since": first}).json()["results"]]
    assert versions == [second, third]
    assert feed(client, since=second) == [("topics", "graph-theory", "deleted")]


def test_the_feed_is_paginated(client, seed_dataset):
    body = client.get(CHANGES, {"page_size": 2}).json()

    assert len(body["results"]) == 2 and body["count"] > 200
    assert "page=2" in body["next"] and body["previous"] is None
    assert body["version"] == seed_dataset.version.version


@pytest.mark.parametrize(
    "since",
    ["0" * 64, "not-a-version", "0" * 12, "A" * 64, "7662ee1", "f" * 65],
    ids=["unknown", "malformed", "unknown prefix", "unknown upper case", "too short", "too long"],
)
def test_an_unknown_or_malformed_since_is_a_400_naming_it(client, seed_dataset, since):
    response = client.get(CHANGES, {"since": since})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert [e["parameter"] for e in response.json()["errors"]] == ["since"]


def test_since_twice_and_unknown_parameters_are_400s(client, seed_dataset):
    version = seed_dataset.version.version

    twice = client.get(f"{CHANGES}?since={version}&since={version}")
    unknown = client.get(CHANGES, {"updated_since": "2020-01-01"})

    assert twice.status_code == unknown.status_code == 400
    assert unknown.json()["errors"][0]["parameter"] == "updated_since"


def test_the_feed_before_any_load_is_a_404(client):
    assert client.get(CHANGES).status_code == 404


@pytest.mark.parametrize("length", [8, 12, 63, 64])
@pytest.mark.parametrize("case", [str.lower, str.upper])
def test_since_takes_the_start_of_a_version_in_any_case(
    client, load, dataset_copy, fixture_file, length, case
):
    old = load(dataset_copy).version.version
    fixture_file("amazon/amazon-services-software-engineer.yaml").edit(
        lambda d: d["topics"].append({"slug": "graph-theory", "name": "Graph theory"})
    )
    load(dataset_copy)

    body = client.get(CHANGES, {"since": case(old[:length])}).json()

    assert [(item["type"], item["slug"]) for item in body["results"]] == [
        ("topics", "graph-theory")
    ]
    assert body["since"] == old  # the whole version it names


def test_the_start_of_two_versions_is_a_400_naming_since(client, load, dataset_copy, fixture_file):
    versions = [load(dataset_copy).version]
    fixture_file("amazon/amazon-services-software-engineer.yaml").edit(
        lambda d: d["topics"].append({"slug": "graph-theory", "name": "Graph theory"})
    )
    versions.append(load(dataset_copy).version)
    # Two real versions made to share their first 12 characters (a 1 in 2**48 chance),
    # and to differ in the 13th.
    shared = versions[0].version[:12]
    other = "0" if versions[0].version[12] != "0" else "1"
    DatasetVersion.objects.filter(pk=versions[1].pk).update(
        version=shared + other + versions[1].version[13:]
    )

    response = client.get(CHANGES, {"since": shared})
    longer = client.get(CHANGES, {"since": versions[0].version[:13]})

    assert response.status_code == 400
    [error] = response.json()["errors"]
    assert error["parameter"] == "since" and "more than one" in error["detail"]
    assert longer.status_code == 200 and longer.json()["since"] == versions[0].version
