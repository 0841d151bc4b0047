"""Read-only endpoints for regions, currencies (with their latest rate) and salary bands."""

from django.db.models import F, Prefetch
from drf_spectacular.utils import extend_schema, extend_schema_view

from careerapi.api.views import ReadOnlyViewSet, RowList
from compensation import filtersets
from compensation.models import Currency, ExchangeRate, Region, SalaryBand
from compensation.services import LATEST_FIRST

from . import examples, serializers
from .conversion import CURRENCY_PARAMETER, conversion_from_request


@extend_schema_view(
    list=extend_schema(
        summary="List regions",
        description="The region tree (world > area > country > metro) in tree order, each "
        "with its ISO 3166 code (countries) and default currency. Salary bands filtered with "
        "`region=<slug or code>` include the regions inside it.",
        examples=[examples.REGION],
    ),
    retrieve=extend_schema(
        summary="Get a region", description="One region by slug.", examples=[examples.REGION]
    ),
)
class RegionViewSet(ReadOnlyViewSet):
    """Countries, metro areas and wider areas."""

    queryset = Region.objects.select_related("parent", "currency").order_by("path")
    serializer_class = serializers.RegionSerializer
    filterset_class = filtersets.RegionFilterSet


@extend_schema_view(
    list=extend_schema(
        summary="List currencies",
        description="ISO 4217 currencies with their latest exchange rate to USD and its "
        "source. A currency without a rate (`latest_rate: null`, except USD) cannot be "
        "used as the `currency` of a conversion.",
        examples=[examples.CURRENCY],
    ),
    retrieve=extend_schema(
        summary="Get a currency",
        description="One currency by its ISO 4217 code, e.g. CAD.",
        examples=[examples.CURRENCY],
    ),
)
class CurrencyViewSet(ReadOnlyViewSet):
    """Currencies and the rates that convert salary bands between them."""

    queryset = Currency.objects.prefetch_related(
        Prefetch(
            "rates",
            queryset=ExchangeRate.objects.select_related("source").order_by(*LATEST_FIRST),
            to_attr="rates_latest_first",
        )
    ).order_by("code")
    serializer_class = serializers.CurrencySerializer
    filterset_class = filtersets.CurrencyFilterSet
    lookup_field = "code"
    lookup_value_regex = "[A-Z]{3}"


@extend_schema_view(
    list=extend_schema(
        summary="List salary bands",
        description="Pay for a role (and level) in a region exactly as a source states it: "
        "min / max / median / average in the band's own currency, an open-ended maximum "
        "kept open (`max_open`), the basis (base or total compensation) and the quote. "
        "Add `currency=USD` to see every band converted too.",
        parameters=[CURRENCY_PARAMETER],
        examples=[examples.SALARY_BAND],
    ),
    retrieve=extend_schema(
        summary="Get a salary band",
        description="One salary band by slug, optionally converted with `currency`.",
        parameters=[CURRENCY_PARAMETER],
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
    action_query_parameters = {"list": ("currency",), "retrieve": ("currency",)}

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["conversion"] = conversion_from_request(self.request)
        return context
