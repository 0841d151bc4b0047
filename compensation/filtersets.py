"""Filters for the compensation app's collections; every slug filter is named after its relation.

Salary bands are filtered in their own currency. A band's range is what its source states:
its low end is `min_amount`, else the lower of median and average; its high end is
`max_amount` (no limit when the maximum is open-ended, "$350k+"), else the higher of median
and average. A band that states a single figure is that point.
"""

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.db.models.functions import Coalesce, Greatest, Least
from drf_spectacular.utils import extend_schema_field

from careerapi.api.filters import (
    INCONSISTENT,
    BaseFilterSet,
    BooleanFilter,
    CodesFilter,
    FilterForm,
    OrderingFilter,
    SlugsFilter,
)
from occupations.choices import SocLevel
from occupations.filtersets import OccupationCodesFilter
from roles.filtersets import CompanyScopedFilter
from roles.models import Ladder, Level, Role
from sources.models import Source

from .choices import PayBasis, RegionKind
from .models import Currency, ExchangeRate, MarketPay, Region, SalaryBand
from .selectors import exchange_rates_latest, regions_also_inside
from .services import BASE_CURRENCY

AMOUNT_LIMITS = {"max_digits": 14, "decimal_places": 2, "min_value": 0}

# Median and average, lower and higher of the two; Coalesce because Least/Greatest return
# NULL on SQLite when either is NULL (PostgreSQL ignores the NULL).
_MIDPOINTS = (
    Coalesce("median_amount", "average_amount"),
    Coalesce("average_amount", "median_amount"),
)
BAND_LOW = Coalesce("min_amount", Least(*_MIDPOINTS), "max_amount")
BAND_HIGH = Coalesce("max_amount", Greatest(*_MIDPOINTS), "min_amount")


# AMOUNT_LIMITS as a schema: what the form accepts, so generated clients know it too.
@extend_schema_field(
    {"type": "number", "minimum": 0, "maximum": 999999999999.99, "multipleOf": 0.01}
)
class AmountFilter(django_filters.NumberFilter):
    """An amount in a band's own currency: up to 14 digits, 2 of them after the point."""


class RegionTreeFilter(SlugsFilter):
    """`region=western-europe` matches the region and every region inside it (gb, london …);
    a metro area that spans states is inside each of them (`also_in`)."""

    def __init__(self, **kwargs):
        lookups = ("slug", "code", "area_code")
        super().__init__(queryset=Region.objects.all(), lookups=lookups, carry=("path",), **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        also = regions_also_inside(dataset=getattr(self.parent.request, "dataset", None))
        match, extra = Q(), set()
        for region in value:  # one indexed prefix match, and the few regions it misses
            match |= Q(**{f"{self.field_name}__path__startswith": region.path})
            extra |= also.get(region.pk, set())
        if extra:
            match |= Q(**{f"{self.field_name}__in": sorted(extra)})
        return qs.filter(match)


class NullsLastOrderingFilter(OrderingFilter):
    """Ordering where items without the value come last either way, then by slug.

    Databases disagree on where NULL sorts (first on SQLite, last on PostgreSQL); a band that
    gives only a median has no minimum, and belongs after those that do.
    """

    def get_ordering_value(self, param):
        name = super().get_ordering_value(param)
        if name.startswith("-"):
            return F(name[1:]).desc(nulls_last=True)
        return F(name).asc(nulls_last=True)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.order_by(*(self.get_ordering_value(param) for param in value if param), "slug")


class SalaryBandFilterForm(FilterForm):
    """Checks the amount range as a whole: `min_amount` may not exceed `max_amount`."""

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("min_amount"), cleaned.get("max_amount")
        if low is not None and high is not None and low > high:
            message = f"min_amount ({low}) is greater than max_amount ({high})."
            # Each value is valid alone; the schema cannot relate the two.
            for name in ("min_amount", "max_amount"):
                self.add_error(name, ValidationError(message, code=INCONSISTENT))
        return cleaned


class RegionFilterSet(BaseFilterSet):
    kind = django_filters.MultipleChoiceFilter(
        choices=RegionKind.choices, label="Region kind (repeatable: any of them)."
    )
    parent = SlugsFilter(
        queryset=Region.objects.all(), label="Regions directly inside these regions."
    )

    class Meta:
        model = Region
        fields = []


class CurrencyFilterSet(BaseFilterSet):
    ecb_quoted = BooleanFilter(
        method="filter_ecb_quoted",
        label="true: the currencies bands convert to at the latest day's ECB rates (the euro "
        "and those the ECB quoted that day); false: the others.",
    )

    class Meta:
        model = Currency
        fields = []

    def filter_ecb_quoted(self, queryset, name, value):
        latest = exchange_rates_latest(dataset=self.form.dataset)
        quoted = Q(code__in=[BASE_CURRENCY, *(latest.rates if latest else ())])
        return queryset.filter(quoted if value else ~quoted)


class ExchangeRateFilterSet(BaseFilterSet):
    date = django_filters.DateFilter(
        label="Rates published on this day (YYYY-MM-DD); a day the ECB published none "
        "(a weekend, a TARGET holiday) has none."
    )
    date_after = django_filters.DateFilter(
        field_name="date", lookup_expr="gte", label="Rates of this day or later."
    )
    date_before = django_filters.DateFilter(
        field_name="date", lookup_expr="lte", label="Rates of this day or earlier."
    )
    currency = CodesFilter(
        queryset=Currency.objects.all(),
        lookups=("code",),
        label="Rates for any of these ISO 4217 currencies, in any case (currency=gbp,usd).",
    )
    base = CodesFilter(
        queryset=Currency.objects.all(),
        lookups=("code",),
        label="Rates against this currency. The ECB quotes every rate against the euro "
        "(EUR); salary bands convert between any two through it (`currency=`).",
    )
    ordering = OrderingFilter(
        fields=("date", ("currency__code", "currency")),
        label="Sort by date or currency; prefix with - for descending. Default: the latest "
        "day first, then by currency.",
    )

    class Meta:
        model = ExchangeRate
        fields = []


class SalaryBandFilterSet(BaseFilterSet):
    role = SlugsFilter(queryset=Role.objects.all(), label="Bands of any of these roles.")
    company = CompanyScopedFilter(
        field_name="role__company",
        label="Bands of roles at these companies or their organisations (amazon includes aws).",
    )
    level = SlugsFilter(queryset=Level.objects.all(), label="Bands for any of these levels.")
    ladder = SlugsFilter(
        queryset=Ladder.objects.all(),
        field_name="level__ladder",
        label="Bands whose level is in any of these career ladders.",
    )
    region = RegionTreeFilter(
        label="Bands in these regions or any region inside them, by slug or ISO 3166 country "
        "code (region=us, region=US; western-europe includes gb, london, de and berlin). "
        "Bands whose source names no region match no region.",
    )
    basis = django_filters.MultipleChoiceFilter(
        choices=PayBasis.choices, label="Pay basis (repeatable: any of them)."
    )
    source = SlugsFilter(queryset=Source.objects.all(), label="Bands from any of these sources.")
    min_amount = AmountFilter(
        method="filter_min_amount",
        label="Bands whose range reaches this amount or more, in the band's own currency "
        "(an open-ended maximum always does). With max_amount: bands overlapping the range.",
        **AMOUNT_LIMITS,
    )
    max_amount = AmountFilter(
        method="filter_max_amount",
        label="Bands whose range starts at this amount or less, in the band's own currency. "
        "With min_amount: bands overlapping the range.",
        **AMOUNT_LIMITS,
    )
    ordering = NullsLastOrderingFilter(
        fields=("slug", "min_amount", "max_amount", "median_amount"),
        label="Sort by slug, min_amount, max_amount or median_amount; prefix with - for "
        "descending. Bands without that amount come last, ties by slug.",
    )

    class Meta:
        model = SalaryBand
        fields = []
        form = SalaryBandFilterForm

    def filter_min_amount(self, queryset, name, value):
        return queryset.alias(band_high=BAND_HIGH).filter(
            Q(max_open=True) | Q(band_high__gte=value)
        )

    def filter_max_amount(self, queryset, name, value):
        return queryset.alias(band_low=BAND_LOW).filter(band_low__lte=value)


class MarketPayFilterSet(BaseFilterSet):
    occupation = OccupationCodesFilter(
        label="Market pay of these SOC codes (15-1252; a group such as 15-1200 gives BLS's "
        "figures for the group as a whole), or of the SOC group BLS publishes for an O*NET-SOC "
        "occupation (15-1252.00; 13-1021.00 gives 13-1020).",
    )
    region = RegionTreeFilter(
        label="Market pay in these regions or any area inside them, by slug, ISO 3166 code "
        "(US-WA) or BLS OEWS area code (0042660): us-wa includes Washington's metro and "
        "nonmetropolitan areas, and a metro area that spans states is in each of them.",
    )
    level = django_filters.MultipleChoiceFilter(
        field_name="occupation__level",
        choices=SocLevel.choices,
        label="Only SOC codes of these levels (detailed, broad …).",
    )
    region_kind = django_filters.MultipleChoiceFilter(
        field_name="region__kind",
        choices=RegionKind.choices,
        label="Only areas of these kinds (country, subdivision, metro, nonmetro).",
    )
    ordering = NullsLastOrderingFilter(
        fields=(
            ("occupation__code", "occupation"),
            ("region__path", "region"),
            ("employment", "employment"),
            ("annual_median", "annual_median"),
            ("hourly_median", "hourly_median"),
            ("location_quotient", "location_quotient"),
        ),
        label="Sort by occupation, region (in tree order), employment, annual_median, "
        "hourly_median or location_quotient; prefix with - for descending. Cells without the "
        "figure come last, ties by slug. Default: by slug (the SOC code, then the region's "
        "slug).",
    )

    class Meta:
        model = MarketPay
        fields = []
