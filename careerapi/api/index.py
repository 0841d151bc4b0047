"""GET /api/v1/: the collections this version serves, with their URLs."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response

from . import examples
from .links import LinkField, public_link
from .views import ApiView


class ApiIndexView(ApiView):
    """The entry point of API v1: every collection of the `routers` the project mounts."""

    routers: tuple = ()

    @extend_schema(
        operation_id="index",
        tags=["index"],
        summary="List the collections",
        description="Every collection of API v1 with its URL, the dataset endpoints, and the "
        "OpenAPI schema with its documentation pages and the problem types of its errors.",
        responses=inline_serializer(
            "ApiIndex",
            {
                "version": serializers.CharField(),
                "collections": serializers.DictField(child=LinkField()),
                "dataset": LinkField(),
                "changes": LinkField(),
                "export": LinkField(),
                "schema": LinkField(help_text="The OpenAPI 3 schema."),
                "docs": LinkField(help_text="The schema in Swagger UI, with Try it out."),
                "redoc": LinkField(help_text="The schema in Redoc."),
                "problems": LinkField(help_text="The types of the errors' problem documents."),
            },
        ),
        examples=[examples.INDEX],
    )
    def get(self, request):
        collections = {
            prefix: public_link(reverse(f"v1:{basename}-list"))
            for router in self.routers
            for prefix, _viewset, basename in router.registry
        }
        return Response(
            {
                "version": "v1",
                "collections": collections,
                "dataset": public_link(reverse("v1:dataset")),
                "changes": public_link(reverse("v1:changes")),
                "export": public_link(reverse("v1:export")),
                "schema": public_link(reverse("schema")),
                "docs": public_link(reverse("swagger-ui")),
                "redoc": public_link(reverse("redoc")),
                "problems": public_link(reverse("problem-types")),
            }
        )
