"""GET /api/problems/: the problem types the API answers with, each at its own URL.

Every problem document's `type` links here (`careerapi.api.errors.problem_type_link`), so
a developer who follows it reads what the problem means and what to do about it. A type's
description is the one the schema gives its status (`careerapi.api.schema.ERROR_RESPONSES`),
or its own for the statuses no operation documents.
"""

from drf_spectacular.utils import OpenApiExample, OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from .errors import PROBLEMS, PROBLEMS_PATH, problem_type_link
from .links import LinkField
from .pagination import Pagination
from .schema import ERROR_RESPONSES
from .views import PAGINATION_PARAMETERS, ApiView, OpenToAnyone, item_not_found

#: The statuses that are no operation's answer, so have no description in the schema.
UNDOCUMENTED = {
    403: "The admin's form was sent without a valid CSRF token or origin, or access to "
    "the resource is denied.",
    415: "The request's body has a media type the API does not read: the API takes no "
    "request body.",
}
SLUG_PARAMETER = OpenApiParameter(
    "slug",
    str,
    OpenApiParameter.PATH,
    description="The problem type's slug, the last segment of its `type` URI.",
)


class ProblemTypeSerializer(serializers.Serializer):
    type = LinkField(help_text="The URI problem documents of this type give as `type`.")
    slug = serializers.CharField(help_text="The type's name in its URI.")
    title = serializers.CharField(help_text="The `title` of its problem documents.")
    status = serializers.IntegerField(help_text="The HTTP status it comes with.")
    description = serializers.CharField(help_text="When the API answers with it.")

    class Meta:
        ref_name = "ProblemType"


def problem_types() -> list[dict]:
    """Every problem type the API answers with, by status."""
    descriptions = {**UNDOCUMENTED, **ERROR_RESPONSES}
    return [
        {
            "type": problem_type_link(slug),
            "slug": slug,
            "title": title,
            "status": status,
            "description": descriptions[status],
        }
        for status, (slug, title) in sorted(PROBLEMS.items())
    ]


_SLUG, _TITLE = PROBLEMS[400]
#: The first problem type, as the list and its page give it (root-relative, as every link
#: of the schema's examples).
PROBLEM_TYPE_EXAMPLE = OpenApiExample(
    "InvalidParameters",
    summary="The type of a 400",
    value={
        "type": f"{PROBLEMS_PATH}{_SLUG}/",
        "slug": _SLUG,
        "title": _TITLE,
        "status": 400,
        "description": ERROR_RESPONSES[400],
    },
    response_only=True,
)


class ProblemCatalogueView(OpenToAnyone, ApiView):
    """Readable by anyone, whatever credentials sent, past any quota (as the schema and the
    docs are): a problem's `type` must not answer with the problem it describes."""


class ProblemTypeListView(ProblemCatalogueView):
    """The problem catalogue: every problem type, with its URI and meaning, as a list like
    every other (one page of them)."""

    pagination_class = Pagination

    def allowed_query_parameters(self) -> set[str]:
        return set(PAGINATION_PARAMETERS)

    @extend_schema(
        operation_id="problems_list",
        tags=["problems"],
        summary="List the problem types",
        description="Every `type` an error's problem document (RFC 9457) can have, with "
        "its title, status and when the API answers with it. Errors the server answers "
        "before the API (414, 431) have the type `about:blank`.",
        responses=ProblemTypeSerializer(many=True),
        examples=[PROBLEM_TYPE_EXAMPLE],
    )
    def get(self, request):
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(problem_types(), request, view=self)
        return paginator.get_paginated_response(page)


class ProblemTypeView(ProblemCatalogueView):
    """One problem type: the page its problem documents' `type` links to."""

    item_name = "problem type"

    @extend_schema(
        operation_id="problems_retrieve",
        tags=["problems"],
        summary="Get a problem type",
        description="What a problem document of this `type` means and when the API "
        "answers with it.",
        parameters=[SLUG_PARAMETER],
        responses=ProblemTypeSerializer,
        examples=[PROBLEM_TYPE_EXAMPLE],
    )
    def get(self, request, slug):
        # In any case, as every detail URL (careerapi.api.routers).
        found = next((item for item in problem_types() if item["slug"] == slug.lower()), None)
        if found is None:
            raise item_not_found(self.item_name, slug)
        return Response(found)
