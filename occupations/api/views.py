"""Read-only endpoints for SOC groups, job zones and O*NET occupations."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.exceptions import NotFound

from careerapi.api.views import ReadOnlyViewSet, RowDetail, RowList
from occupations import filtersets
from occupations.models import JobZone, Occupation, SocGroup

from . import examples, serializers

#: An O*NET-SOC code, or the SOC code it extends (15-1252 is 15-1252.00).
OCCUPATION_CODE = r"[0-9]{2}-[0-9]{4}(?:\.[0-9]{2})?"
SOC_CODE = r"[0-9]{2}-[0-9]{4}"


@extend_schema_view(
    list=extend_schema(
        summary="List SOC groups",
        description="The Standard Occupational Classification (SOC 2018) as BLS publishes "
        "market pay for it: major groups (15-0000), minor groups (15-1200), broad occupations "
        "(15-1250) and detailed occupations (15-1252), with BLS's titles, in code order.",
        examples=[examples.SOC_GROUP],
    ),
    retrieve=extend_schema(
        summary="Get a SOC group",
        description="One SOC code, e.g. 15-1252.",
        examples=[examples.SOC_GROUP],
    ),
)
class SocGroupViewSet(ReadOnlyViewSet):
    """The SOC hierarchy that occupations and market pay are filed under."""

    queryset = SocGroup.objects.select_related("parent", "source").order_by("code")
    serializer_class = serializers.SocGroupSerializer
    filterset_class = filtersets.SocGroupFilterSet
    lookup_field = "code"
    lookup_value_regex = SOC_CODE


@extend_schema_view(
    list=extend_schema(
        summary="List job zones",
        description="O*NET's five job zones: how much education, experience and training "
        "the occupations in each need.",
        examples=[examples.JOB_ZONE],
    ),
    retrieve=extend_schema(
        summary="Get a job zone", description="One job zone, 1 to 5.", examples=[examples.JOB_ZONE]
    ),
)
class JobZoneViewSet(ReadOnlyViewSet):
    """O*NET's job zones."""

    queryset = JobZone.objects.select_related("source").order_by("zone")
    serializer_class = serializers.JobZoneSerializer
    filterset_class = filtersets.JobZoneFilterSet
    lookup_field = "zone"
    lookup_value_regex = "[1-9]"


@extend_schema_view(
    list=extend_schema(
        summary="List occupations",
        description="Every O*NET-SOC occupation (O*NET 29.2) with its job zone and the SOC "
        "group BLS publishes market pay for. Filter by SOC group, job zone and the "
        "technologies occupations use (skill slugs, as the skill filters of roles take them).",
        examples=[examples.OCCUPATION],
    ),
    retrieve=extend_schema(
        summary="Get an occupation",
        description="One occupation by its O*NET-SOC code (15-1252.00), or by the SOC code "
        "it extends (15-1252): its description, job zone, SOC groups, alternate and reported "
        "titles, tasks, technology skills (skills of this API) and related occupations. Its "
        "market pay: /api/v1/market-pay/?occupation=<group>.",
        parameters=[
            OpenApiParameter(
                "code",
                {"type": "string", "pattern": f"^{OCCUPATION_CODE}$"},
                OpenApiParameter.PATH,
                description="The O*NET-SOC code (15-1252.00), or its SOC code (15-1252) for "
                "the occupation ending .00.",
            )
        ],
        examples=[examples.OCCUPATION_DETAIL],
    ),
)
class OccupationViewSet(RowList, RowDetail, ReadOnlyViewSet):
    """O*NET occupations: the list, and each occupation's page (both written from rows)."""

    queryset = Occupation.objects.order_by("code")
    serializer_class = serializers.OccupationSerializer
    filterset_class = filtersets.OccupationFilterSet
    lookup_field = "code"
    lookup_value_regex = OCCUPATION_CODE

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.OccupationDetailSerializer
        return super().get_serializer_class()

    def retrieve(self, request, *args, **kwargs):
        code = self.kwargs[self.lookup_field]
        if "." not in code:  # the SOC code names its .00 occupation
            self.kwargs[self.lookup_field] = f"{code}.00"
        try:
            return super().retrieve(request, *args, **kwargs)
        except NotFound:
            raise NotFound(f"No occupation {code}.") from None
