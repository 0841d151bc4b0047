"""GET /api/v1/suggest/?q=pyt&type=skill: names for an autocomplete box."""

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework.response import Response

from careerapi.api.views import ApiView
from search.suggestions import SUGGEST_LIMIT_MAX, names_suggest

from . import examples
from .serializers import (
    SuggestionListSerializer,
    SuggestQuerySerializer,
    suggestion_types,
)


class SuggestView(ApiView):
    """Items whose names start with what was typed, best first."""

    def allowed_query_parameters(self) -> set[str]:
        return {"q", "type", "limit"}

    @extend_schema(
        operation_id="suggest",
        summary="Suggest items as a name is typed",
        description="Items whose names (or aliases: a skill's other names, an occupation's "
        "alternate and reported titles) have words starting with every word of `q`, in any "
        "order: `q=pyt` finds Python, `q=dev eng` DevOps Engineer. Best first: a name equal "
        "to `q`, then one that starts with it, an item's own name before an alias, shorter "
        "names first. Each item once; case and accents do not matter.",
        parameters=[
            OpenApiParameter(
                "q",
                {"type": "string", "minLength": 1, "maxLength": 100},
                required=True,
                description="What was typed so far.",
                examples=[OpenApiExample("A prefix", value="pyt")],
            ),
            OpenApiParameter(
                "type",
                {"type": "array", "items": {"type": "string", "enum": sorted(suggestion_types())}},
                explode=True,
                description="Only items of these types (repeat the parameter for several). "
                "Default: every type.",
            ),
            OpenApiParameter(
                "limit",
                {"type": "integer", "minimum": 1, "maximum": SUGGEST_LIMIT_MAX, "default": 10},
                description=f"How many items at most (1 to {SUGGEST_LIMIT_MAX}).",
            ),
        ],
        responses=SuggestionListSerializer,
        examples=[examples.SUGGEST],
    )
    def get(self, request):
        data = {
            "q": request.query_params.get("q", ""),
            "limit": request.query_params.get("limit", 10),
        }
        if "type" in request.query_params:
            data["type"] = ",".join(request.query_params.getlist("type"))
        query = SuggestQuerySerializer(data=data)
        query.is_valid(raise_exception=True)
        found = names_suggest(
            q=query.validated_data["q"],
            types=query.validated_data.get("type"),
            limit=query.validated_data["limit"],
        )
        return Response(SuggestionListSerializer({"results": found}).data)
