"""The roles app's endpoints, through the test client, on the real dataset."""

import pytest

pytestmark = pytest.mark.django_db

ROLES = "/api/v1/roles/"


def slugs(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


def problem_parameters(response) -> list[str]:
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    return [error["parameter"] for error in response.json()["errors"]]


# --- roles list and filters --------------------------------------------------------------


def test_roles_list_nests_skills_with_importance_and_category(seed_dataset, client):
    body = client.get(ROLES, {"page_size": 100}).json()

    assert body["count"] == 6
    role = next(r for r in body["results"] if r["slug"] == "aws-developer")
    assert role["company"] is None and role["family"] == "software-engineering"
    lambda_skill = next(s for s in role["skills"] if s["slug"] == "aws-lambda")
    assert lambda_skill == {
        "slug": "aws-lambda",
        "name": "AWS Lambda",
        "category": "cloud_service",
        "importance": "required",
        "weight": 3,
    }


def test_skill_filter_needs_all_of_the_skills(seed_dataset, client):
    both = slugs(client.get(ROLES, {"skill": "python,aws-lambda"}))
    repeated = slugs(client.get(f"{ROLES}?skill=python&skill=aws-lambda"))

    assert both == repeated
    assert slugs(client.get(ROLES, {"skill": "Python,AWS-Lambda"})) == both  # in any case
    assert "aws-developer" in both and "amazon-engineer" in both
    assert "amazon-software-engineer" not in both  # Python, but no Lambda


def test_skill_any_filter_needs_one_of_the_skills(seed_dataset, client):
    any_of = slugs(client.get(ROLES, {"skill_any": "localstack,sql"}))

    assert set(any_of) == {"aws-developer", "amazon-software-engineer"}


def test_company_filter_includes_the_companys_organisations(seed_dataset, client):
    at_amazon = slugs(client.get(ROLES, {"company": "amazon"}))

    assert set(at_amazon) == {
        "amazon-engineer",
        "amazon-software-engineer",
        "amazon-services-software-engineer",
    }
    assert slugs(client.get(ROLES, {"company": "amazon-services"})) == [
        "amazon-services-software-engineer"
    ]


def test_family_and_level_filters(seed_dataset, client):
    assert len(slugs(client.get(ROLES, {"family": "software-engineering"}))) == 6
    assert slugs(client.get(ROLES, {"level": "amazon-l4"})) == ["amazon-engineer"]


def test_search_looks_in_titles_summaries_skill_names_and_aliases(seed_dataset, client):
    # Every role needing AWS skills says "AWS" and "developer" somewhere; the one whose
    # title says both comes first.
    found = slugs(client.get(ROLES, {"search": "aws developer"}))
    assert found[0] == "aws-developer"
    assert slugs(client.get(ROLES, {"search": '"aws developer"'})) == ["aws-developer"]
    by_alias = slugs(client.get(ROLES, {"search": "Golang"}))  # an alias of Go
    assert by_alias == ["amazon-engineer"]


def test_ordering(seed_dataset, client):
    ascending = slugs(client.get(ROLES, {"ordering": "slug"}))

    assert ascending == sorted(ascending)
    assert slugs(client.get(ROLES, {"ordering": "-slug"})) == ascending[::-1]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"skill": "python,no-such-skill"}, "skill"),
        ({"skill_any": "NOT A SLUG"}, "skill_any"),
        ({"company": "acme"}, "company"),
        ({"family": "poetry"}, "family"),
        ({"level": "l99"}, "level"),
        ({"ordering": "salary"}, "ordering"),
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"colour": "blue"}, "colour"),
        ({"page_size": "101"}, "page_size"),
        ({"page": "-1"}, "page"),
        ({"search": "java\x00"}, "search"),
    ],
)
def test_bad_filter_values_are_400_naming_the_parameter(seed_dataset, client, params, parameter):
    assert problem_parameters(client.get(ROLES, params)) == [parameter]


def test_an_unknown_slug_is_named_in_the_error(seed_dataset, client):
    error = client.get(ROLES, {"skill": "python,no-such-skill"}).json()["errors"][0]

    assert error["detail"] == "unknown skill 'no-such-skill'."


def test_roles_list_query_count_does_not_grow_with_page_size(
    seed_dataset, client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):  # the version of the snapshot, then the list
        assert client.get(ROLES, {"page_size": 1}).status_code == 200
    with django_assert_max_num_queries(5):  # + the lookup that validates the skill slug
        assert client.get(ROLES, {"page_size": 100, "skill": "python"}).status_code == 200


# --- role detail -------------------------------------------------------------------------


def test_role_page_nests_everything_with_sources(seed_dataset, client):
    role = client.get(f"{ROLES}amazon-engineer/").json()

    assert role["company"] == "amazon"
    assert {s["kind"] for s in role["statistics"]} >= {"median_salary", "annual_openings"}
    assert [c["kind"] for c in role["content"]].count("responsibility") == 7
    assert {ladder["slug"] for ladder in role["ladders"]} == {
        "amazon-engineer-career-path",
        "amazon-sde-levels",
    }
    senior = next(b for b in role["salary_bands"] if b["slug"] == "amazon-engineer-us-senior")
    assert senior["median_amount"] == 220000
    assert senior["source"]["slug"] == "himalayas-amazon-engineer-guide"
    assert [p["slug"] for p in role["interview_processes"]] == ["amazon-engineer-loop-himalayas"]
    assert [r["name"] for r in role["related"]][:2] == ["AWS", "Cloud Engineer"]
    # The guide, and BLS for the market pay of the role's occupation beside its bands.
    assert [s["slug"] for s in role["sources"]] == [
        "bls-oews-2025a01",
        "himalayas-amazon-engineer-guide",
    ]
    assert role["occupation"]["code"] == "15-1252.00"
    assert [cell["slug"] for cell in role["market_pay"]] == ["15-1252-us"]
    skill = next(s for s in role["skills"] if s["slug"] == "java")
    assert skill["source"]["slug"] == "himalayas-amazon-engineer-guide" and skill["quote"]


def test_role_page_converts_its_salary_bands(seed_dataset, client):
    role = client.get(f"{ROLES}amazon-engineer/", {"currency": "USD"}).json()

    canada = next(b for b in role["salary_bands"] if b["slug"] == "amazon-engineer-ca")
    assert canada["currency"] == "CAD"
    assert canada["converted"]["currency"] == "USD"
    # CAD 100,000–300,000 x 1.1172 / 1.5606: the ECB's USD and CAD rates of 2026-10-30
    assert (canada["converted"]["min"], canada["converted"]["max"]) == (71587.85, 214763.55)
    assert canada["converted"]["rate_date"] == "2026-10-30"


def test_role_page_rejects_an_unsupported_currency(seed_dataset, client):
    assert problem_parameters(client.get(f"{ROLES}amazon-engineer/", {"currency": "XYZ"})) == [
        "currency"
    ]


def test_role_page_query_count_is_bounded(seed_dataset, client, django_assert_max_num_queries):
    client.get(f"{ROLES}aws-developer/", {"currency": "USD"})  # memoises small tables
    # The version, the role, one per nested kind, the bands, the occupation's market pay, and
    # the other roles of the company in the occupation with their ladders.
    with django_assert_max_num_queries(17):
        assert client.get(f"{ROLES}amazon-engineer/", {"currency": "EUR"}).status_code == 200


def test_unknown_role_is_a_json_404(seed_dataset, client):
    response = client.get(f"{ROLES}no-such-role/")

    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_a_slug_with_a_nul_byte_is_a_404_not_a_500(seed_dataset, client):
    assert client.get(f"{ROLES}aws%00developer/").status_code == 404


# --- skill match -------------------------------------------------------------------------


def test_match_ranks_roles_by_weighted_score(seed_dataset, client):
    body = client.get(f"{ROLES}match/", {"skills": "python,dynamodb,aws-lambda"}).json()

    results = body["results"]
    ranks = [(r["score"], r["coverage"]) for r in results]
    assert ranks == sorted(ranks, reverse=True)
    for result in results:
        assert {s["slug"] for s in result["matched"]} <= {"python", "dynamodb", "aws-lambda"}
        assert result["score"] == round(result["matched_weight"] / 9, 4)  # 3 skills x weight 3
        assert result["coverage"] == round(result["matched_weight"] / result["total_weight"], 4)
    # The AWS Developer needs all three (Python preferred, the others required): 8 / 9.
    developer = next(r for r in results if r["role"]["slug"] == "aws-developer")
    assert developer["score"] == round(8 / 9, 4)
    # A role that only mentions Python ranks below it.
    assert results.index(developer) < [r["role"]["slug"] for r in results].index(
        "amazon-software-engineer"
    )
    assert {s["slug"] for s in developer["matched"]} == {"python", "dynamodb", "aws-lambda"}
    assert "localstack" in {s["slug"] for s in developer["missing"]}
    assert developer["matched_weight"] == sum(s["weight"] for s in developer["matched"])


def test_match_accepts_names_and_aliases(seed_dataset, client):
    by_slug = client.get(f"{ROLES}match/", {"skills": "aws-lambda,sql"}).json()
    by_alias = client.get(f"{ROLES}match/", {"skills": "Lambda,SQL"}).json()

    assert by_alias == by_slug


def test_match_lists_unknown_skills(seed_dataset, client):
    response = client.get(f"{ROLES}match/", {"skills": "python,cobol,fortran"})

    assert problem_parameters(response) == ["skills"]
    assert "'cobol', 'fortran'" in response.json()["errors"][0]["detail"]
    assert problem_parameters(client.get(f"{ROLES}match/")) == ["skills"]


# --- other roles-app collections ---------------------------------------------------------


def test_ladders_nest_ordered_levels(seed_dataset, client):
    ladder = client.get("/api/v1/ladders/amazon-engineer-career-path/").json()

    assert [level["position"] for level in ladder["levels"]] == [1, 2, 3, 4, 5]
    assert ladder["levels"][-1]["years_min"] == 10 and ladder["levels"][-1]["years_max"] is None


def test_levels_filter_by_ladder_company_and_role(seed_dataset, client):
    sde = slugs(client.get("/api/v1/levels/", {"ladder": "amazon-sde-levels"}))

    assert sde == ["amazon-l4", "amazon-l5", "amazon-l6", "amazon-l7"]
    assert len(slugs(client.get("/api/v1/levels/", {"company": "amazon"}))) == 9
    assert len(slugs(client.get("/api/v1/levels/", {"role": "amazon-engineer"}))) == 9
    assert slugs(client.get("/api/v1/levels/", {"role": "aws-developer"})) == []


def test_companies_show_organisations_and_facts(seed_dataset, client):
    amazon = client.get("/api/v1/companies/amazon/").json()
    organisations = slugs(client.get("/api/v1/companies/", {"parent": "amazon"}))

    assert {s["kind"] for s in amazon["statistics"]} == {"employee_count", "employer_rating"}
    assert set(organisations) == {"aws", "amazon-services"}


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/companies/",
        "/api/v1/ladders/",
        "/api/v1/levels/",
        "/api/v1/families/",
    ],
)
def test_list_query_counts_do_not_grow_with_page_size(
    seed_dataset, client, django_assert_max_num_queries, url
):
    with django_assert_max_num_queries(6):  # the version of the snapshot, then the list
        assert client.get(url, {"page_size": 100}).status_code == 200
