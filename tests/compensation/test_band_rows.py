"""The salary-band list writes rows straight to JSON; it must match the serializer exactly."""

import json

import pytest
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from careerapi.api.rendering import render_json
from compensation.api.conversion import conversion_from_request
from compensation.api.serializers import SalaryBandSerializer
from compensation.api.views import SalaryBandViewSet
from compensation.models import SalaryBand

pytestmark = pytest.mark.django_db

BANDS = "/api/v1/salary-bands/"


def serialized_bands(query: dict) -> list[dict]:
    """Every band as `SalaryBandSerializer` writes it, in the list's order."""
    request = Request(APIRequestFactory().get(BANDS, query))
    context = {"conversion": conversion_from_request(request), "request": request}
    bands = SalaryBandViewSet.queryset.all()
    data = SalaryBandSerializer(bands, many=True, context=context).data
    return json.loads(render_json(data))


@pytest.mark.parametrize(
    ("currency", "rate_date"),
    [(None, None), ("USD", None), ("EUR", None), ("CAD", "2025-05-17"), ("JPY", "1999-01-04")],
)
def test_every_band_is_the_serializers_json(seed_dataset, client, currency, rate_date):
    query = {"page_size": 100, **({"currency": currency} if currency else {})}
    query |= {"rate_date": rate_date} if rate_date else {}

    response = client.get(BANDS, query)

    assert response.status_code == 200
    results = response.json()["results"]
    assert response.json()["count"] == len(results)  # one page holds them all
    assert results == serialized_bands(query)
    if currency:
        assert any(band["converted"] for band in results)
    if rate_date == "1999-01-04":  # before the ECB quoted INR, BRL and MXN
        assert any(band["conversion_note"] for band in results)


def test_the_keys_come_in_the_serializers_order(seed_dataset, client):
    band = client.get(BANDS, {"currency": "USD"}).json()["results"][0]

    assert list(band) == list(SalaryBandSerializer().fields)


@pytest.mark.parametrize("page_size", [1, 100])
def test_a_filtered_list_costs_two_queries_whatever_the_page_size(
    seed_dataset, client, django_assert_num_queries, page_size
):
    query = {"role": "amazon-engineer", "region": "us", "currency": "USD"}
    client.get(BANDS, query)  # memoise the slug tables, rates and references

    # The version of the snapshot, then the page counted in the same query: slugs, rates
    # and what bands point at come from memos.
    with django_assert_num_queries(2):
        response = client.get(BANDS, {**query, "page_size": page_size})

    assert response.status_code == 200


def test_the_count_in_the_page_query_is_the_whole_lists_on_every_page(seed_dataset, client):
    total = SalaryBand.objects.count()
    last_page = -(-total // 10)
    assert last_page >= 2

    pages = [client.get(BANDS, {"page_size": 10, "page": n}) for n in range(1, last_page + 1)]

    assert {page.json()["count"] for page in pages} == {total}
    assert sum(len(page.json()["results"]) for page in pages) == total
    assert pages[-1].json()["next"] is None
    assert client.get(BANDS, {"page_size": 10, "page": last_page + 1}).status_code == 404
