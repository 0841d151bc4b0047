"""`RowWriter` writes a serializer's JSON from rows; wherever it is used, the bytes must be
the serializer's own (the salary-band, question and role lists have their own tests)."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured
from rest_framework import serializers

from careerapi.api.rendering import render_json
from careerapi.api.rows import RowWriter
from careerapi.role_page.views import RolePageViewSet
from compensation.api.conversion import Conversion
from compensation.api.serializers import ConvertedAmountsSerializer, SalaryBandSummarySerializer
from compensation.models import Currency, SalaryBand
from compensation.selectors import exchange_rates_latest
from roles.models import Role

pytestmark = pytest.mark.django_db


def as_json(data) -> object:
    return json.loads(render_json(data))


def latest_conversion(currency: str) -> Conversion:
    minor_unit = Currency.objects.get(code=currency).minor_unit
    day = exchange_rates_latest(dataset=None)
    return Conversion(currency=currency, minor_unit=minor_unit, day=day, requested_date=None)


@pytest.mark.parametrize("currency", [None, "USD", "EUR"])
def test_a_role_pages_bands_are_the_band_serializers_json(seed_dataset, client, currency):
    query = {"currency": currency} if currency else {}
    conversion = latest_conversion(currency) if currency else None
    context = {"conversion": conversion}
    for role in Role.objects.filter(salary_bands__isnull=False).distinct():
        page = client.get(f"/api/v1/roles/{role.slug}/", query).json()
        bands = RolePageViewSet.queryset.get(pk=role.pk).salary_bands.all()

        expected = [SalaryBandSummarySerializer(band, context=context).data for band in bands]
        assert page["salary_bands"] == as_json(expected)
        assert page["salary_bands"]


@pytest.mark.parametrize("currency", ["USD", "EUR", "CAD", "INR", "JPY"])
def test_converted_amounts_are_the_serializers_json(seed_dataset, currency):
    conversion = latest_conversion(currency)
    for band in SalaryBand.objects.select_related("currency"):
        amounts = conversion.convert(band)
        if amounts is None:
            continue
        written = RowWriter(ConvertedAmountsSerializer()).write(amounts)

        assert as_json(written) == as_json(ConvertedAmountsSerializer(amounts).data)


def test_a_field_it_cannot_write_from_rows_is_refused_when_first_used():
    class Whole(serializers.ModelSerializer):
        everything = serializers.DictField(source="*")

        class Meta:
            model = Role
            fields = ["slug", "everything"]

    with pytest.raises(ImproperlyConfigured, match="source='\\*'"):
        RowWriter(Whole())


def test_the_keys_come_in_the_serializers_order(seed_dataset):
    band = SalaryBand.objects.first()

    written = RowWriter(SalaryBandSummarySerializer()).write(band)

    assert list(written) == list(SalaryBandSummarySerializer().fields)
