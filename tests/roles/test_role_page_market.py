"""The role page's occupation and market pay (careerapi/role_page/): the role's O*NET-SOC
occupation, the BLS market pay of its SOC group in `market_region`, the company's other roles
in the same occupation, and the sources; on the seed dataset with the OEWS extract of
tests/data/oews/ (and the ECB extract of tests/data/ecb/).
"""

from decimal import ROUND_HALF_UP, Decimal

import pytest

from tests.seeded import seeded_module  # noqa: F401 (a fixture, used by name)

# Read-only tests: the dataset is loaded once for the module (tests/seeded.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_module")]

ROLES = "/api/v1/roles/"
BLS = "bls-oews-2025a01"
SOFTWARE_DEVELOPERS = {"code": "15-1252.00", "soc_code": "15-1252", "title": "Software Developers"}


def page(client, slug: str, **query) -> dict:
    response = client.get(f"{ROLES}{slug}/", query)
    assert response.status_code == 200, response.content
    return response.json()


def market_pay(client, slug: str, **query) -> list[str]:
    return [cell["slug"] for cell in page(client, slug, **query)["market_pay"]]


def problem_parameters(response) -> list[str]:
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    return [error["parameter"] for error in response.json()["errors"]]


# occupation


def test_a_role_names_its_occupation_and_why(client):
    engineer = page(client, "amazon-engineer")
    uk_engineer = page(client, "amazon-software-engineer")

    assert engineer["occupation"] == uk_engineer["occupation"] == SOFTWARE_DEVELOPERS
    # The Amazon Engineer guide itself gives its figures as BLS's for Software Developers.
    assert engineer["occupation_inferred"] is False
    assert "Software Developers, BLS" in engineer["occupation_basis"]
    # The UK guide names no occupation: the curators' mapping, which says why.
    assert uk_engineer["occupation_inferred"] is True
    assert "15-1252.00 Software Developers" in uk_engineer["occupation_basis"]


def test_the_roles_list_names_each_roles_occupation_by_code(client):
    results = client.get(ROLES, {"page_size": 100}).json()["results"]

    assert {role["slug"]: role["occupation"] for role in results} == {
        "amazon-engineer": "15-1252.00",
        "amazon-services-software-engineer": "15-1252.00",
        "amazon-software-engineer": "15-1252.00",
        "aws-architect": "15-1299.08",
        "aws-developer": "15-1252.00",
        "software-engineer": "15-1252.00",
    }


# market pay


def test_market_pay_defaults_to_the_national_cell_of_the_occupations_soc_group(client):
    (cell,) = page(client, "amazon-engineer")["market_pay"]

    assert (cell["slug"], cell["occupation"]["code"], cell["region"]["slug"]) == (
        "15-1252-us",
        "15-1252",
        "us",
    )
    # OEUN0000000000000151252 in the extract: employment 1,687,890, annual median 135,980.
    annual = next(wages for wages in cell["wages"] if wages["period"] == "annual")
    assert (cell["employment"], annual["median"], annual["mean"]) == (1687890, 135980, 148100)
    assert cell["source"]["slug"] == BLS
    # An O*NET occupation under a SOC code BLS does not publish shows its SOC group's pay.
    assert market_pay(client, "aws-architect") == ["15-1299-us"]  # 15-1299.08


@pytest.mark.parametrize(
    ("market_region", "cell"),
    [
        ("seattle", "15-1252-seattle"),
        ("Seattle", "15-1252-seattle"),
        ("0042660", "15-1252-seattle"),  # its BLS OEWS area code
        ("US-WA", "15-1252-us-wa"),  # the state, by its ISO 3166-2 code
        ("us-wa", "15-1252-us-wa"),
        ("us", "15-1252-us"),
    ],
)
def test_market_region_picks_that_areas_cell(client, market_region, cell):
    assert market_pay(client, "amazon-engineer", market_region=market_region) == [cell]


def test_market_region_shows_that_area_only_not_the_areas_inside_it(client):
    cells = page(client, "aws-developer", market_region="us-wa")["market_pay"]

    assert [cell["region"]["slug"] for cell in cells] == ["us-wa"]
    assert cells[0]["series_id"] == "OEUS5300000000000151252"
    assert cells[0]["wages"][0]["median"] == 166540  # annual, v13 of that row


def test_an_unknown_market_region_is_400_naming_it(client):
    response = client.get(f"{ROLES}amazon-engineer/", {"market_region": "atlantis"})

    assert problem_parameters(response) == ["market_region"]
    assert "atlantis" in response.json()["errors"][0]["detail"]
    twice = client.get(f"{ROLES}amazon-engineer/", {"market_region": ["us", "seattle"]})
    assert problem_parameters(twice) == ["market_region"]


def test_outside_the_us_there_is_no_market_pay_and_bls_is_not_cited(client):
    body = page(client, "amazon-software-engineer", market_region="gb")

    assert body["market_pay"] == []
    assert BLS not in {source["slug"] for source in body["sources"]}
    assert {band["slug"] for band in body["salary_bands"]}  # the page itself is all there


@pytest.mark.parametrize("slug", ["amazon-engineer", "amazon-software-engineer", "aws-developer"])
def test_bls_is_among_the_sources_when_market_pay_is_shown(client, slug):
    body = page(client, slug)

    assert body["market_pay"]
    assert BLS in {source["slug"] for source in body["sources"]}


def test_currency_converts_the_market_pay_wages_too(client):
    (cell,) = page(client, "amazon-engineer", currency="EUR")["market_pay"]

    for wages in cell["wages"]:
        converted = wages["converted"]
        assert (converted["currency"], converted["rate_date"]) == ("EUR", "2026-10-30")
        assert [(leg["currency"], leg["rate"]) for leg in converted["legs"]] == [("USD", 1.1172)]
        for figure in ("mean", "p10", "p25", "median", "p75", "p90"):
            in_euro = Decimal(str(wages[figure])) / Decimal("1.1172")
            expected = in_euro.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            assert Decimal(str(converted[figure])) == expected, (wages["period"], figure)
    annual = cell["wages"][0]
    # The national annual mean, 148,100 USD, at 1.1172 USD to the euro on 2026-10-30.
    assert (annual["period"], annual["converted"]["mean"]) == ("annual", 132563.55)
    assert cell["currency"] == "USD" and annual["mean"] == 148100  # the figures as BLS gives them


# the same occupation at the same company


def test_the_uk_software_engineer_page_reaches_the_amazon_ladders(client):
    peers = page(client, "amazon-software-engineer")["same_occupation"]

    by_slug = {peer["slug"]: peer for peer in peers}
    assert set(by_slug) == {"amazon-engineer", "amazon-services-software-engineer"}
    assert by_slug["amazon-engineer"] == {
        "slug": "amazon-engineer",
        "title": "Amazon Engineer",
        "company": "amazon",
        "ladders": ["amazon-engineer-career-path", "amazon-sde-levels"],
    }
    # Amazon Services is an organisation of Amazon: its role is Amazon's too.
    assert by_slug["amazon-services-software-engineer"]["company"] == "amazon-services"


@pytest.mark.parametrize(
    "slug", ["amazon-engineer", "amazon-software-engineer", "amazon-services-software-engineer"]
)
def test_a_role_is_never_among_its_own_same_occupation(client, slug):
    peers = {peer["slug"] for peer in page(client, slug)["same_occupation"]}

    amazon = {"amazon-engineer", "amazon-software-engineer", "amazon-services-software-engineer"}
    assert peers == amazon - {slug}


@pytest.mark.parametrize("slug", ["aws-developer", "software-engineer"])
def test_an_industry_wide_role_has_no_same_occupation(client, slug):
    # Both are 15-1252.00 with no company: an industry-wide role has no company's peers.
    assert page(client, slug)["same_occupation"] == []
