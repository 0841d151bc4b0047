"""GET /api/v1/roles/{slug}/: the role page, with its pay, its occupation's market pay and
its interview processes; in schema.org JSON-LD too (`jsonld.py`). The JSON page without
parameters is answered from its rendering at load time (`rendering.py`)."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.mixins import RetrieveModelMixin

from careerapi.api.jsonld import FORMAT_FALLBACK, JSONLD, JsonLdDetail, jsonld_responses
from careerapi.api.links import absolute_link
from careerapi.api.views import CollectionViewSet
from compensation.api.conversion import (
    CONVERSION_PARAMETERS,
    CONVERSION_QUERY,
    conversion_from_request,
)

from . import examples
from .jsonld import ROLE_JSONLD_QUERYSET, role_jsonld
from .market_region import MARKET_REGION_PARAMETER, market_region_from_request
from .queryset import role_page_queryset
from .rendering import rendered_role_page
from .serializers import RoleDetailSerializer


@extend_schema_view(
    retrieve=extend_schema(
        summary="Get a role page",
        description="Everything for a role page: skills with importance and category, "
        "statistics, responsibilities and other content, related roles, career ladders "
        "and levels, salary bands (converted with `currency` at the ECB rates of `rate_date`), "
        "interview processes, the role's occupation (O*NET-SOC) with the BLS market pay of "
        "that occupation in `market_region`, the roles of the same company in the same "
        "occupation, and the sources all of it comes from.\n\n"
        "With `Accept: application/ld+json`: the role as a schema.org "
        "`Occupation` in JSON-LD, to embed in a job board's page (its salary bands as "
        "`estimatedSalary`, their regions as `occupationLocation`, its occupation's codes as "
        "`occupationalCategory`); `market_region` and the conversion parameters apply to the "
        f"JSON only (a 400 with JSON-LD). {FORMAT_FALLBACK}",
        parameters=[MARKET_REGION_PARAMETER, *CONVERSION_PARAMETERS],
        responses=jsonld_responses(
            RoleDetailSerializer,
            description="The role page: JSON, or schema.org JSON-LD (an `Occupation`).",
        ),
        examples=[examples.ROLE_DETAIL, examples.ROLE_JSONLD],
    ),
)
class RolePageViewSet(JsonLdDetail, RetrieveModelMixin, CollectionViewSet):
    """A role's page: the role, its skills, content, ladders, pay and interviews."""

    queryset = role_page_queryset()
    serializer_class = RoleDetailSerializer
    action_query_parameters = {"retrieve": ("market_region", *CONVERSION_QUERY)}
    json_only_parameters = ("market_region", *CONVERSION_QUERY)

    def retrieve(self, request, *args, **kwargs):
        # The JSON page without parameters was rendered at load time (`rendering.py`).
        if not request.query_params and request.accepted_renderer.format != JSONLD:
            content = rendered_role_page(slug=self.kwargs["slug"], dataset=request.dataset)
            if content is not None:
                return HttpResponse(content, content_type="application/json")
        return super().retrieve(request, *args, **kwargs)

    def jsonld_object(self):
        return get_object_or_404(ROLE_JSONLD_QUERYSET, slug=self.kwargs["slug"])

    def jsonld(self, role) -> dict:
        # The role's own URL, whatever case the request spelt its slug in.
        path = reverse("v1:role-detail", kwargs={"slug": role.slug})
        return role_jsonld(role, url=absolute_link(path))

    def get_serializer_context(self):
        return {
            **super().get_serializer_context(),
            "conversion": conversion_from_request(self.request),
            "market_region": market_region_from_request(self.request),
        }
