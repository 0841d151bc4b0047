"""Serializers for regions, currencies, exchange rates and salary bands.

Salary band serializers read an optional `compensation.api.conversion.Conversion` from
`context["conversion"]` and add the amounts converted to its currency. The role page
nests `SalaryBandSummarySerializer` the same way. A list of bands is written from rows
(`careerapi.api.rows.RowWriter`), by these same serializers' fields.
"""

from functools import cached_property

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from careerapi.api.embedding import shows
from careerapi.api.rows import RowWriter
from compensation.models import Currency, ExchangeRate, Region, SalaryBand
from compensation.services import BASE_CURRENCY
from roles.api.serializers import SourceRefSerializer
from roles.models import Level

from .conversion import Conversion


class RegionSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    currency = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = Region
        fields = ["slug", "name", "kind", "code", "parent", "currency", "updated_at"]


class ExchangeRateSerializer(serializers.ModelSerializer):
    """A rate to USD with how it was derived and where it came from."""

    currency = serializers.SlugRelatedField(slug_field="code", read_only=True)
    source = SourceRefSerializer()

    class Meta:
        model = ExchangeRate
        fields = ["slug", "currency", "rate_to_usd", "as_of", "derivation", "quote", "source"]


class CurrencySerializer(serializers.ModelSerializer):
    latest_rate = serializers.SerializerMethodField(
        help_text="The most recent rate to USD (null for USD itself and for a currency "
        "without a rate, whose amounts cannot be converted)."
    )

    class Meta:
        model = Currency
        fields = ["code", "name", "symbol", "latest_rate", "updated_at"]

    @extend_schema_field(ExchangeRateSerializer(allow_null=True))
    @shows("rates", ExchangeRateSerializer)
    def get_latest_rate(self, currency: Currency):
        # `rates_latest_first` is prefetched by the view, newest first.
        rates = getattr(currency, "rates_latest_first", None)
        if currency.code == BASE_CURRENCY or not rates:
            return None
        return ExchangeRateSerializer(rates[0], context=self.context).data


class ConvertedAmountsSerializer(serializers.Serializer):
    """A band's amounts in the requested currency, rounded to cents."""

    currency = serializers.CharField(help_text="The requested ISO 4217 currency.")
    min = serializers.DecimalField(max_digits=20, decimal_places=2, allow_null=True)
    max = serializers.DecimalField(max_digits=20, decimal_places=2, allow_null=True)
    median = serializers.DecimalField(max_digits=20, decimal_places=2, allow_null=True)
    average = serializers.DecimalField(max_digits=20, decimal_places=2, allow_null=True)
    rate = serializers.DecimalField(
        max_digits=None,
        decimal_places=None,
        help_text="How many units of the requested currency one unit of the band's currency "
        "is worth (the band's rate to USD divided by the requested currency's), 12 "
        "significant digits.",
    )
    rates_used = ExchangeRateSerializer(
        many=True, help_text="The exchange rates used (none for USD, which is the base)."
    )


class SalaryBandLevelSerializer(serializers.ModelSerializer):
    """The career level a band is for."""

    class Meta:
        model = Level
        fields = ["slug", "name", "code"]


class SalaryBandRegionSerializer(serializers.ModelSerializer):
    """The region a band applies to."""

    class Meta:
        model = Region
        fields = ["slug", "name", "code"]


class SalaryBandSummarySerializer(serializers.ModelSerializer):
    """A salary band inside its role (the role is the parent)."""

    level = SalaryBandLevelSerializer(allow_null=True)
    region = SalaryBandRegionSerializer(allow_null=True)
    currency = serializers.SlugRelatedField(slug_field="code", read_only=True)
    source = SourceRefSerializer()
    converted = serializers.SerializerMethodField(
        help_text="The amounts in the currency asked for with `currency`; null when none was "
        "asked for or the band's currency has no exchange rate (see `conversion_note`)."
    )
    conversion_note = serializers.SerializerMethodField(
        help_text="Why `converted` is null although a currency was asked for."
    )

    class Meta:
        model = SalaryBand
        fields = [
            "slug",
            "level",
            "label",
            "region",
            "currency",
            "period",
            "basis",
            "min_amount",
            "max_amount",
            "max_open",
            "median_amount",
            "average_amount",
            "usd_equivalent_min",
            "usd_equivalent_max",
            "quote",
            "interpretation",
            "source",
            "converted",
            "conversion_note",
            "updated_at",
        ]

    @cached_property
    def conversion(self) -> Conversion | None:
        """The conversion the request asked for (read once: a list asks for every band)."""
        return self.context.get("conversion")

    @cached_property
    def _converted_writer(self) -> RowWriter:
        # Written as the serializer's fields say, without building them for every band.
        return RowWriter(ConvertedAmountsSerializer(context=self.context))

    @extend_schema_field(ConvertedAmountsSerializer(allow_null=True))
    @shows()  # the request's currency, and the band's amounts and currency
    def get_converted(self, band: SalaryBand):
        amounts = self.conversion.convert(band) if self.conversion is not None else None
        if amounts is None:
            return None
        return self._converted_writer.write(amounts)

    @shows()  # the request's currency, and the band's currency
    def get_conversion_note(self, band: SalaryBand) -> str | None:
        return self.conversion.note(band) if self.conversion is not None else None


class SalaryBandSerializer(SalaryBandSummarySerializer):
    """A salary band exactly as its source states it, optionally converted."""

    role = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta(SalaryBandSummarySerializer.Meta):
        fields = ["slug", "role", *SalaryBandSummarySerializer.Meta.fields[1:]]
