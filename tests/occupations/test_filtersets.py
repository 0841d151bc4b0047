"""OccupationFilterSet and SocGroupFilterSet through their endpoints, and the roles list's
`occupation` filter, against the real dataset (seed fixtures, O*NET 29.2 and BLS OEWS
extracts). Expected codes are read off the extract's rows (tests/data/onet/README.md)."""

from datetime import timedelta

import pytest

from occupations.models import Occupation, ReportedTitle
from search.indexing import search_index_rebuild
from tests.seeded import seeded_module  # noqa: F401 (a fixture, used by name)

# Read-only tests: the dataset is loaded once for the module (tests/seeded.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_module")]

OCCUPATIONS = "/api/v1/occupations/"
SOC_GROUPS = "/api/v1/soc-groups/"
ROLES = "/api/v1/roles/"

#: The occupations in SOC minor group 15-1200 (Computer Occupations).
COMPUTER_OCCUPATIONS = [
    "15-1211.00",
    "15-1251.00",
    "15-1252.00",
    "15-1253.00",
    "15-1299.07",
    "15-1299.08",
]
#: The occupations whose rows in Technology Skills.txt list Python.
PYTHON_USERS = [*COMPUTER_OCCUPATIONS, "15-2051.00", "17-2112.02"]
#: The roles the fixtures file under 15-1252.00 Software Developers.
SOFTWARE_DEVELOPER_ROLES = {
    "amazon-engineer",
    "amazon-software-engineer",
    "amazon-services-software-engineer",
    "software-engineer",
    "aws-developer",
}


def results(client, url, key, params) -> list[str]:
    response = client.get(url, {"page_size": 100, **params})
    assert response.status_code == 200, response.content
    return [item[key] for item in response.json()["results"]]


def codes(client, **params) -> list[str]:
    return results(client, OCCUPATIONS, "code", params)


def group_codes(client, **params) -> list[str]:
    return results(client, SOC_GROUPS, "code", params)


def role_slugs(client, **params) -> set[str]:
    return set(results(client, ROLES, "slug", params))


def problem_parameters(response) -> list[str]:
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    return [error["parameter"] for error in response.json()["errors"]]


# --- occupations -------------------------------------------------------------------------


def test_group_filter_matches_occupations_at_any_depth_below(client):
    assert codes(client, group="15-1200") == COMPUTER_OCCUPATIONS
    assert codes(client, group="15-1250") == ["15-1251.00", "15-1252.00", "15-1253.00"]
    assert codes(client, group="15-1252") == ["15-1252.00"]
    assert codes(client, group="15-1299") == ["15-1299.07", "15-1299.08"]
    # 15-2051.00 is filed under the major group itself (the extract has no 15-2000).
    assert codes(client, group="15-0000") == [*COMPUTER_OCCUPATIONS, "15-2051.00"]
    assert codes(client, group="25-0000,29-0000") == ["25-2021.00", "29-1218.00", "29-1224.00"]
    # 17-2112.02 has no group: the extract publishes none for it below all occupations,
    # whose pay says nothing of one occupation.
    assert codes(client, group="00-0000") == [c for c in codes(client) if c != "17-2112.02"]
    assert client.get("/api/v1/occupations/17-2112.02/").json()["group"] is None


def test_group_filter_finds_radiologists_among_physicians(client):
    # SOC 2018 broad occupation 29-1210 Physicians runs from 29-1211 to 29-1229; BLS lists
    # 29-1224 Radiologists under it (tests/data/oews: sort_sequence 439, 447, 451).
    assert codes(client, group="29-1210") == ["29-1218.00", "29-1224.00"]


def test_group_filter_finds_an_occupation_by_the_group_bls_publishes(client):
    # BLS publishes 13-1020 Buyers and Purchasing Agents, not 13-1021.
    assert codes(client, group="13-1020") == ["13-1021.00"]
    assert codes(client, group="13-1000") == ["13-1021.00"]


def test_job_zone_filter(client):
    assert codes(client, job_zone="5") == ["29-1218.00", "29-1224.00"]
    two_or_three = ["15-1211.00", "15-1299.08", "27-2011.00"]
    assert codes(client, job_zone="2,3") == two_or_three
    assert codes(client, job_zone=["2", "3"]) == two_or_three  # repeated
    assert len(codes(client, job_zone="4")) == 8
    assert codes(client, job_zone="1") == []  # a real zone no extract occupation is in


def test_skill_filter_needs_all_of_the_technologies(client):
    assert codes(client, skill="python") == PYTHON_USERS
    assert codes(client, skill="Python") == PYTHON_USERS  # in any case
    assert codes(client, skill="python,pytorch") == ["15-2051.00"]
    assert codes(client, skill=["python", "pytorch"]) == ["15-2051.00"]  # repeated
    # Fixture skills that are O*NET technologies under other names.
    assert codes(client, skill="sagemaker") == ["15-2051.00"]  # Amazon Web Services AWS SageMaker
    assert codes(client, skill="ecs") == ["15-1299.07"]  # Amazon Elastic Container Service ECS
    assert codes(client, skill="aws-lambda") == []  # a fixture skill O*NET does not list


def test_skill_any_filter_needs_one_of_the_technologies(client):
    assert codes(client, skill_any="pytorch,prometheus") == ["15-2051.00", "17-2112.02"]
    # Occupations using both are listed once.
    assert codes(client, skill_any="python,java") == PYTHON_USERS


def test_hot_technology_filter_matches_any_hot_technology(client):
    assert codes(client, hot_technology="python") == PYTHON_USERS
    assert codes(client, hot_technology="amazon-redshift,microsoft-outlook") == [
        "13-1021.00",  # Outlook
        "15-1211.00",
        "15-1251.00",  # Redshift
        "15-1252.00",
        "15-1253.00",
        "15-1299.08",  # Redshift
        "15-2051.00",  # Redshift
        "17-2112.02",  # Outlook
        "25-2021.00",  # Outlook
        "27-2011.00",  # Outlook
    ]


def test_in_demand_filter_needs_all_of_the_technologies_in_demand(client):
    # Oracle Java is in demand for six of the eight occupations that use it (N for 15-1211.00
    # and 17-2112.02).
    assert codes(client, skill="java") == PYTHON_USERS
    assert codes(client, in_demand="java") == [*COMPUTER_OCCUPATIONS[1:], "15-2051.00"]
    # Docker is in demand only for 15-1252.00, 15-1299.07, 15-1299.08 and 15-2051.00.
    java_and_docker = ["15-1252.00", "15-1299.07", "15-1299.08", "15-2051.00"]
    assert codes(client, in_demand="java,docker") == java_and_docker
    # PyTorch is no Hot Technology, but in demand for data scientists.
    assert codes(client, in_demand="pytorch") == ["15-2051.00"]


def test_search_looks_in_codes_titles_and_alternate_titles(client):
    # No title says "Software Engineer": the alternate titles do (15-1253.00's "Applications
    # Software Engineering ...", 15-1299.07's "Blockchain Software Engineer" ...); the
    # quoted phrase wants the two words together, unquoted they may be apart.
    phrase = codes(client, search='"Software Engineer"')
    assert sorted(phrase) == ["15-1252.00", "15-1253.00", "15-1299.07", "15-1299.08", "15-2051.00"]
    assert phrase[0] == "15-1252.00"  # its alternate titles say it most
    assert codes(client, search='"software engineer"') == phrase  # in any case
    words = codes(client, search="Software Engineer")
    assert set(words) == {*phrase, "15-1211.00", "15-1251.00"}
    assert codes(client, search="Full Stack Software Engineer") == ["15-1252.00"]
    assert codes(client, search="radiologists") == ["29-1224.00"]  # the title
    assert codes(client, search="15-12") == COMPUTER_OCCUPATIONS  # the start of a code
    # 15-1252.00 has many "Developer" titles: listed once, and first.
    developers = codes(client, search="Developer")
    assert developers[0] == "15-1252.00"
    assert sorted(developers) == [*COMPUTER_OCCUPATIONS, "15-2051.00", "17-2112.02"]
    assert codes(client, search="developers -software") == ["17-2112.02"]


def test_search_looks_in_reported_titles(client):
    # Every reported title of the extract is also an alternate title, so add one; a row
    # written outside a load is in the search index once it is indexed again.
    actors = Occupation.objects.get(code="27-2011.00")
    ReportedTitle.objects.create(occupation=actors, title="Marquee Thespian", position=99)
    search_index_rebuild()

    assert codes(client, search="thespian") == ["27-2011.00"]


def test_ordering(client):
    by_code = codes(client)
    by_title = results(client, OCCUPATIONS, "title", {"ordering": "title"})

    assert by_code == sorted(by_code) and len(by_code) == 13
    assert codes(client, ordering="-code") == by_code[::-1]
    assert by_title == sorted(by_title) and by_title[0] == "Actors"


def test_updated_since_lists_occupations_changed_since(client):
    loaded = Occupation.objects.get(code="15-1252.00").updated_at
    Occupation.objects.filter(code="27-2011.00").update(updated_at=loaded + timedelta(hours=1))
    half_an_hour_later = (loaded + timedelta(minutes=30)).isoformat()

    assert codes(client, updated_since=half_an_hour_later) == ["27-2011.00"]
    assert len(codes(client, updated_since=loaded.isoformat())) == 13
    assert codes(client, updated_since="2999-01-01T00:00:00Z") == []


def test_filters_combine(client):
    assert codes(client, group="15-1200", job_zone="3", skill="python") == [
        "15-1211.00",
        "15-1299.08",
    ]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"skill": "python,no-such-skill"}, "skill"),
        ({"skill_any": "no-such-skill"}, "skill_any"),
        ({"in_demand": "no-such-skill"}, "in_demand"),
        ({"hot_technology": "no-such-skill"}, "hot_technology"),
        ({"hot_technology": "pytorch"}, "hot_technology"),  # O*NET: not a Hot Technology
        ({"hot_technology": "aws-lambda"}, "hot_technology"),  # no O*NET technology
        ({"group": "99-9999"}, "group"),
        ({"group": "15-2050"}, "group"),  # a SOC code BLS publishes no pay for
        ({"job_zone": "four"}, "job_zone"),
        ({"job_zone": "9"}, "job_zone"),
        ({"ordering": "job_zone"}, "ordering"),
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"colour": "blue"}, "colour"),
        ({"search": "java\x00"}, "search"),
        ({"page_size": "101"}, "page_size"),
    ],
)
def test_bad_filter_values_are_400_naming_the_parameter(client, params, parameter):
    assert problem_parameters(client.get(OCCUPATIONS, params)) == [parameter]


def test_an_unknown_value_is_named_in_the_error(client):
    error = client.get(OCCUPATIONS, {"skill": "python,no-such-skill"}).json()["errors"][0]

    assert error["detail"] == "unknown skill 'no-such-skill'."
    assert "99-9999" in client.get(OCCUPATIONS, {"group": "99-9999"}).json()["errors"][0]["detail"]


# --- SOC groups --------------------------------------------------------------------------


def test_soc_group_parent_filter_matches_groups_at_any_depth_below(client):
    computer = ["15-1210", "15-1211", "15-1250", "15-1251", "15-1252", "15-1253", "15-1299"]
    assert group_codes(client, parent="15-1200") == computer
    assert group_codes(client, parent="15-1250") == ["15-1251", "15-1252", "15-1253"]
    assert group_codes(client, parent="15-1252") == []  # a detailed occupation
    assert len(group_codes(client, parent="00-0000")) == 25  # all but the root itself


def test_soc_group_parent_filter_finds_radiologists_among_physicians(client):
    # 29-1224 Radiologists is in broad occupation 29-1210 Physicians (SOC 2018, and BLS's
    # own order in tests/data/oews/flat/oe.occupation), though its code is past 29-1219.
    assert group_codes(client, parent="29-1210") == ["29-1218", "29-1224"]


def test_soc_group_level_filter(client):
    majors = ["13-0000", "15-0000", "25-0000", "27-0000", "29-0000"]

    assert group_codes(client, level="major") == majors
    assert group_codes(client, level="total") == ["00-0000"]
    # BLS publishes 13-1020 as a detailed occupation, so it is not a broad one here.
    broad = ["15-1210", "15-1250", "25-2020", "27-2010", "29-1210"]
    assert group_codes(client, level=["broad"]) == broad
    assert len(group_codes(client, level=["major", "total"])) == 6


def test_soc_group_search_looks_in_codes_and_titles(client):
    assert group_codes(client, search="software") == ["15-1250", "15-1252", "15-1253"]
    assert group_codes(client, search="29-12") == ["29-1210", "29-1218", "29-1224"]


def test_soc_group_updated_since(client):
    assert len(group_codes(client, updated_since="2000-01-01T00:00:00Z")) == 26
    assert group_codes(client, updated_since="2999-01-01T00:00:00Z") == []


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"level": "planet"}, "level"),
        ({"parent": "99-9999"}, "parent"),
        ({"updated_since": "2025-02-30"}, "updated_since"),
    ],
)
def test_bad_soc_group_filters_are_400(client, params, parameter):
    assert problem_parameters(client.get(SOC_GROUPS, params)) == [parameter]


# --- the roles list's occupation filter ---------------------------------------------------


def test_role_occupation_filter_by_onet_code_is_that_occupation(client):
    assert role_slugs(client, occupation="15-1252.00") == SOFTWARE_DEVELOPER_ROLES
    assert role_slugs(client, occupation="15-1299.08") == {"aws-architect"}
    assert role_slugs(client, occupation="15-1252.00,15-1299.08") == {
        *SOFTWARE_DEVELOPER_ROLES,
        "aws-architect",
    }
    assert role_slugs(client, occupation="29-1224.00") == set()  # no role is a radiologist


def test_role_occupation_filter_by_soc_code_is_every_occupation_in_the_group(client):
    assert role_slugs(client, occupation="15-1252") == SOFTWARE_DEVELOPER_ROLES
    assert role_slugs(client, occupation="15-1299") == {"aws-architect"}
    assert role_slugs(client, occupation="15-1200") == {*SOFTWARE_DEVELOPER_ROLES, "aws-architect"}
    assert role_slugs(client, occupation="29-0000") == set()


@pytest.mark.parametrize("value", ["99-9999.00", "15-1252.01", "99-9999", "15-125", "software"])
def test_role_occupation_filter_rejects_unknown_or_malformed_codes(client, value):
    assert problem_parameters(client.get(ROLES, {"occupation": value})) == ["occupation"]


def test_role_skill_filter_still_matches_role_skills_only(client):
    # The roles whose fixtures list Python, not the occupations O*NET says use it.
    assert role_slugs(client, skill="python") == {
        "amazon-engineer",
        "amazon-software-engineer",
        "amazon-services-software-engineer",
        "aws-developer",
    }


def test_roles_by_a_soc_code_bls_does_not_publish_are_its_occupations_roles(client):
    # 13-1021 is an O*NET occupation's SOC code, not a group of BLS's: a known code.
    response = client.get("/api/v1/roles/", {"occupation": "13-1021"})

    assert response.status_code == 200 and response.json()["count"] == 0
