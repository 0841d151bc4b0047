"""GET /api/v1/: the collections this version serves, with their URLs."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.response import Response

from . import examples
from .views import ApiView


class ApiIndexView(ApiView):
    """The entry point of API v1: every collection of the `routers` the project mounts."""

    routers: tuple = ()

    @extend_schema(
        operation_id="index",
        tags=["index"],
        summary="List the collections",
        description="Every collection of API v1 with its URL, and the dataset endpoint.",
        responses=inline_serializer(
            "ApiIndex",
            {
                "version": serializers.CharField(),
                "collections": serializers.DictField(child=serializers.URLField()),
                "dataset": serializers.URLField(),
                "changes": serializers.URLField(),
                "export": serializers.URLField(),
                "schema": serializers.URLField(),
            },
        ),
        examples=[examples.INDEX],
    )
    def get(self, request):
        collections = {
            prefix: request.build_absolute_uri(reverse(f"v1:{basename}-list"))
            for router in self.routers
            for prefix, _viewset, basename in router.registry
        }
        return Response(
            {
                "version": "v1",
                "collections": collections,
                "dataset": request.build_absolute_uri(reverse("v1:dataset")),
                "changes": request.build_absolute_uri(reverse("v1:changes")),
                "export": request.build_absolute_uri(reverse("v1:export")),
                "schema": request.build_absolute_uri(reverse("schema")),
            }
        )
