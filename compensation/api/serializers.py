"""Serializers for regions, currencies, exchange rates, salary bands and market pay.

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
from compensation.choices import WagePeriod
from compensation.models import Currency, ExchangeRate, MarketPay, Region, SalaryBand
from compensation.selectors import exchange_rates_latest
from compensation.services import (
    BASE_CURRENCY,
    WAGE_PERIODS,
    market_pay_wages,
    unpublished_of,
)
from occupations.api.serializers import SocGroupRefSerializer
from roles.models import Level
from sources.api.serializers import SourceRefSerializer

from .conversion import Conversion


class RegionSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    also_in = serializers.SlugRelatedField(
        slug_field="slug",
        many=True,
        read_only=True,
        help_text="Other regions it lies partly in (a metro area's other states): a filter by "
        "any of them includes it.",
    )
    currency = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)

    class Meta:
        model = Region
        fields = [
            "slug",
            "name",
            "kind",
            "code",
            "area_code",
            "parent",
            "also_in",
            "currency",
            "updated_at",
        ]


class ExchangeRateSerializer(serializers.ModelSerializer):
    """One currency's reference rate against the euro on one day, and whose it is."""

    base = serializers.SlugRelatedField(slug_field="code", read_only=True)
    currency = serializers.SlugRelatedField(slug_field="code", read_only=True)
    source = SourceRefSerializer()

    class Meta:
        model = ExchangeRate
        fields = ["slug", "base", "currency", "date", "rate", "source", "updated_at"]


class CurrencySerializer(serializers.ModelSerializer):
    ecb_quoted = serializers.SerializerMethodField(
        help_text="Whether salary bands convert to and from it at the latest day's rates: "
        "the ECB quoted it that day (the euro, the ECB's base, always)."
    )
    latest_rate = serializers.SerializerMethodField(
        help_text="The ECB's reference rate against the euro of the latest day held (null "
        "for the euro itself and for a currency the ECB did not quote that day)."
    )

    class Meta:
        model = Currency
        fields = ["code", "name", "symbol", "minor_unit", "ecb_quoted", "latest_rate", "updated_at"]

    @cached_property
    def _latest(self):
        return exchange_rates_latest(dataset=self.context.get("dataset"))

    @shows("rates", ExchangeRateSerializer)  # the latest day's, read once per dataset
    def get_ecb_quoted(self, currency: Currency) -> bool:
        return currency.code == BASE_CURRENCY or (
            self._latest is not None and currency.code in self._latest.rates
        )

    @extend_schema_field(ExchangeRateSerializer(allow_null=True))
    @shows("rates", ExchangeRateSerializer)  # the latest day's, read once per dataset
    def get_latest_rate(self, currency: Currency):
        rate = None if self._latest is None else self._latest.rates.get(currency.code)
        return None if rate is None else ExchangeRateSerializer(rate, context=self.context).data


class ConvertedAmountsSerializer(serializers.Serializer):
    """A band's amounts in the requested currency, at the ECB rates of one day, each rounded
    half up to the currency's ISO 4217 minor unit (JPY 1234, USD 1234.56, BHD 1234.567)."""

    currency = serializers.CharField(help_text="The requested ISO 4217 currency.")
    min = serializers.DecimalField(max_digits=None, decimal_places=None, allow_null=True)
    max = serializers.DecimalField(max_digits=None, decimal_places=None, allow_null=True)
    median = serializers.DecimalField(max_digits=None, decimal_places=None, allow_null=True)
    average = serializers.DecimalField(max_digits=None, decimal_places=None, allow_null=True)
    rate = serializers.DecimalField(
        max_digits=None,
        decimal_places=None,
        help_text="How many units of the requested currency one unit of the band's currency "
        "is worth: the requested currency's ECB rate against the euro divided by the band "
        "currency's, both of `rate_date`, 12 significant digits.",
    )
    rate_date = serializers.DateField(help_text="The day of the ECB rates used.")
    rate_date_note = serializers.CharField(
        allow_null=True,
        help_text="Why `rate_date` is not the `rate_date` asked for (no rates were "
        "published that day); null when it is, or when none was asked for.",
    )
    legs = ExchangeRateSerializer(
        many=True,
        help_text="The ECB rates used, the band's currency first: none between two amounts "
        "in one currency, one when either side is the euro, two otherwise.",
    )
    derivation = serializers.CharField(help_text="How `rate` follows from the legs.")


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
        help_text="The amounts in the currency asked for with `currency`, at the ECB rates of "
        "`rate_date`; null when none was asked for or the ECB did not quote the band's "
        "currency that day (see `conversion_note`)."
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


class UnpublishedSerializer(serializers.Serializer):
    """A value BLS did not publish, and why (its footnote)."""

    field = serializers.CharField(help_text="The figure's name, as this item names it.")
    footnote = serializers.CharField(help_text="The BLS footnote code: 4, 5 or 8.")
    reason = serializers.CharField()
    open_ended = serializers.BooleanField(
        help_text="At or above the top of the range BLS publishes (footnote 5): the value is "
        "open-ended, and BLS gives no figure for it."
    )


class ConvertedWagesSerializer(serializers.Serializer):
    """Wages in the requested currency, at the ECB rates of one day, each rounded half up to
    the currency's ISO 4217 minor unit."""

    currency = serializers.CharField(help_text="The requested ISO 4217 currency.")
    mean = serializers.DecimalField(max_digits=None, decimal_places=None, allow_null=True)
    p10 = serializers.DecimalField(max_digits=None, decimal_places=None, allow_null=True)
    p25 = serializers.DecimalField(max_digits=None, decimal_places=None, allow_null=True)
    median = serializers.DecimalField(max_digits=None, decimal_places=None, allow_null=True)
    p75 = serializers.DecimalField(max_digits=None, decimal_places=None, allow_null=True)
    p90 = serializers.DecimalField(max_digits=None, decimal_places=None, allow_null=True)
    rate = serializers.DecimalField(
        max_digits=None,
        decimal_places=None,
        help_text="How many units of the requested currency one US dollar is worth at the "
        "ECB rates of `rate_date`, 12 significant digits.",
    )
    rate_date = serializers.DateField(help_text="The day of the ECB rates used.")
    rate_date_note = serializers.CharField(
        allow_null=True,
        help_text="Why `rate_date` is not the `rate_date` asked for; null when it is, or when "
        "none was asked for.",
    )
    legs = ExchangeRateSerializer(many=True, help_text="The ECB rates used, US dollar first.")
    derivation = serializers.CharField(help_text="How `rate` follows from the legs.")


class WagesSerializer(serializers.Serializer):
    """An occupation's wages in an area for one period: the mean and the percentiles."""

    period = serializers.ChoiceField(choices=WagePeriod.choices)
    mean = serializers.DecimalField(max_digits=None, decimal_places=None, allow_null=True)
    p10 = serializers.DecimalField(max_digits=None, decimal_places=None, allow_null=True)
    p25 = serializers.DecimalField(max_digits=None, decimal_places=None, allow_null=True)
    median = serializers.DecimalField(max_digits=None, decimal_places=None, allow_null=True)
    p75 = serializers.DecimalField(max_digits=None, decimal_places=None, allow_null=True)
    p90 = serializers.DecimalField(max_digits=None, decimal_places=None, allow_null=True)
    unpublished = UnpublishedSerializer(
        many=True, help_text="The figures of this period BLS did not publish, and why."
    )
    converted = ConvertedWagesSerializer(
        allow_null=True,
        help_text="The figures in the currency asked for with `currency`; null when none was.",
    )


class MarketPayRegionSerializer(serializers.ModelSerializer):
    """The area a market pay cell is for."""

    class Meta:
        model = Region
        fields = ["slug", "name", "kind", "code", "area_code"]


#: The figures of a cell that are not wages of a period, as the API names them.
CELL_FIGURES = ("employment", "employment_rse", "wage_rse", "jobs_per_1000", "location_quotient")


class MarketPaySerializer(serializers.ModelSerializer):
    """An occupation's pay in an area as BLS publishes it (OEWS), in US dollars."""

    occupation = SocGroupRefSerializer()
    region = MarketPayRegionSerializer()
    currency = serializers.SerializerMethodField(help_text="The wages' currency: USD.")
    wages = serializers.SerializerMethodField(
        help_text="The annual and hourly wages (or the periods asked for with `period`), each "
        "with what BLS did not publish and the conversion asked for with `currency`."
    )
    unpublished = serializers.SerializerMethodField(
        help_text="The cell's other figures BLS did not publish, and why (a null figure "
        "listed nowhere does not apply: the national area has no location quotient)."
    )
    source = SourceRefSerializer()

    class Meta:
        model = MarketPay
        fields = [
            "slug",
            "occupation",
            "region",
            "release",
            "series_id",
            "currency",
            *CELL_FIGURES,
            "wages",
            "unpublished",
            "source",
            "updated_at",
        ]
        extra_kwargs = {
            "employment_rse": {"help_text": "Relative standard error of `employment`, percent."},
            "wage_rse": {"help_text": "Relative standard error of the mean wage, percent."},
            "jobs_per_1000": {"help_text": "The occupation's jobs per 1,000 jobs in the area."},
            "location_quotient": {
                "help_text": "The occupation's share of the area's jobs over its national share."
            },
        }

    @cached_property
    def conversion(self):
        return self.context.get("conversion")

    @cached_property
    def _wages_pair(self):
        return None if self.conversion is None else self.conversion.pair("USD")

    # Written as the serializers' fields say, without building them for every cell.
    @cached_property
    def _wages_writer(self) -> RowWriter:
        return RowWriter(WagesSerializer(context=self.context))

    @cached_property
    def _unpublished_writer(self) -> RowWriter:
        return RowWriter(UnpublishedSerializer(context=self.context))

    @shows()  # always the US dollar
    def get_currency(self, cell: MarketPay) -> str:
        return "USD"

    @extend_schema_field(WagesSerializer(many=True))
    @shows()  # the cell's own wage columns, and the request's periods and currency
    def get_wages(self, cell: MarketPay) -> list[dict]:
        periods = self.context.get("periods") or WAGE_PERIODS
        note = None if self.conversion is None else self.conversion.rate_date_note
        wages = market_pay_wages(
            cell=cell, periods=periods, pair=self._wages_pair, rate_date_note=note
        )
        return self._wages_writer.write_many(wages)

    @extend_schema_field(UnpublishedSerializer(many=True))
    @shows()  # the cell's own columns
    def get_unpublished(self, cell: MarketPay) -> list[dict]:
        fields = {name: name for name in CELL_FIGURES}
        found = unpublished_of(notes=cell.unpublished or {}, fields=fields)
        return self._unpublished_writer.write_many(found)
