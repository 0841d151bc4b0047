"""Read-only endpoints for SOC groups, job zones and O*NET occupations.

The occupation page (`/api/v1/occupations/{code}/`), whose JSON-LD nests market pay, is
composed above the apps, in `careerapi/occupation_page/`.
"""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.mixins import ListModelMixin

from careerapi.api.views import CollectionViewSet, ReadOnlyViewSet, RowList
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
)
class OccupationViewSet(RowList, ListModelMixin, CollectionViewSet):
    """O*NET occupations: the list (written from rows); each one's page is the project's."""

    queryset = Occupation.objects.order_by("code")
    serializer_class = serializers.OccupationSerializer
    filterset_class = filtersets.OccupationFilterSet
