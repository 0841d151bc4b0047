"""Read-only endpoints for the sources: the documents every fact names."""

from drf_spectacular.utils import extend_schema, extend_schema_view

from careerapi.api.views import ReadOnlyViewSet
from sources import filtersets
from sources.models import Source

from . import examples, serializers


@extend_schema_view(
    list=extend_schema(
        summary="List sources",
        description="The documents the dataset was taken from. Every figure, stage and "
        "question in the API names one of them.",
        examples=[examples.SOURCE],
    ),
    retrieve=extend_schema(
        summary="Get a source",
        description="One source document by slug.",
        examples=[examples.SOURCE],
    ),
)
class SourceViewSet(ReadOnlyViewSet):
    """The documents the dataset was taken from."""

    queryset = Source.objects.order_by("slug")
    serializer_class = serializers.SourceSerializer
    filterset_class = filtersets.SourceFilterSet
