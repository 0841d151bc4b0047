"""schema.org JSON-LD of the role and occupation pages (careerapi/api/jsonld.py and the pages'
`jsonld.py`), through the test client, on the seed dataset with the O*NET 29.2 and BLS OEWS
May 2025 extracts of tests/data/: asked for by Accept and by `format`, checked against
schema.org's definitions (tests/jsonld/schema_org.py) and against the JSON pages' facts, with
its own ETag, revalidation and cache entry, and a `url` from PUBLIC_BASE_URL only; JSON only
everywhere else.
"""

import pytest
from django.core.cache import cache

from careerapi.api.caching import local_responses
from tests.seeded import seeded_module  # noqa: F401 (a fixture, used by name)

from .schema_org import schema_org_errors

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_module")]

JSONLD = "application/ld+json"
ROLE = "/api/v1/roles/amazon-engineer/"
OCCUPATION = "/api/v1/occupations/15-1252.00/"
ROLE_PAGES = [f"/api/v1/roles/{slug}/" for slug in ("amazon-engineer", "software-engineer")]
PUBLIC = "https://api.example.com"  # PUBLIC_BASE_URL, where the document's url starts
PAGES = [*ROLE_PAGES, OCCUPATION, "/api/v1/roles/aws-developer/", "/api/v1/occupations/27-2011/"]


def jsonld(client, path: str, **query) -> dict:
    response = client.get(path, query, HTTP_ACCEPT=JSONLD)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == JSONLD
    return response.json()


def problem(response, status: int) -> dict:
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    return response.json()


def by_period(document: dict) -> dict[str, dict]:
    return {item["duration"]: item for item in document["estimatedSalary"]}


# --- asked for by Accept or by format -------------------------------------------------------


@pytest.mark.parametrize("path", PAGES)
def test_a_page_answers_an_occupation_that_schema_org_allows(client, path):
    document = jsonld(client, path)

    assert document["@type"] == "Occupation"
    assert schema_org_errors(document, expected="Occupation") == []


@pytest.mark.parametrize("path", [ROLE, OCCUPATION])
def test_format_jsonld_gives_what_accept_gives_whatever_accept_says(client, path):
    by_accept = client.get(path, HTTP_ACCEPT=JSONLD)
    by_format = client.get(path, {"format": "jsonld"}, HTTP_ACCEPT="application/json")

    assert by_format.status_code == 200, by_format.content
    assert by_format["Content-Type"] == JSONLD
    assert by_format.json() == by_accept.json()
    assert (
        client.get(path, {"format": "json"}, HTTP_ACCEPT=JSONLD).json() == client.get(path).json()
    )


@pytest.mark.parametrize("path", [ROLE, OCCUPATION])
def test_accept_weighs_jsonld_against_json(client, path):
    preferred = client.get(path, HTTP_ACCEPT=f"application/json;q=0.5, {JSONLD}")
    refused = client.get(path, HTTP_ACCEPT=f"{JSONLD};q=0, */*")

    assert preferred["Content-Type"] == JSONLD
    assert refused["Content-Type"] == "application/json"
    assert "@context" not in refused.json()


# --- the facts of the JSON pages --------------------------------------------------------------


def test_the_role_document_says_what_the_role_page_says(client):
    page = client.get(ROLE).json()
    document = jsonld(client, ROLE)

    assert document["name"] == page["title"] == "Amazon Engineer"
    assert document["description"] == page["summary"]
    onet, soc = document["occupationalCategory"]
    assert (onet["codeValue"], soc["codeValue"]) == ("15-1252.00", "15-1252")
    assert onet["codeValue"] == page["occupation"]["code"]
    assert onet["inCodeSet"]["name"] == "O*NET-SOC 2019 Taxonomy"
    assert soc["inCodeSet"]["url"] == "https://www.bls.gov/soc/2018/"
    # Every salary band, in the page's order, with its figures as the source states them.
    bands = page["salary_bands"]
    assert len(document["estimatedSalary"]) == len(bands)
    for band, estimate in zip(bands, document["estimatedSalary"], strict=True):
        assert estimate["currency"] == band["currency"]
        assert (
            estimate["duration"]
            == {"annual": "P1Y", "monthly": "P1M", "hourly": "PT1H"}[band["period"]]
        )
        assert estimate.get("median") == band["median_amount"]
        assert estimate.get("minValue") == band["min_amount"]
        assert estimate.get("maxValue") == (None if band["max_open"] else band["max_amount"])
    certifications = {s["name"] for s in page["skills"] if s["category"] == "certification"}
    assert certifications  # the seed role lists AWS certifications
    assert set(document["skills"]) == {s["name"] for s in page["skills"]} - certifications
    credentials = {q["name"] for q in document["qualifications"] if isinstance(q, dict)}
    assert credentials == certifications


def test_a_bands_open_ended_maximum_is_no_maximum(client):
    page = client.get("/api/v1/roles/software-engineer/").json()
    document = jsonld(client, "/api/v1/roles/software-engineer/")

    open_band = next(band for band in page["salary_bands"] if band["max_open"])
    estimate = document["estimatedSalary"][page["salary_bands"].index(open_band)]
    assert estimate["minValue"] == open_band["min_amount"] == 75000
    assert "maxValue" not in estimate  # "£120,000+" is no maximum
    assert estimate["@type"] == ["MonetaryAmountDistribution", "MonetaryAmount"]


def test_the_role_document_counts_experience_in_months_from_the_years_given(client):
    developer = client.get("/api/v1/roles/aws-developer/").json()
    engineer = client.get(ROLE).json()

    (experience,) = jsonld(client, "/api/v1/roles/aws-developer/")["experienceRequirements"]
    assert experience == {
        "@type": "OccupationalExperienceRequirements",
        "monthsOfExperience": developer["experience_years_min"] * 12,
        "description": developer["experience_quote"],
    }
    assert experience["monthsOfExperience"] == 36  # "3–6 years of software development"
    # A role's ladders say it per level (those that give years).
    levels = [
        (level["name"], level["years_min"] * 12)
        for ladder in engineer["ladders"]
        for level in ladder["levels"]
        if level["years_min"] is not None
    ]
    assert [
        (item["name"], item["monthsOfExperience"])
        for item in jsonld(client, ROLE)["experienceRequirements"]
    ] == levels
    assert levels[:2] == [("Junior Amazon Engineer", 0), ("Amazon Engineer", 24)]


def test_the_role_document_places_its_pay_in_its_bands_regions(client):
    page = client.get(ROLE).json()
    document = jsonld(client, ROLE)

    places = {(place["@type"], place["name"]) for place in document["occupationLocation"]}
    regions = {band["region"]["name"] for band in page["salary_bands"] if band["region"]}
    assert {name for _, name in places} == regions
    assert ("Country", "United States") in places
    assert ("AdministrativeArea", "Bengaluru") in places  # a metro area: no country


def test_the_role_document_credits_its_sources(client):
    page = client.get("/api/v1/roles/aws-developer/").json()
    document = jsonld(client, "/api/v1/roles/aws-developer/")

    credited = {work["creditText"] for work in document["subjectOf"]}
    assert page["source"]["attribution"] in credited
    assert credited <= {source["attribution"] for source in page["sources"]}


def test_the_occupation_document_gives_the_market_pay_the_api_shows(client):
    page = client.get(OCCUPATION).json()
    (cell,) = client.get(
        "/api/v1/market-pay/", {"occupation": "15-1252", "region": "us", "region_kind": "country"}
    ).json()["results"]
    document = jsonld(client, OCCUPATION)

    assert document["name"] == page["title"] == "Software Developers"
    assert document["description"] == page["description"]
    assert document["occupationalCategory"][0]["codeValue"] == page["code"] == "15-1252.00"
    wages = {wages["period"]: wages for wages in cell["wages"]}
    annual, hourly = by_period(document)["P1Y"], by_period(document)["PT1H"]
    for estimate, period in ((annual, "annual"), (hourly, "hourly")):
        assert estimate["currency"] == cell["currency"] == "USD"
        assert estimate["percentile10"] == wages[period]["p10"]
        assert estimate["percentile25"] == wages[period]["p25"]
        assert estimate["median"] == wages[period]["median"]
        assert estimate["percentile75"] == wages[period]["p75"]
        assert estimate["percentile90"] == wages[period]["p90"]
    assert annual["median"] == 135980  # OEUN0000000000000151252: the annual median
    assert document["occupationLocation"] == [
        {"@type": "Country", "name": "United States", "identifier": "US"}
    ]
    assert "U.S. Bureau of Labor Statistics" in {
        work.get("publisher", {}).get("name") for work in document["subjectOf"]
    }


def test_the_occupation_document_says_what_onet_says(client):
    page = client.get(OCCUPATION).json()
    document = jsonld(client, OCCUPATION)

    assert document["alternateName"] == [title["title"] for title in page["alternate_titles"]]
    assert document["responsibilities"] == [task["statement"] for task in page["tasks"]]
    assert document["skills"] == list(dict.fromkeys(t["name"] for t in page["technology_skills"]))
    assert document["educationRequirements"] == [page["job_zone"]["education"]]
    assert document["experienceRequirements"] == page["job_zone"]["experience"]
    assert document["qualifications"] == [page["job_zone"]["job_training"]]


def test_the_soc_code_names_the_same_occupation(client, settings):
    settings.PUBLIC_BASE_URL = PUBLIC
    by_soc = jsonld(client, "/api/v1/occupations/15-1252/")
    by_onet = jsonld(client, OCCUPATION)

    assert by_soc["url"] == f"{PUBLIC}/api/v1/occupations/15-1252/"
    assert {**by_soc, "url": by_onet["url"]} == by_onet


# --- the document's url: from PUBLIC_BASE_URL, never from the request -------------------------

# Behind a proxy, or a client naming the server as it reached it.
OTHER_HOST = {"HTTP_HOST": "localhost:8420", "HTTP_X_FORWARDED_PROTO": "https"}


def computed(client, path: str, **headers) -> bytes:
    """The JSON-LD of `path` written for this request, not taken from the cache."""
    cache.clear()
    local_responses.clear()
    response = client.get(path, HTTP_ACCEPT=JSONLD, **headers)
    assert response.status_code == 200, response.content
    return response.content


@pytest.mark.parametrize("path", [ROLE, OCCUPATION])
@pytest.mark.parametrize("base", ["", f"{PUBLIC}/"])
def test_the_host_a_request_names_reaches_no_document(client, settings, path, base):
    settings.PUBLIC_BASE_URL = base

    assert computed(client, path, **OTHER_HOST) == computed(client, path)
    assert b"localhost" not in computed(client, path, **OTHER_HOST)


@pytest.mark.parametrize("path", [ROLE, OCCUPATION])
def test_the_url_is_absolute_from_the_public_base_url(client, settings, path):
    settings.PUBLIC_BASE_URL = f"{PUBLIC}/"
    document = jsonld(client, path, format="jsonld")

    assert document["url"] == f"{PUBLIC}{path}"
    assert schema_org_errors(document, expected="Occupation") == []


def test_a_role_spelt_in_another_case_has_its_own_url(client, settings):
    settings.PUBLIC_BASE_URL = PUBLIC
    document = jsonld(client, ROLE.upper().replace("/API/V1/ROLES/", "/api/v1/roles/"))

    assert document["url"] == f"{PUBLIC}{ROLE}"
    assert document == jsonld(client, ROLE)


@pytest.mark.parametrize("path", [ROLE, OCCUPATION])
def test_without_a_public_base_url_the_document_has_no_url(client, settings, path):
    settings.PUBLIC_BASE_URL = ""
    document = jsonld(client, path)

    assert "url" not in document
    assert document["name"] and document["estimatedSalary"]
    assert schema_org_errors(document, expected="Occupation") == []


def test_an_unknown_occupation_or_role_is_a_404_problem(client):
    occupation = client.get("/api/v1/occupations/15-9999.00/", HTTP_ACCEPT=JSONLD)
    role = client.get("/api/v1/roles/no-such-role/", {"format": "jsonld"})

    assert problem(occupation, 404)["detail"] == "No occupation 15-9999.00."
    assert problem(role, 404)["status"] == 404


# --- ETags, revalidation, the cache ---------------------------------------------------------------


@pytest.mark.parametrize("path", [ROLE, OCCUPATION])
def test_jsonld_has_its_own_etag_and_revalidates(client, path):
    as_json = client.get(path)
    as_jsonld = client.get(path, HTTP_ACCEPT=JSONLD)

    assert as_json["ETag"] != as_jsonld["ETag"]
    assert "Accept" in as_jsonld["Vary"]
    revalidated = client.get(path, HTTP_ACCEPT=JSONLD, HTTP_IF_NONE_MATCH=as_jsonld["ETag"])
    assert revalidated.status_code == 304
    assert revalidated["ETag"] == as_jsonld["ETag"]
    # The JSON-LD's tag is not the JSON's: a client that asks for JSON gets it in full.
    other = client.get(path, HTTP_IF_NONE_MATCH=as_jsonld["ETag"])
    assert other.status_code == 200
    assert other["ETag"] == as_json["ETag"]
    by_format = client.get(path, {"format": "jsonld"}, HTTP_IF_NONE_MATCH=as_jsonld["ETag"])
    assert by_format.status_code == 200  # another URL: another representation


@pytest.mark.parametrize("path", [ROLE, OCCUPATION])
def test_cached_answers_keep_json_and_jsonld_apart(client, path):
    first_jsonld = client.get(path, HTTP_ACCEPT=JSONLD)
    first_json = client.get(path)
    # Served again from the cache, each in its own format.
    again_json = client.get(path)
    again_jsonld = client.get(path, HTTP_ACCEPT=JSONLD)
    again_by_format = client.get(path, {"format": "jsonld"})

    assert again_json["Content-Type"] == "application/json"
    assert again_json.content == first_json.content
    assert again_jsonld["Content-Type"] == JSONLD
    assert again_jsonld.content == first_jsonld.content
    assert again_by_format["Content-Type"] == JSONLD
    assert again_by_format.content == first_jsonld.content


@pytest.mark.parametrize(
    "path",
    [
        ROLE,  # 18 bands, 69 skills, 40 passages
        "/api/v1/roles/software-engineer/",  # 2 bands, no skills
        OCCUPATION,  # 124 titles, 100+ technologies
        "/api/v1/occupations/27-2011.00/",
    ],
)
def test_a_document_reads_a_bounded_number_of_queries(client, path, django_assert_max_num_queries):
    # The dataset's version; then a role, its skills, passages, ladders, their levels (none
    # without ladders) and bands (the sources with them); or an occupation, its titles,
    # tasks, technologies and market pay cell. None per item, whatever the page's size.
    with django_assert_max_num_queries(8 if "/roles/" in path else 7):
        jsonld(client, path)


# --- JSON only elsewhere; bad input -----------------------------------------------------------


@pytest.mark.parametrize(
    "path", ["/api/v1/roles/", "/api/v1/occupations/", "/api/v1/salary-bands/", "/api/v1/"]
)
def test_lists_answer_json_only(client, path):
    by_accept = client.get(path, HTTP_ACCEPT=JSONLD)
    by_format = client.get(path, {"format": "jsonld"})

    problem(by_accept, 406)
    (error,) = problem(by_format, 400)["errors"]
    assert error["parameter"] == "format"
    assert "JSON only" in error["detail"]


def test_a_page_still_refuses_what_it_cannot_answer(client):
    problem(client.get(ROLE, HTTP_ACCEPT="text/html"), 406)
    problem(client.get(OCCUPATION, HTTP_ACCEPT="application/xml"), 406)


@pytest.mark.parametrize("query", ["format=xml", "format=", "format=jsonld&format=json"])
def test_an_invalid_format_is_a_400_naming_it(client, query):
    response = client.get(f"{OCCUPATION}?{query}")

    assert [e["parameter"] for e in problem(response, 400)["errors"]] == ["format"]


def test_the_role_pages_json_parameters_do_not_apply_to_its_jsonld(client):
    response = client.get(ROLE, {"currency": "EUR", "market_region": "us"}, HTTP_ACCEPT=JSONLD)

    errors = problem(response, 400)["errors"]
    assert {e["parameter"] for e in errors} == {"currency", "market_region"}
    assert {e["code"] for e in errors} == {"inconsistent"}
    # With JSON they apply as before.
    assert client.get(ROLE, {"currency": "EUR"}).status_code == 200
