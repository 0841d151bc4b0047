"""GET /api/v1/occupations/{code}/: an O*NET occupation's page; in schema.org JSON-LD too,
with the market pay of its SOC group (`jsonld.py`)."""

from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.exceptions import NotFound
from rest_framework.mixins import RetrieveModelMixin

from careerapi.api.jsonld import FORMAT_FALLBACK, JsonLdDetail, jsonld_responses
from careerapi.api.links import absolute_link
from careerapi.api.views import CollectionViewSet, RowDetail
from occupations.api import examples
from occupations.api.serializers import OccupationDetailSerializer
from occupations.api.views import OCCUPATION_CODE
from occupations.models import Occupation

from .examples import OCCUPATION_JSONLD
from .jsonld import OCCUPATION_JSONLD_QUERYSET, occupation_jsonld


@extend_schema_view(
    retrieve=extend_schema(
        summary="Get an occupation",
        description="One occupation by its O*NET-SOC code (15-1252.00), or by the SOC code "
        "it extends (15-1252): its description, job zone, SOC groups, alternate and reported "
        "titles, tasks, technology skills (skills of this API) and related occupations. Its "
        "market pay: /api/v1/market-pay/?occupation=<group>.\n\n"
        "With `Accept: application/ld+json`: the occupation as a "
        "schema.org `Occupation` in JSON-LD, to embed in a job board's page, with the national "
        "BLS market pay of its SOC group as `estimatedSalary` (10th to 90th percentile, "
        f"annual and hourly). {FORMAT_FALLBACK}",
        parameters=[
            OpenApiParameter(
                "code",
                {"type": "string", "pattern": f"^{OCCUPATION_CODE}$"},
                OpenApiParameter.PATH,
                description="The O*NET-SOC code (15-1252.00), or its SOC code (15-1252) for "
                "the occupation ending .00.",
            ),
        ],
        responses=jsonld_responses(
            OccupationDetailSerializer,
            description="The occupation page: JSON, or schema.org JSON-LD (an `Occupation`).",
        ),
        examples=[examples.OCCUPATION_DETAIL, OCCUPATION_JSONLD],
    ),
)
class OccupationPageViewSet(JsonLdDetail, RowDetail, RetrieveModelMixin, CollectionViewSet):
    """An occupation's page: its description, job zone, SOC groups, titles, tasks,
    technology skills and related occupations (written from rows)."""

    queryset = Occupation.objects.order_by("code")
    serializer_class = OccupationDetailSerializer
    lookup_field = "code"
    lookup_value_regex = OCCUPATION_CODE

    def jsonld_object(self):
        occupation = OCCUPATION_JSONLD_QUERYSET.filter(code=self.kwargs["code"]).first()
        if occupation is None:
            raise NotFound()
        return occupation

    def jsonld(self, occupation) -> dict:
        return occupation_jsonld(occupation, url=absolute_link(self.request.path))

    def retrieve(self, request, *args, **kwargs):
        code = self.kwargs[self.lookup_field]
        if "." not in code:  # the SOC code names its .00 occupation
            self.kwargs[self.lookup_field] = f"{code}.00"
        try:
            return super().retrieve(request, *args, **kwargs)
        except NotFound:
            raise NotFound(f"No occupation {code}.") from None
