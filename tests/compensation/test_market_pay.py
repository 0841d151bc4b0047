"""/api/v1/market-pay/: BLS OEWS market pay per SOC code and area, on the seed dataset with
the extract of the May 2025 release in tests/data/oews/ (and the ECB extract of tests/data/ecb/).

Figures are checked against the extract's own rows (its SQLite form, read here with the
standard library, not by the loader): table `cell`, keyed by the series id, v01..v17 the
values in datatype order and f01..f17 their footnotes.
"""

import gzip
import sqlite3
from decimal import ROUND_HALF_UP, Decimal
from functools import cache

import pytest
from django.conf import settings
from django.core.cache import cache as django_cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from compensation.choices import UNPUBLISHED_FOOTNOTES
from tests.conftest import process_caches_clear
from tests.seeded import seeded_module  # noqa: F401 (a fixture, used by name)

# Read-only tests: the dataset is loaded once for the module (tests/seeded.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_module")]

MARKET_PAY = "/api/v1/market-pay/"
EXTRACT = settings.BASE_DIR / "tests" / "data" / "oews" / "sqlite" / "oews-2025.sqlite.gz"
BLS_CREDIT = (
    "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, May 2025"
)
#: A period's wages, in the order the API gives them.
FIGURES = ("mean", "p10", "p25", "median", "p75", "p90")
#: The OEWS datatypes 01 to 17, as the API names them.
DATATYPES = (
    *("employment", "employment_rse", "hourly_mean", "annual_mean", "wage_rse"),
    *(f"{period}_{figure}" for period in ("hourly", "annual") for figure in FIGURES[1:]),
    *("jobs_per_1000", "location_quotient"),
)
WA_NONMETRO = "15-1252-western-washington-nonmetropolitan-area"
WA_AREAS = {"15-1252-us-wa", "15-1252-seattle", WA_NONMETRO}
DC_METRO = "15-1252-washington-arlington-alexandria-dc-va-md-wv"
DC_STATES = ("us-va", "us-md", "us-wv", "us-dc")


@cache
def extract_rows() -> dict[str, dict]:
    """Every cell of the extract by series id: {name: (value, footnote)} in datatype order."""
    database = sqlite3.connect(":memory:")
    database.deserialize(gzip.decompress(EXTRACT.read_bytes()))
    columns = ", ".join(f"v{n:02}, f{n:02}" for n in range(1, 18))
    rows = {}
    for key, *cells in database.execute(f"SELECT key, {columns} FROM cell"):
        rows[key] = {name: (cells[2 * i], cells[2 * i + 1]) for i, name in enumerate(DATATYPES)}
    database.close()
    return rows


def figures_of(cell: dict) -> dict[str, Decimal | None]:
    """A cell of the API's answer as the extract names its figures."""
    found = {name: cell[name] for name in DATATYPES if name in cell}
    for wages in cell["wages"]:
        for figure in FIGURES:
            found[f"{wages['period']}_{figure}"] = wages[figure]
    return {name: None if v is None else Decimal(str(v)) for name, v in found.items()}


def unpublished_of(cell: dict) -> dict[str, str]:
    """Every figure the answer lists as unpublished, by the extract's name, with its footnote."""
    found = {item["field"]: item["footnote"] for item in cell["unpublished"]}
    for wages in cell["wages"]:
        for item in wages["unpublished"]:
            found[f"{wages['period']}_{item['field']}"] = item["footnote"]
    return found


def listed_as(footnote: str, fields) -> list[dict]:
    """How the answer lists `fields` unpublished with `footnote`."""
    reason, open_ended = UNPUBLISHED_FOOTNOTES[footnote], footnote == "5"
    return [
        {"field": field, "footnote": footnote, "reason": reason, "open_ended": open_ended}
        for field in fields
    ]


def wages_of(wages: dict) -> tuple:
    return tuple(wages[figure] for figure in FIGURES)


def cells(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def slugs(response) -> set[str]:
    return {cell["slug"] for cell in cells(response)}


def errors_of(response) -> dict[str, str]:
    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    return {error["parameter"]: error["detail"] for error in response.json()["errors"]}


def query_count(client, url: str) -> int:
    django_cache.clear()  # count the queries of a fresh answer, not of a cached one
    process_caches_clear()  # nor of one this process kept
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


# figures


def test_software_developers_in_washington_state_come_back_as_the_file_has_them(client):
    body = client.get(f"{MARKET_PAY}15-1252-us-wa/").json()

    occupation, region = body["occupation"], body["region"]
    assert tuple(occupation.values()) == ("15-1252", "Software Developers", "detailed")
    assert tuple(region.values()) == ("us-wa", "Washington", "subdivision", "US-WA", "5300000")
    release = (body["release"], body["series_id"], body["currency"])
    assert release == ("2025A01", "OEUS5300000000000151252", "USD")
    # The extract's row OEUS5300000000000151252, v01 to v17.
    assert (body["employment"], body["employment_rse"], body["wage_rse"]) == (107030, 1.8, 1.2)
    assert (body["jobs_per_1000"], body["location_quotient"]) == (30.141, 2.78)
    annual, hourly = body["wages"]
    assert (annual["period"], hourly["period"]) == ("annual", "hourly")
    assert wages_of(annual) == (171040, 96810, 132290, 166540, 211860, 255350)
    assert wages_of(hourly) == (82.23, 46.54, 63.60, 80.07, 101.86, 122.76)
    assert body["unpublished"] == annual["unpublished"] == hourly["unpublished"] == []
    assert annual["converted"] is hourly["converted"] is None


def test_every_cell_of_the_extract_comes_back_with_its_figures_and_footnotes(client):
    rows = extract_rows()
    listed = cells(client.get(MARKET_PAY, {"page_size": 100}))
    listed += cells(client.get(MARKET_PAY, {"page_size": 100, "page": 2}))

    assert sorted(cell["series_id"] for cell in listed) == sorted(rows) and len(rows) == 144
    for cell in listed:
        row = rows[cell["series_id"]]
        # A value BLS did not publish ("-") is null, never 0; one that does not apply is null
        # and unlisted.
        expected = {n: None if v in (None, "-") else Decimal(v) for n, (v, _) in row.items()}
        assert figures_of(cell) == expected, cell["slug"]
        assert unpublished_of(cell) == {n: f for n, (v, f) in row.items() if v == "-"}, cell["slug"]


# unpublished values


def test_a_wage_paid_only_per_year_is_unpublished_per_hour_with_footnote_4(client):
    body = client.get(f"{MARKET_PAY}25-2021-us-wa/").json()  # elementary school teachers

    annual, hourly = body["wages"]
    assert (annual["median"], annual["unpublished"]) == (102350, [])
    assert wages_of(hourly) == (None,) * 6
    assert hourly["unpublished"] == listed_as("4", FIGURES)
    assert "per year only or per hour only" in hourly["unpublished"][0]["reason"]
    assert body["unpublished"] == []


def test_a_top_coded_wage_is_open_ended_with_footnote_5_and_no_figure(client):
    body = client.get(f"{MARKET_PAY}29-1224-us-wa/", {"currency": "GBP"}).json()  # radiologists

    assert (body["employment"], body["wage_rse"]) == (1480, 9.2)  # published beside them
    for wages in body["wages"]:
        assert wages_of(wages) == wages_of(wages["converted"]) == (None,) * 6, wages["period"]
        assert wages["unpublished"] == listed_as("5", FIGURES)  # open_ended: true
    assert body["unpublished"] == []


def test_an_estimate_not_released_is_listed_at_the_top_with_footnote_8(client):
    body = client.get(f"{MARKET_PAY}29-1224-us-md/").json()

    fields = ("employment", "employment_rse", "jobs_per_1000", "location_quotient")
    assert [body[field] for field in fields] == [None] * 4
    assert body["unpublished"] == listed_as("8", fields)
    assert body["unpublished"][0]["reason"] == "Estimate not released (footnote 8)."
    annual, hourly = body["wages"]
    assert (annual["median"], hourly["p90"], body["wage_rse"]) == (581510, 301.04, 18.4)
    assert annual["unpublished"] == hourly["unpublished"] == []


def test_the_national_cell_has_no_location_quotient_and_lists_none(client):
    body = client.get(f"{MARKET_PAY}15-1252-us/").json()

    assert (body["jobs_per_1000"], body["location_quotient"]) == (None, None)
    assert body["employment"] == 1687890
    assert unpublished_of(body) == {}


# period and currency


def test_period_hourly_keeps_only_the_hourly_wages(client):
    body = client.get(f"{MARKET_PAY}15-1252-us-wa/", {"period": "hourly"}).json()

    assert [(w["period"], w["median"]) for w in body["wages"]] == [("hourly", 80.07)]
    listed = cells(client.get(MARKET_PAY, {"occupation": "15-1252", "period": "annual"}))
    assert {w["period"] for cell in listed for w in cell["wages"]} == {"annual"}


def test_currency_gbp_converts_every_wage_at_the_ecb_rates_of_the_day(client):
    body = client.get(f"{MARKET_PAY}15-1252-us-wa/", {"currency": "GBP"}).json()

    annual, hourly = body["wages"]
    # One euro bought 1.1172 USD and 0.8338 GBP on 2026-10-30: 171,040 x 0.8338 / 1.1172.
    assert annual["converted"]["mean"] == 127652.30
    assert (annual["mean"], body["currency"]) == (171040, "USD")  # the figures stay as given
    for wages in (annual, hourly):
        converted = wages["converted"]
        assert (converted["currency"], converted["rate_date"]) == ("GBP", "2026-10-30")
        assert [(leg["currency"], leg["rate"], leg["date"]) for leg in converted["legs"]] == [
            ("USD", 1.1172, "2026-10-30"),
            ("GBP", 0.8338, "2026-10-30"),
        ]
        for figure in FIGURES:
            in_gbp = Decimal(str(wages[figure])) * Decimal("0.8338") / Decimal("1.1172")
            expected = in_gbp.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
            assert Decimal(str(converted[figure])) == expected, (wages["period"], figure)


def test_a_converted_wage_on_a_half_cent_rounds_half_up(client):
    cell = client.get(f"{MARKET_PAY}15-1250-us/", {"currency": "CZK", "period": "hourly"}).json()

    (hourly,) = cell["wages"]
    # 48.45 USD x 24.353 / 1.1172 (CZK and USD per euro, 2026-10-30) is 1,056.125 exactly.
    assert (hourly["p25"], hourly["converted"]["p25"]) == (48.45, 1056.13)


# filters


@pytest.mark.parametrize(
    ("code", "soc_code"),
    [("15-1252", "15-1252"), ("15-1252.00", "15-1252"), ("13-1021.00", "13-1020")],
)
def test_occupation_by_soc_or_onet_code_gives_its_soc_groups_cells(client, code, soc_code):
    # An O*NET-SOC code gives the SOC group BLS publishes for it: Buyers and Purchasing
    # Agents, Farm Products (13-1021.00) are published within 13-1020, not on their own.
    listed = cells(client.get(MARKET_PAY, {"occupation": code, "page_size": 100}))

    assert {cell["occupation"]["code"] for cell in listed} == {soc_code}
    assert len(listed) == 9  # the nation, five states, two metro areas, one nonmetro area


@pytest.mark.parametrize(
    ("region", "areas"),
    [
        *((name, WA_AREAS) for name in ("us-wa", "US-WA", "5300000")),  # slug, ISO, area code
        ("0042660", {"15-1252-seattle"}),
        # The Washington metro area spans four states: it is in each of them.
        *((state, {f"15-1252-{state}", DC_METRO}) for state in DC_STATES),
    ],
)
def test_a_region_includes_the_areas_inside_it(client, region, areas):
    assert slugs(client.get(MARKET_PAY, {"occupation": "15-1252", "region": region})) == areas


def test_level_and_region_kind_filters(client):
    broad = cells(client.get(MARKET_PAY, {"level": "broad", "page_size": 100}))
    codes = {cell["occupation"]["code"] for cell in broad}
    assert codes == {"15-1210", "15-1250", "25-2020", "27-2010", "29-1210"}
    assert {cell["region"]["slug"] for cell in broad} == {"us"}  # published nationally only
    metros = {"occupation": "15-1252", "region_kind": "metro"}
    assert slugs(client.get(MARKET_PAY, metros)) == {"15-1252-seattle", DC_METRO}
    nonmetro = {"occupation": "15-1252", "region_kind": ["nonmetro", "country"]}
    assert slugs(client.get(MARKET_PAY, nonmetro)) == {WA_NONMETRO, "15-1252-us"}


def test_ordering_by_annual_median_puts_cells_without_it_last(client):
    def order(ordering: str) -> list[str]:
        query = {"occupation": "29-1224", "ordering": ordering, "page_size": 100}
        return [cell["region"]["slug"] for cell in cells(client.get(MARKET_PAY, query))]

    # Radiologists' annual medians: MD 581,510, WV 471,650, the DC metro 443,020, the nation
    # 420,860, VA 376,270, DC 182,450; top-coded (footnote 5) in WA and Seattle.
    ranked = ["us-md", "us-wv", DC_METRO.removeprefix("15-1252-"), "us", "us-va", "us-dc"]
    assert order("-annual_median") == [*ranked, "seattle", "us-wa"]
    assert order("annual_median") == [*ranked[::-1], "seattle", "us-wa"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"occupation": "15-125"}, "occupation"),
        ({"occupation": "15-9999"}, "occupation"),
        ({"occupation": "15-9999.00"}, "occupation"),
        ({"region": "atlantis"}, "region"),
        ({"period": "weekly"}, "period"),
        ({"currency": "XYZ"}, "currency"),
        ({"level": "tiny"}, "level"),
        ({"region_kind": "planet"}, "region_kind"),
        ({"ordering": "salary"}, "ordering"),
    ],
)
def test_bad_parameters_are_400_problems_naming_the_parameter(client, query, parameter):
    errors = errors_of(client.get(MARKET_PAY, query))

    assert list(errors) == [parameter]
    assert query[parameter] in errors[parameter]  # the detail quotes the value


def test_detail_by_slug_and_unknown_slug_is_404(client):
    seattle = client.get(f"{MARKET_PAY}15-1252-seattle/").json()
    assert seattle["series_id"] == "OEUM0042660000000151252"
    response = client.get(f"{MARKET_PAY}15-1252-atlantis/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


# source and queries


def test_the_source_is_bls_with_its_citation(client):
    cell = client.get(f"{MARKET_PAY}15-1252-us-wa/").json()
    source = client.get("/api/v1/sources/bls-oews-2025a01/").json()

    assert cell["source"]["slug"] == "bls-oews-2025a01"
    assert cell["source"]["attribution"] == source["citation"] == BLS_CREDIT
    assert source["publisher"] == "U.S. Bureau of Labor Statistics"


@pytest.mark.parametrize("extra", ["", "&currency=GBP", "&period=hourly&occupation=15-1252.00"])
def test_the_list_query_count_does_not_grow_with_page_size(
    client, django_assert_max_num_queries, extra
):
    client.get(f"{MARKET_PAY}?page_size=1{extra}")  # the first request memoises small tables
    with django_assert_max_num_queries(4):  # the version of the snapshot, then the list
        assert client.get(f"{MARKET_PAY}?page_size=100{extra}").status_code == 200
    assert query_count(client, f"{MARKET_PAY}?page_size=1{extra}") == query_count(
        client, f"{MARKET_PAY}?page_size=100{extra}"
    )
