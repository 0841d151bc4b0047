"""Read-only endpoints for regions, currencies, the ECB's exchange rates, salary bands and
market pay."""

from django.db.models import F
from drf_spectacular.utils import extend_schema, extend_schema_view

from careerapi.api.views import ReadOnlyViewSet, RowList
from compensation import filtersets
from compensation.models import Currency, ExchangeRate, MarketPay, Region, SalaryBand

from . import examples, serializers
from .conversion import CONVERSION_PARAMETERS, CONVERSION_QUERY, conversion_from_request
from .periods import PERIOD_PARAMETER, periods_from_request


@extend_schema_view(
    list=extend_schema(
        summary="List regions",
        description="The region tree (world > area > country > subdivision > metro) in tree "
        "order, each with its ISO 3166 code (ISO 3166-1 for countries, ISO 3166-2 for "
        "subdivisions such as US-WA; their names are ISO 3166's unless the dataset names "
        "them) and default currency. Salary bands filtered with `region=<slug or code>` "
        "include the regions inside it.",
        examples=[examples.REGION],
    ),
    retrieve=extend_schema(
        summary="Get a region", description="One region by slug.", examples=[examples.REGION]
    ),
)
class RegionViewSet(ReadOnlyViewSet):
    """Countries, metro areas and wider areas."""

    queryset = (
        Region.objects.select_related("parent", "currency")
        .prefetch_related("also_in")
        .order_by("path")
    )
    serializer_class = serializers.RegionSerializer
    filterset_class = filtersets.RegionFilterSet


@extend_schema_view(
    list=extend_schema(
        summary="List currencies",
        description="Every ISO 4217 currency with its name and minor unit, and whether the "
        "ECB quoted it on the latest day held (`ecb_quoted`, with that `latest_rate`): salary "
        "bands convert to and from those and the euro.",
        examples=[examples.CURRENCY],
    ),
    retrieve=extend_schema(
        summary="Get a currency",
        description="One currency by its ISO 4217 code, e.g. GBP.",
        examples=[examples.CURRENCY],
    ),
)
class CurrencyViewSet(ReadOnlyViewSet):
    """ISO 4217 currencies, and which of them salary bands convert to."""

    queryset = Currency.objects.order_by("code")
    serializer_class = serializers.CurrencySerializer
    filterset_class = filtersets.CurrencyFilterSet
    lookup_field = "code"
    lookup_value_regex = "[A-Z]{3}"


@extend_schema_view(
    list=extend_schema(
        summary="List exchange rates",
        description="The ECB's euro foreign exchange reference rates: one per currency and "
        "publication day since 1999-01-04, each the units of `currency` one euro bought, "
        "with its source. The latest day first.",
        examples=[examples.EXCHANGE_RATE],
    ),
    retrieve=extend_schema(
        summary="Get an exchange rate",
        description="One rate by slug: the currency and the day, e.g. gbp-2025-05-15.",
        examples=[examples.EXCHANGE_RATE],
    ),
)
class ExchangeRateViewSet(RowList, ReadOnlyViewSet):
    """The ECB's daily reference rates against the euro."""

    queryset = ExchangeRate.objects.select_related("base", "currency", "source").order_by(
        "-date", "currency__code"
    )
    serializer_class = serializers.ExchangeRateSerializer
    filterset_class = filtersets.ExchangeRateFilterSet


@extend_schema_view(
    list=extend_schema(
        summary="List salary bands",
        description="Pay for a role (and level) in a region exactly as a source states it: "
        "min / max / median / average in the band's own currency, an open-ended maximum "
        "kept open (`max_open`), the basis (base or total compensation) and the quote. "
        "Add `currency=GBP` to see every band converted too, at the ECB rates of the latest "
        "day held or of `rate_date`. `usd_equivalent_min` / `_max` are the source's own "
        "approximate US-dollar figures, never a conversion.",
        parameters=CONVERSION_PARAMETERS,
        examples=[examples.SALARY_BAND],
    ),
    retrieve=extend_schema(
        summary="Get a salary band",
        description="One salary band by slug, optionally converted with `currency` (and "
        "`rate_date`).",
        parameters=CONVERSION_PARAMETERS,
        examples=[examples.SALARY_BAND_CONVERTED],
    ),
)
class SalaryBandViewSet(RowList, ReadOnlyViewSet):
    """Salary bands by role, level and region, convertible to one currency."""

    queryset = SalaryBand.objects.select_related(
        "role", "level", "region", "currency", "source"
    ).order_by("role__slug", F("level__position").asc(nulls_first=True), "slug")
    serializer_class = serializers.SalaryBandSerializer
    filterset_class = filtersets.SalaryBandFilterSet
    action_query_parameters = {"list": CONVERSION_QUERY, "retrieve": CONVERSION_QUERY}

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["conversion"] = conversion_from_request(self.request)
        return context


@extend_schema_view(
    list=extend_schema(
        summary="List market pay",
        description="Official wage statistics by occupation and area, as the U.S. Bureau of "
        "Labor Statistics publishes them (Occupational Employment and Wage Statistics): "
        "employment, annual and hourly mean wages and percentiles (10th to 90th), in US "
        "dollars, with their reliability. A value BLS does not publish is null and listed "
        "under `unpublished` with its footnote (a top-coded wage is open-ended, never a "
        "number). Filter with `occupation=15-1252` and `region=us-wa` (the state and every "
        "area in it); `period` keeps one period's wages, `currency` converts them.",
        parameters=[PERIOD_PARAMETER, *CONVERSION_PARAMETERS],
        examples=[examples.MARKET_PAY],
    ),
    retrieve=extend_schema(
        summary="Get market pay",
        description="One cell by slug: the SOC code and the region, e.g. 15-1252-us-wa.",
        parameters=[PERIOD_PARAMETER, *CONVERSION_PARAMETERS],
        examples=[examples.MARKET_PAY],
    ),
)
class MarketPayViewSet(RowList, ReadOnlyViewSet):
    """BLS market pay by occupation and area, convertible to one currency."""

    # By slug: the SOC code, then the region's slug, with no join to sort by.
    queryset = MarketPay.objects.select_related("occupation", "region", "source").order_by("slug")
    serializer_class = serializers.MarketPaySerializer
    filterset_class = filtersets.MarketPayFilterSet
    action_query_parameters = {
        "list": ("period", *CONVERSION_QUERY),
        "retrieve": ("period", *CONVERSION_QUERY),
    }

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["conversion"] = conversion_from_request(self.request)
        context["periods"] = periods_from_request(self.request)
        return context
