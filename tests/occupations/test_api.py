"""The occupations app's endpoints, through the test client, on the real dataset: the seed
fixtures with the O*NET 29.2 and BLS OEWS May 2025 extracts of tests/data/."""

import pytest

from tests.seeded import seeded_module  # noqa: F401 (a fixture, used by name)

# Read-only tests: the dataset is loaded once for the module (tests/seeded.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_module")]

OCCUPATIONS = "/api/v1/occupations/"
SOC_GROUPS = "/api/v1/soc-groups/"
JOB_ZONES = "/api/v1/job-zones/"
SKILLS = "/api/v1/skills/"

#: The thirteen occupations of the O*NET extract (its Occupation Data.txt), in code order.
EXTRACT_CODES = [
    *("13-1021.00", "15-1211.00", "15-1251.00", "15-1252.00", "15-1253.00", "15-1299.07"),
    *("15-1299.08", "15-2051.00", "17-2112.02", "25-2021.00", "27-2011.00", "29-1218.00"),
    "29-1224.00",
]


def codes(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["code"] for item in response.json()["results"]]


def not_found(response) -> dict:
    assert response.status_code == 404, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == 404
    return body


# --- occupations list --------------------------------------------------------------------


def test_list_has_every_occupation_of_the_release_in_code_order(client):
    body = client.get(OCCUPATIONS, {"page_size": 100}).json()

    assert body["count"] == 13
    assert [item["code"] for item in body["results"]] == EXTRACT_CODES
    developers = body["results"][EXTRACT_CODES.index("15-1252.00")]
    assert developers["soc_code"] == "15-1252"
    assert developers["title"] == "Software Developers"
    assert developers["job_zone"] == 4  # Job Zones.txt: 15-1252.00 4 11/2021
    assert developers["group"] == {
        "code": "15-1252",
        "title": "Software Developers",
        "level": "detailed",
    }
    actors = body["results"][EXTRACT_CODES.index("27-2011.00")]
    assert (actors["title"], actors["job_zone"]) == ("Actors", 2)


# --- occupation page ---------------------------------------------------------------------


def test_occupation_page_has_what_onet_says_of_it(client):
    page = client.get(f"{OCCUPATIONS}15-1252.00/").json()

    assert page["code"] == "15-1252.00" and page["soc_code"] == "15-1252"
    assert page["title"] == "Software Developers"
    assert page["description"].startswith(
        "Research, design, and develop computer and network software or specialized utility "
        "programs."
    )
    assert page["job_zone"]["zone"] == 4
    assert page["job_zone"]["name"] == "Job Zone Four: Considerable Preparation Needed"
    assert page["job_zone"]["svp_range"] == "(7.0 to < 8.0)"
    assert page["groups"] == ["15-0000", "15-1200", "15-1250", "15-1252"]
    assert page["source"]["slug"] == "onet-29-2"


def test_occupation_page_nests_titles_tasks_technologies_and_related(client):
    page = client.get(f"{OCCUPATIONS}15-1252.00/").json()

    titles = {t["title"]: t for t in page["alternate_titles"]}
    assert len(page["alternate_titles"]) == 135  # every row of Alternate Titles.txt
    assert page["alternate_titles"][0] == {
        "title": ".NET Developer",
        "short_title": "",
        "sources": ["08"],
    }
    assert titles["Software Engineer"]["sources"] == ["02", "04", "10"]
    assert titles["Artificial Intelligence Specialist (AI Specialist)"]["short_title"] == (
        "AI Specialist"
    )
    assert len(page["reported_titles"]) == 10
    assert {"title": "Application Developer", "shown_in_my_next_move": True} in (
        page["reported_titles"]
    )
    assert {"title": "Software Engineer", "shown_in_my_next_move": False} in (
        page["reported_titles"]
    )
    assert len(page["tasks"]) == 19
    assert page["tasks"][1] == {
        "task_id": 21662,
        "statement": "Analyze user needs and software requirements to determine feasibility of "
        "design within time and cost constraints.",
        "kind": None,  # n/a in the release: null, not ""
        "incumbents_responding": None,
        "date": "2020-11",
        "domain_source": "Analyst",
    }
    technologies = {t["example"]: t for t in page["technology_skills"]}
    assert len(page["technology_skills"]) == 425
    assert page["technology_skills"][0]["example"] == "3M Post-it App"  # the file's order
    assert technologies["Python"] == {
        "skill": "python",
        "name": "Python",
        "example": "Python",
        "commodity_code": 43232405,
        "commodity_title": "Object or component oriented development software",
        "hot_technology": True,
        "in_demand": True,
    }
    # The fixtures say Java is O*NET's Oracle Java: the row names the fixture's skill.
    assert technologies["Oracle Java"]["skill"] == "java"
    assert page["related"][0] == {
        "code": "15-1299.08",
        "title": "Computer Systems Engineers/Architects",
        "tier": "primary_short",
        "rank": 1,
    }
    assert [(r["code"], r["tier"], r["rank"]) for r in page["related"]] == [
        ("15-1299.08", "primary_short", 1),
        ("15-1251.00", "primary_short", 2),
        ("15-1211.00", "primary_short", 3),
        ("15-1253.00", "primary_short", 5),
        ("15-1299.07", "supplemental", 17),
    ]


def test_a_rated_task_keeps_its_type_and_respondents(client):
    tasks = client.get(f"{OCCUPATIONS}13-1021.00/").json()["tasks"]

    task = next(t for t in tasks if t["task_id"] == 12878)
    assert task["statement"].startswith("Purchase, for further processing or for resale, farm")
    assert (task["kind"], task["incumbents_responding"]) == ("core", 71)
    assert (task["date"], task["domain_source"]) == ("2013-07", "Incumbent")


@pytest.mark.parametrize(
    ("code", "group", "groups"),
    [
        # BLS publishes 13-1020 (Buyers and Purchasing Agents), not 13-1021.
        ("13-1021.00", "13-1020", ["13-0000", "13-1000", "13-1020"]),
        # The OEWS extract has no 15-2000 group: the nearest above is the major group.
        ("15-2051.00", "15-0000", ["15-0000"]),
    ],
)
def test_an_occupation_without_published_pay_is_in_the_nearest_group_above(
    client, code, group, groups
):
    page = client.get(f"{OCCUPATIONS}{code}/").json()

    assert page["group"]["code"] == group
    assert page["groups"] == groups


@pytest.mark.parametrize(
    ("code", "groups"),
    [
        ("15-1252.00", ["15-0000", "15-1200", "15-1250", "15-1252"]),
        ("15-1299.08", ["15-0000", "15-1200", "15-1299"]),  # OEWS has no 15-1290
        # SOC 2018 broad occupation 29-1210 Physicians runs from 29-1211 to 29-1229.
        ("29-1224.00", ["29-0000", "29-1000", "29-1210", "29-1224"]),
    ],
)
def test_occupation_groups_run_from_the_major_group_down(client, code, groups):
    assert client.get(f"{OCCUPATIONS}{code}/").json()["groups"] == groups


def test_the_soc_code_names_its_dot_00_occupation(client):
    with_suffix = client.get(f"{OCCUPATIONS}15-1252.00/")
    without = client.get(f"{OCCUPATIONS}15-1252/")

    assert with_suffix.status_code == without.status_code == 200
    assert without.json() == with_suffix.json()
    # 15-1299 has only .07 and .08 occupations: no .00 to name.
    assert not_found(client.get(f"{OCCUPATIONS}15-1299/"))["detail"] == "No occupation 15-1299."


def test_unknown_occupation_is_a_404_problem_document(client):
    body = not_found(client.get(f"{OCCUPATIONS}99-9999.00/"))

    assert body["detail"] == "No occupation 99-9999.00."


@pytest.mark.parametrize("code", ["15-12520", "15-1252.0", "151252", "software-developers"])
def test_a_malformed_code_matches_no_url(client, code):
    assert not_found(client.get(f"{OCCUPATIONS}{code}/"))["detail"].startswith("Nothing at ")


def test_occupation_query_counts_are_bounded(client, django_assert_max_num_queries):
    # The dataset version, the count, the page (job zone and group joined), the version stamp.
    with django_assert_max_num_queries(5):
        assert codes(client.get(OCCUPATIONS, {"page_size": 100})) == EXTRACT_CODES
    # + the memoised tables that resolve the SOC code and the skill slug.
    with django_assert_max_num_queries(7):
        filtered = client.get(OCCUPATIONS, {"group": "15-1200", "skill": "python"})
        assert len(codes(filtered)) == 6
    # Written from rows: the version, the occupation's row, one query per nested kind
    # (alternate and reported titles, tasks, technologies, related occupations), the version
    # stamp: measured 8; what rows name (skills, job zones, groups, sources) is read once per
    # dataset, by the first page asked for.
    client.get(f"{OCCUPATIONS}15-1253.00/")
    with django_assert_max_num_queries(9):
        assert client.get(f"{OCCUPATIONS}15-1252.00/").status_code == 200


# --- SOC groups and job zones ------------------------------------------------------------


def test_soc_groups_list_the_published_hierarchy_in_code_order(client):
    body = client.get(SOC_GROUPS, {"page_size": 100}).json()

    assert body["count"] == 26  # the OEWS extract's SOC codes
    listed = [group["code"] for group in body["results"]]
    assert listed == sorted(listed) and listed[0] == "00-0000"
    total = body["results"][0]
    assert (total["title"], total["level"], total["parent"]) == ("All Occupations", "total", None)


def test_soc_group_detail_names_its_parent_and_source(client):
    group = client.get(f"{SOC_GROUPS}15-1252/").json()

    assert (group["title"], group["level"]) == ("Software Developers", "detailed")
    assert group["parent"] == "15-1250"
    assert group["source"]["slug"] == "bls-oews-2025a01"
    assert client.get(f"{SOC_GROUPS}15-1250/").json()["parent"] == "15-1200"
    assert client.get(f"{SOC_GROUPS}15-0000/").json()["level"] == "major"


@pytest.mark.parametrize(
    ("code", "parent"),
    [
        ("15-1299", "15-1200"),  # no 15-1290 in OEWS: straight under the minor group
        ("29-1218", "29-1210"),
        # 29-1210 Physicians runs to 29-1229 (SOC 2018; BLS's order in the OEWS extract).
        ("29-1224", "29-1210"),
    ],
)
def test_soc_group_parent_is_the_nearest_published_group(client, code, parent):
    assert client.get(f"{SOC_GROUPS}{code}/").json()["parent"] == parent


def test_unknown_or_malformed_soc_group_is_a_404(client):
    assert not_found(client.get(f"{SOC_GROUPS}99-9999/"))
    assert not_found(client.get(f"{SOC_GROUPS}15-1252.00/"))["detail"].startswith("Nothing at ")


def test_job_zones_list_the_five_zones_of_the_reference(client):
    zones = client.get(JOB_ZONES).json()["results"]

    assert [zone["zone"] for zone in zones] == [1, 2, 3, 4, 5]
    assert zones[0]["name"] == "Job Zone One: Little or No Preparation Needed"
    assert zones[0]["svp_range"] == "(Below 4.0)"
    assert zones[4]["name"] == "Job Zone Five: Extensive Preparation Needed"


def test_job_zone_detail(client):
    zone = client.get(f"{JOB_ZONES}4/").json()

    assert zone["name"] == "Job Zone Four: Considerable Preparation Needed"
    assert zone["education"] == (
        "Most of these occupations require a four-year bachelor's degree, but some do not."
    )
    assert zone["source"]["slug"] == "onet-29-2"
    assert not_found(client.get(f"{JOB_ZONES}6/"))
    assert not_found(client.get(f"{JOB_ZONES}four/"))


# --- O*NET technologies as skills --------------------------------------------------------


def test_technologies_no_fixture_skill_is_are_skills_of_their_own(client):
    body = client.get(SKILLS, {"category": "technology", "page_size": 100}).json()

    # Technology Skills.txt names 742 technologies; 28 are fixture skills (26 in
    # catalogue/skills.yaml, Linux and GraphQL in role files), each of the rest a skill.
    assert body["count"] == 742 - 28
    assert all(s["category"] == "technology" and s["onet_example"] for s in body["results"])
    redshift = client.get(f"{SKILLS}amazon-redshift/").json()
    assert (redshift["name"], redshift["category"]) == ("Amazon Redshift", "technology")
    assert redshift["onet_example"] == "Amazon Redshift" and redshift["hot_technology"] is True
    assert [source["slug"] for source in redshift["sources"]] == ["onet-29-2"]


def test_a_fixture_skill_that_is_a_technology_has_both_sources(client):
    python = client.get(f"{SKILLS}python/").json()

    assert (python["category"], python["onet_example"]) == ("language", "Python")
    assert python["hot_technology"] is True  # Technology Skills.txt: Python ... Y
    sources = [source["slug"] for source in python["sources"]]
    assert "onet-29-2" in sources
    assert "himalayas-amazon-engineer-guide" in sources  # a seed guide that names Python
    # No second skill for the technology: the fixture's skill is it.
    found = client.get(SKILLS, {"search": "python", "page_size": 100}).json()["results"]
    assert [s["slug"] for s in found if s["onet_example"] == "Python"] == ["python"]
