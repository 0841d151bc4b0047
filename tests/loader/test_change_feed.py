"""The change feed covers composite documents: a load lists every item whose detail JSON
changed, and only those, however deep inside another item the change was (a band inside a
role page, a level inside a ladder inside a role page, a topic's name inside a question).

Each case edits one field of a copy of the fixtures, loads it, and compares the feed with a
diff of every item's detail JSON before and after the load: as the export gives them (each
item exactly as its detail URL returns it), and, for the first case, byte by byte from
every detail URL itself.
"""

import json

import pytest
from django.test import Client

from tests.seeded import seeded_module  # noqa: F401 (a fixture, used by name)

pytestmark = pytest.mark.django_db

SALARIES = "amazon/amazon-engineer-salaries.yaml"
LADDERS = "amazon/amazon-engineer-ladders.yaml"
SWE = "amazon/amazon-software-engineer.yaml"
SERVICES = "amazon/amazon-services-software-engineer.yaml"
DEVELOPER = "industry/aws-developer.yaml"


def exported(client) -> dict[str, str]:
    """Every item's detail JSON, by its detail URL, as the export gives it."""
    body = b"".join(client.get("/api/v1/export/").streaming_content)
    items = [json.loads(line) for line in body.splitlines()[1:-1]]
    return {
        f"/api/v1/{item['type']}/{item['slug']}/": json.dumps(item["data"], sort_keys=True)
        for item in items
    }


def fetched(client) -> dict[str, bytes]:
    """Every detail URL's body, fetched."""
    found = {}
    for url in exported(client):
        response = client.get(url)
        assert response.status_code == 200, url
        found[url] = response.content
    return found


def feed(client, since: str) -> set[tuple[str, str]]:
    body = client.get("/api/v1/changes/", {"since": since, "page_size": 100}).json()
    items = body["results"]
    while body["next"]:
        body = client.get(body["next"]).json()
        items += body["results"]
    return {(f"/api/v1/{i['type']}/{i['slug']}/", i["kind"]) for i in items}


def diff(before: dict, after: dict) -> set[tuple[str, str]]:
    return (
        {(url, "updated") for url in before.keys() & after.keys() if before[url] != after[url]}
        | {(url, "created") for url in after.keys() - before.keys()}
        | {(url, "deleted") for url in before.keys() - after.keys()}
    )


def band(slug: str):
    return lambda d: next(b for b in d["salary_bands"] if b["slug"] == slug)


def entry(data: dict, collection: str, slug: str) -> dict:
    return next(e for e in data[collection] if e.get("slug", e.get("code")) == slug)


def edit(collection: str, slug: str, *path, **values):
    """An edit of one entry (or of an entry nested in it, at `path`): `values` set."""

    def change(data):
        target = entry(data, collection, slug)
        for step in path:
            target = target[step]
        target.update(values)

    return change


def edit_band(slug: str, **values):
    return edit("salary_bands", slug, **values)


def reverse_levels(data):
    entry(data, "ladders", "amazon-sde-levels")["levels"].reverse()


def drop_band(data):
    data["salary_bands"] = [b for b in data["salary_bands"] if b["slug"] != "amazon-engineer-sg"]


def add_band(data):
    copy = dict(entry(data, "salary_bands", "amazon-engineer-sg"), slug="amazon-engineer-sg-2")
    data["salary_bands"].append(copy)


def add_alias(data):
    entry(data, "skills", "python").setdefault("aliases", []).append("Python 3")


def add_process_role(data):
    entry(data, "interview_processes", "amazon-swe-process")["roles"].append("software-engineer")


def add_question_topic(data):
    question = entry(data, "questions", "amazon-services-swe-q-reverse-linked-list")
    question["topics"].append("hash-maps")


def drop_stage(data):
    entry(data, "interview_processes", "amazon-swe-process")["stages"].pop()


def test_a_bands_interpretation_changes_the_band_and_its_role_page_byte_for_byte(
    client, load, dataset_copy, fixture_file
):
    old = load(dataset_copy)
    before = fetched(client)

    fixture_file(SALARIES).edit(edit_band("amazon-engineer-ca", interpretation="Edited."))
    new = load(dataset_copy)
    after = fetched(client)

    assert (
        feed(client, old.version.version)
        == diff(before, after)
        == {
            ("/api/v1/salary-bands/amazon-engineer-ca/", "updated"),
            ("/api/v1/roles/amazon-engineer/", "updated"),
        }
    )
    since = {"updated_since": new.version.loaded_at.isoformat()}
    roles = client.get("/api/v1/roles/", since).json()["results"]
    assert [role["slug"] for role in roles] == ["amazon-engineer"]


ROLE_PAGES = [
    "roles/amazon-engineer",
    "roles/amazon-software-engineer",
    "roles/amazon-services-software-engineer",
    "roles/aws-developer",
]

CASES = [
    # (file, edit, items that must be among the changed, items that must not)
    pytest.param(
        SALARIES,
        edit_band("amazon-engineer-ca", max=310000),
        ["salary-bands/amazon-engineer-ca", "roles/amazon-engineer"],
        ["currencies/CAD", "regions/ca"],
        id="a band's amount: the band and its role page",
    ),
    pytest.param(
        SALARIES,
        edit_band("amazon-engineer-ca", role="amazon-software-engineer"),
        [
            "salary-bands/amazon-engineer-ca",
            "roles/amazon-engineer",
            "roles/amazon-software-engineer",
        ],
        [],
        id="a band moved to another role: both role pages",
    ),
    pytest.param(
        SALARIES,
        drop_band,
        ["salary-bands/amazon-engineer-sg", "roles/amazon-engineer"],
        [],
        id="a band removed: its role page",
    ),
    pytest.param(
        SALARIES,
        add_band,
        ["salary-bands/amazon-engineer-sg-2", "roles/amazon-engineer"],
        [],
        id="a band added: its role page",
    ),
    pytest.param(
        "catalogue/skills.yaml",
        edit("skills", "python", name="Python 3"),
        ["skills/python", *ROLE_PAGES],
        ["questions/amazon-swe-q-tell-me-about-yourself"],
        id="a skill's name: every role page that lists it",
    ),
    pytest.param(
        "catalogue/skills.yaml",
        edit("skills", "python", description="A programming language (edited)."),
        ["skills/python"],
        ROLE_PAGES,
        id="a skill's description: the skill alone (role pages do not show it)",
    ),
    pytest.param(
        "catalogue/skills.yaml",
        add_alias,
        ["skills/python"],
        ROLE_PAGES,
        id="a skill's alias: the skill alone",
    ),
    pytest.param(
        "reference/sources.yaml",
        edit("sources", "himalayas-amazon-engineer-guide", title="The Amazon Engineer Guide"),
        [
            "sources/himalayas-amazon-engineer-guide",
            "roles/amazon-engineer",
            "salary-bands/amazon-engineer-ca",
            "ladders/amazon-sde-levels",
        ],
        ["sources/amazon-swe-interview-guide", "currencies/CAD"],
        id="a source's title: everything that cites it",
    ),
    pytest.param(
        "reference/sources.yaml",
        edit("sources", "himalayas-amazon-engineer-guide", covers="Amazon engineering (edited)."),
        ["sources/himalayas-amazon-engineer-guide"],
        ["roles/amazon-engineer", "salary-bands/amazon-engineer-ca"],
        id="what a source covers: the source alone",
    ),
    pytest.param(
        LADDERS,
        edit("ladders", "amazon-sde-levels", "levels", 0, name="Software Development Engineer I"),
        [
            "levels/amazon-l4",
            "ladders/amazon-sde-levels",
            "roles/amazon-engineer",
            "salary-bands/amazon-engineer-us-l4",
        ],
        ["salary-bands/amazon-engineer-us-l5"],
        id="a level's name: its ladder, its role page and its bands",
    ),
    pytest.param(
        LADDERS,
        edit("ladders", "amazon-sde-levels", "levels", 0, scope="A narrower scope."),
        ["levels/amazon-l4", "ladders/amazon-sde-levels", "roles/amazon-engineer"],
        ["salary-bands/amazon-engineer-us-l4"],
        id="a level's scope: its ladder and role page, not its bands",
    ),
    pytest.param(
        LADDERS,
        reverse_levels,
        [
            "levels/amazon-l4",
            "levels/amazon-l7",
            "ladders/amazon-sde-levels",
            "roles/amazon-engineer",
        ],
        ["salary-bands/amazon-engineer-us-l4"],
        id="levels reordered: positions, the ladder, the role page's order",
    ),
    pytest.param(
        "reference/geography.yaml",
        edit("regions", "us", name="United States of America"),
        ["regions/us", "salary-bands/amazon-engineer-us-l4", "roles/amazon-engineer"],
        ["regions/ca", "salary-bands/amazon-engineer-ca"],
        id="a region's name: its bands and their role pages",
    ),
    pytest.param(
        "reference/geography.yaml",
        edit("currencies", "CAD", name="Dollar canadien"),
        ["currencies/CAD"],
        ["salary-bands/amazon-engineer-ca", "roles/amazon-engineer", "regions/ca"],
        id="a currency's name: the currency alone (bands show its code)",
    ),
    pytest.param(
        "reference/companies.yaml",
        edit("companies", "amazon", name="Amazon.com, Inc."),
        ["companies/amazon"],
        ["roles/amazon-engineer", "companies/aws", "ladders/amazon-sde-levels"],
        id="a company's name: the company alone (others show its slug)",
    ),
    pytest.param(
        "reference/companies.yaml",
        edit("companies", "amazon", "statistics", 0, quote="Edited quote."),
        ["companies/amazon"],
        ["roles/amazon-engineer"],
        id="a company's statistic: the company",
    ),
    pytest.param(
        "amazon/amazon-engineer.yaml",
        edit("roles", "amazon-engineer", title="Amazon Engineer (edited)"),
        ["roles/amazon-engineer"],
        ["salary-bands/amazon-engineer-ca", "ladders/amazon-sde-levels"],
        id="a role's title: the role page alone",
    ),
    pytest.param(
        "amazon/amazon-engineer.yaml",
        edit("roles", "amazon-engineer", "statistics", 0, quote="Edited quote."),
        ["roles/amazon-engineer"],
        [],
        id="a role's statistic: the role page",
    ),
    pytest.param(
        "amazon/amazon-engineer.yaml",
        edit("roles", "amazon-engineer", "related", 0, description="Edited."),
        ["roles/amazon-engineer"],
        [],
        id="a related role's description: the role page",
    ),
    pytest.param(
        DEVELOPER,
        edit("roles", "aws-developer", "skills", 0, importance="mentioned"),
        ["roles/aws-developer"],
        ["skills/python"],
        id="a role's skill importance: the role page",
    ),
    pytest.param(
        SWE,
        edit("interview_processes", "amazon-swe-process", "stages", 0, tips="Practise."),
        ["interview-processes/amazon-swe-process", "roles/amazon-software-engineer"],
        ["roles/amazon-engineer"],
        id="a stage's tips: the process and its roles' pages",
    ),
    pytest.param(
        SWE,
        drop_stage,
        ["interview-processes/amazon-swe-process", "roles/amazon-software-engineer"],
        [],
        id="a stage removed: the process and its roles' pages",
    ),
    pytest.param(
        SWE,
        edit("interview_processes", "amazon-swe-process", "guidance", 0, body="Edited."),
        ["interview-processes/amazon-swe-process"],
        ["roles/amazon-software-engineer"],
        id="a process's guidance: the process alone (role pages do not show it)",
    ),
    pytest.param(
        SWE,
        add_process_role,
        ["interview-processes/amazon-swe-process", "roles/software-engineer"],
        ["roles/amazon-software-engineer"],
        id="a process linked to one more role: that role's page",
    ),
    pytest.param(
        SWE,
        edit("interview_processes", "amazon-swe-process", name="Amazon SWE loop (edited)"),
        ["interview-processes/amazon-swe-process", "roles/amazon-software-engineer"],
        ["questions/amazon-swe-q-push-back-deadline"],
        id="a process's name: its roles' pages (questions show its slug)",
    ),
    pytest.param(
        SWE,
        edit("competencies", "amazon-swe-quality-ownership-mentality", name="Ownership (edited)"),
        [
            "competencies/amazon-swe-quality-ownership-mentality",
            "questions/amazon-swe-q-owned-problem-end-to-end",
        ],
        ["questions/amazon-swe-q-push-back-deadline"],
        id="a competency's name: the questions that probe it",
    ),
    pytest.param(
        SWE,
        edit("questions", "amazon-swe-q-push-back-deadline", text="Edited question?"),
        ["questions/amazon-swe-q-push-back-deadline"],
        ["roles/amazon-software-engineer", "interview-processes/amazon-swe-process"],
        id="a question's text: the question alone",
    ),
    pytest.param(
        SERVICES,
        edit("topics", "linked-lists", name="Linked lists (edited)"),
        ["topics/linked-lists", "questions/amazon-services-swe-q-reverse-linked-list"],
        ["questions/amazon-services-swe-q-sync-vs-async"],
        id="a topic's name: the questions tagged with it",
    ),
    pytest.param(
        SERVICES,
        add_question_topic,
        ["questions/amazon-services-swe-q-reverse-linked-list"],
        ["topics/hash-maps"],
        id="a question tagged with one more topic: the question",
    ),
]


@pytest.fixture(scope="module")
def exported_before(seeded_module, django_db_blocker):  # noqa: F811 (the fixture)
    """Every item's detail JSON of the fixtures as loaded (once for all the cases)."""
    with django_db_blocker.unblock():
        return exported(Client())


@pytest.mark.parametrize(("file", "edit", "changed", "unchanged"), CASES)
def test_the_feed_lists_exactly_the_documents_whose_json_changed(
    client,
    load,
    dataset_copy,
    fixture_file,
    file,
    edit,
    changed,
    unchanged,
    seeded_module,  # noqa: F811 (the fixture)
    exported_before,
):
    old, before = seeded_module, exported_before  # dataset_copy holds the same files

    fixture_file(file).edit(edit)
    new = load(dataset_copy)
    after = exported(client)

    expected = diff(before, after)
    assert feed(client, old.version.version) == expected
    urls = {url for url, _ in expected}
    assert {f"/api/v1/{item}/" for item in changed} <= urls
    assert not {f"/api/v1/{item}/" for item in unchanged} & urls
    for url, kind in expected:  # an updated item says when: the new load's time
        data = json.loads(after.get(url, "{}"))
        if kind == "updated" and "updated_at" in data:
            assert data["updated_at"].startswith(new.version.loaded_at.isoformat()[:19])
