"""SalaryBandFilterSet through /api/v1/salary-bands/, against the real seed dataset."""

import pytest

from compensation.models import Currency
from roles.models import Role
from sources.models import Source
from tests.factories import SalaryBandFactory

pytestmark = pytest.mark.django_db

BANDS = "/api/v1/salary-bands/"
US_BANDS = {
    "amazon-engineer-us-junior",
    "amazon-engineer-us-mid",
    "amazon-engineer-us-senior",
    "amazon-engineer-us-lead",
    "amazon-engineer-us-principal",
    "amazon-engineer-us-l4",
    "amazon-engineer-us-l5",
    "amazon-engineer-us-l6",
}
GB_BANDS = {
    "amazon-software-engineer-gb-typical",
    "software-engineer-gb-junior-uk-average-amazon-swe-guide",
    "software-engineer-gb-experienced-uk-average-amazon-swe-guide",
    "amazon-software-engineer-junior-faq-amazon-swe-guide",
    "amazon-software-engineer-experienced-faq-amazon-swe-guide",
}


def band_slugs(client, **params) -> list[str]:
    response = client.get(BANDS, {"page_size": 100, **params})
    assert response.status_code == 200, response.content
    return [band["slug"] for band in response.json()["results"]]


def errors_of(client, **params) -> dict[str, str]:
    response = client.get(BANDS, params)
    assert response.status_code == 400, response.content
    return {error["parameter"]: error["detail"] for error in response.json()["errors"]}


def test_role_filter_matches_any_of_the_roles(client, seed_dataset):
    assert band_slugs(client, role="aws-developer") == ["aws-developer-senior-usd"]
    assert set(band_slugs(client, role="aws-developer,aws-architect")) == {
        "aws-developer-senior-usd",
        "aws-architect-usd",
    }
    assert len(band_slugs(client, role="amazon-engineer")) == 18
    assert "no-such-role" in errors_of(client, role="no-such-role")["role"]


def test_company_filter_includes_the_companys_organisations(client, seed_dataset):
    services_band = SalaryBandFactory(
        slug="amazon-services-test-band",
        role=Role.objects.get(slug="amazon-services-software-engineer"),
        currency=Currency.objects.get(code="USD"),
        source=Source.objects.get(slug="amazon-services-swe-interview-guide"),
    )

    amazon = set(band_slugs(client, company="amazon"))

    assert len(amazon) == 18 + 3 + 1  # amazon-engineer, amazon-software-engineer, the new one
    assert services_band.slug in amazon  # Amazon Services is an organisation of Amazon
    assert "aws-developer-senior-usd" not in amazon  # an industry-wide role
    assert "software-engineer-gb-junior-uk-average-amazon-swe-guide" not in amazon
    assert band_slugs(client, company="amazon-services") == [services_band.slug]
    assert band_slugs(client, company="aws") == []  # a real company with no bands
    assert "acme" in errors_of(client, company="acme")["company"]


def test_level_filter(client, seed_dataset):
    assert band_slugs(client, level="amazon-l4") == ["amazon-engineer-us-l4"]
    assert set(band_slugs(client, level="amazon-l5,amazon-engineer-lead")) == {
        "amazon-engineer-us-l5",
        "amazon-engineer-us-lead",
    }
    assert band_slugs(client, level="amazon-l7") == []  # a level with no band
    assert "amazon-l99" in errors_of(client, level="amazon-l99")["level"]


def test_ladder_filter_matches_bands_whose_level_is_in_the_ladder(client, seed_dataset):
    assert band_slugs(client, ladder="amazon-sde-levels") == [
        "amazon-engineer-us-l4",
        "amazon-engineer-us-l5",
        "amazon-engineer-us-l6",
    ]
    assert len(band_slugs(client, ladder="amazon-engineer-career-path")) == 5
    assert "no-ladder" in errors_of(client, ladder="no-ladder")["ladder"]


def test_region_filter_takes_a_slug_or_an_iso_country_code(client, seed_dataset):
    assert set(band_slugs(client, region="us")) == US_BANDS
    assert set(band_slugs(client, region="US")) == US_BANDS
    assert set(band_slugs(client, region="Us")) == US_BANDS  # in any case
    assert set(band_slugs(client, region="gb")) == set(band_slugs(client, region="Gb"))
    # A subdivision by its slug or its ISO 3166-2 code, in any case.
    for value in ("us-wa", "US-WA", "Us-Wa"):
        inside = client.get("/api/v1/regions/", {"parent": value}).json()["results"]
        assert [region["slug"] for region in inside] == [
            "seattle",  # BLS's Seattle-Tacoma-Bellevue, WA, by its area code
            "western-washington-nonmetropolitan-area",  # from the OEWS extract
        ]
        assert band_slugs(client, region=value) == []  # the sources name no Seattle figure
    assert set(band_slugs(client, region="IN")) == {
        "amazon-engineer-bengaluru",
        "amazon-engineer-hyderabad",
    }


def test_region_filter_includes_every_region_inside(client, seed_dataset):
    western_europe = set(band_slugs(client, region="western-europe"))
    gb = set(band_slugs(client, region="gb"))
    everywhere = band_slugs(client, region="world")

    assert western_europe == GB_BANDS | {"amazon-engineer-london", "amazon-engineer-berlin"}
    assert gb == GB_BANDS | {"amazon-engineer-london"}
    assert set(band_slugs(client, region="latin-america,sg")) == {
        "amazon-engineer-br",
        "amazon-engineer-mx",
        "amazon-engineer-sg",
    }
    # Bands whose source names no region are in no region, not even the world.
    assert len(everywhere) == 25 - 3
    assert "amazon-engineer-overall-range" not in everywhere


def test_region_filter_unknown_or_malformed_is_400(client, seed_dataset):
    assert "atlantis" in errors_of(client, region="atlantis")["region"]
    assert "ZZ" in errors_of(client, region="ZZ")["region"]
    assert "not a slug" in errors_of(client, region="west europe")["region"]


def test_basis_filter(client, seed_dataset):
    assert set(band_slugs(client, basis="total_compensation")) == {
        "amazon-engineer-overall-range",
        "amazon-engineer-us-l4",
    }
    assert band_slugs(client, basis="base") == []
    assert len(band_slugs(client, basis=["base", "unspecified"])) == 23
    assert "basis" in errors_of(client, basis="salary")


def test_source_filter(client, seed_dataset):
    assert set(band_slugs(client, source="amazon-swe-interview-guide")) == GB_BANDS
    assert len(band_slugs(client, source="himalayas-amazon-engineer-guide")) == 18
    assert "nowhere" in errors_of(client, source="nowhere")["source"]


def test_amount_range_matches_overlapping_bands_in_their_own_currency(client, seed_dataset):
    overlapping = set(band_slugs(client, min_amount=400000, max_amount=500000))

    assert overlapping == {
        "amazon-engineer-overall-range",  # 90k–350k+: an open maximum has no upper limit
        "amazon-engineer-us-principal",  # median 360k, average 400k
        "amazon-engineer-us-l6",  # 350k–700k+
        "amazon-engineer-br",  # BRL 150k–600k
        "amazon-engineer-mx",  # MXN 500k–2M: the bounds are inclusive
        "software-engineer-gb-experienced-uk-average-amazon-swe-guide",  # £75k–£120k+
        "amazon-software-engineer-experienced-faq-amazon-swe-guide",  # £75k–£120k+
    }


def test_min_amount_alone_matches_bands_reaching_it(client, seed_dataset):
    assert set(band_slugs(client, role="amazon-engineer", min_amount=600000)) == {
        "amazon-engineer-overall-range",  # open-ended
        "amazon-engineer-us-l6",
        "amazon-engineer-br",
        "amazon-engineer-mx",
        "amazon-engineer-bengaluru",
        "amazon-engineer-hyderabad",
    }


def test_max_amount_alone_matches_bands_starting_at_or_below_it(client, seed_dataset):
    assert set(band_slugs(client, max_amount=45000)) == {
        "amazon-software-engineer-gb-typical",  # £45k–£70k
        "software-engineer-gb-junior-uk-average-amazon-swe-guide",
        "amazon-software-engineer-junior-faq-amazon-swe-guide",
    }


def test_a_band_with_median_and_average_spans_the_two(client, seed_dataset):
    principal = "amazon-engineer-us-principal"  # median 360k, average 400k

    assert principal in band_slugs(client, min_amount=400000, max_amount=400000)
    assert principal in band_slugs(client, min_amount=360000, max_amount=360000)
    assert principal not in band_slugs(client, min_amount="400000.01")
    assert principal not in band_slugs(client, max_amount="359999.99")


def test_min_amount_above_max_amount_is_400_naming_both(client, seed_dataset):
    errors = errors_of(client, min_amount=200000, max_amount=100000)

    assert set(errors) == {"min_amount", "max_amount"}
    assert "greater than max_amount" in errors["min_amount"]


@pytest.mark.parametrize("value", ["lots", "-5", "1e999", "NaN", "12.345"])
def test_malformed_amount_is_400(client, seed_dataset, value):
    assert "min_amount" in errors_of(client, min_amount=value)
    assert "max_amount" in errors_of(client, max_amount=value)


def test_ordering_by_amounts_puts_bands_without_the_amount_last(client, seed_dataset):
    by_median = band_slugs(client, role="amazon-engineer", ordering="median_amount")
    by_min_desc = band_slugs(client, role="amazon-engineer", ordering="-min_amount")

    assert by_median[:6] == [
        "amazon-engineer-overall-range",  # 110k
        "amazon-engineer-us-junior",  # 120k
        "amazon-engineer-us-mid",
        "amazon-engineer-us-senior",
        "amazon-engineer-us-lead",
        "amazon-engineer-us-principal",  # 360k
    ]
    assert by_min_desc[:3] == [
        "amazon-engineer-bengaluru",  # INR 2.5M, ties by slug
        "amazon-engineer-hyderabad",
        "amazon-engineer-mx",
    ]
    assert by_min_desc[-5:] == sorted(by_min_desc[-5:])  # the median-only bands, by slug
    assert all("us-" in slug for slug in by_min_desc[-5:])


def test_ordering_by_slug_and_max_amount(client, seed_dataset):
    aws = {"role": "aws-developer,aws-architect"}

    assert band_slugs(client, ordering="slug", **aws) == [
        "aws-architect-usd",
        "aws-developer-senior-usd",
    ]
    assert band_slugs(client, ordering="-max_amount", **aws) == [
        "aws-architect-usd",  # 210k
        "aws-developer-senior-usd",  # 175k
    ]
    assert band_slugs(client, ordering="min_amount", **aws) == [
        "aws-developer-senior-usd",
        "aws-architect-usd",
    ]
    assert "ordering" in errors_of(client, ordering="salary")


def test_updated_since(client, seed_dataset):
    assert len(band_slugs(client, updated_since="2000-01-01T00:00:00+20:00")) == 25
    assert band_slugs(client, updated_since="2999-01-01T00:00:00Z") == []
    assert "updated_since" in errors_of(client, updated_since="2025-02-30")


def test_filters_combine(client, seed_dataset):
    assert band_slugs(
        client, company="amazon", region="us", basis="unspecified", min_amount=300000
    ) == [
        # in level order: L5 and L6 are positions 2 and 3, Lead and Principal 4 and 5
        "amazon-engineer-us-l5",
        "amazon-engineer-us-l6",
        "amazon-engineer-us-lead",  # average 310k
        "amazon-engineer-us-principal",
    ]


def test_an_invalid_choice_lists_the_choices(client, seed_dataset):
    assert errors_of(client, basis="bonus")["basis"] == (
        "bonus is not one of the choices: base, total_compensation, unspecified."
    )
