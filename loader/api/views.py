"""The dataset endpoints: the loaded version, the change feed and the bulk export.

GET /api/v1/dataset/   which dataset version is loaded, and what it holds
GET /api/v1/changes/   what each load since a given version created, updated and deleted
GET /api/v1/export/    the whole dataset as NDJSON, in the API's shapes
"""

from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.response import Response
from rest_framework.settings import api_settings

from careerapi.api.filters import UNKNOWN
from careerapi.api.pagination import PARAMETER_BOUNDS, Pagination
from careerapi.api.views import PAGINATION_PARAMETERS, ApiView
from dataset.versions import dataset_version_current
from loader.changes import VERSION_PREFIX_MIN, UnknownVersion, changes_since, version_find
from loader.exporting import NDJSON_CONTENT_TYPE, dataset_export
from sources.models import Source

from . import examples
from .renderers import OCTET_STREAM, NdjsonRenderer, OctetStreamRenderer
from .serializers import ChangeFeedSerializer, DatasetSerializer

NOT_LOADED = "No dataset has been loaded yet."


class DatasetView(ApiView):
    """The current dataset version; clients compare it to know whether anything changed."""

    @extend_schema(
        summary="Get the dataset version",
        description="The loaded dataset's version (a new one for every load that changes "
        "anything, never one seen before: a revert to earlier files is a new version), "
        "the SHA-256 of its files, when it was loaded, how many items of each type it "
        "holds, and every source with the attribution line to show next to its figures.",
        responses=DatasetSerializer,
        examples=[examples.DATASET],
    )
    def get(self, request):
        version = dataset_version_current()
        if version is None:
            raise NotFound(NOT_LOADED)
        version.source_list = Source.objects.order_by("slug")
        return Response(DatasetSerializer(version).data)


SINCE_PARAMETER = OpenApiParameter(
    "since",
    {"type": "string", "pattern": f"^[0-9a-fA-F]{{{VERSION_PREFIX_MIN},64}}$"},
    description="A dataset `version` you hold (from /api/v1/dataset/, an export header, "
    "this feed's `version` or `load_dataset`'s output), or its first "
    f"{VERSION_PREFIX_MIN} or more characters, in any case: only the changes of the loads "
    "after it are listed. Without it, every change ever recorded. A version this server "
    "never loaded, or a start shared by two versions, is a 400.",
)
PAGE_PARAMETERS = [
    OpenApiParameter(
        "page",
        {"type": "integer", **PARAMETER_BOUNDS["page"]},
        description=Pagination.page_query_description,
    ),
    OpenApiParameter(
        "page_size",
        {"type": "integer", **PARAMETER_BOUNDS["page_size"]},
        description=Pagination.page_size_query_description,
    ),
]


class ChangeListView(ApiView):
    """The change feed: a mirror syncs only the items loaded since the version it holds."""

    pagination_class = Pagination

    def allowed_query_parameters(self) -> set[str]:
        return {"since", *PAGINATION_PARAMETERS}

    @extend_schema(
        operation_id="changes_list",
        summary="List changes since a dataset version",
        description="Every item the dataset loads after `since` created, updated or "
        "deleted, oldest load first: fetch `/api/v1/<type>/<slug>/` for each created or "
        "updated item and drop each deleted one. An item is updated when anything in its "
        "representation that it owns changes (a role's content, skills or statistics, a "
        "process's stages, a currency's exchange rates). Deletions are always listed. "
        "`version` is the current dataset version: pass it as `since` next time.",
        parameters=[SINCE_PARAMETER, *PAGE_PARAMETERS],
        responses=ChangeFeedSerializer,
        examples=[examples.CHANGES],
    )
    def get(self, request):
        since = request.query_params.getlist("since")
        if len(since) > 1:
            raise ValidationError({"since": "given more than once."})
        try:
            since = version_find(since=since[0]) if since else None
        except UnknownVersion as error:
            raise ValidationError({"since": str(error)}, code=UNKNOWN) from error
        changes = changes_since(since=since)
        current = dataset_version_current()
        if current is None:
            raise NotFound(NOT_LOADED)
        paginator = self.pagination_class()
        page = paginator.paginate_queryset(changes, request, view=self)
        feed = {
            "version": current.version,
            "since": since.version if since else None,
            "count": paginator.page.paginator.count,
            "next": paginator.get_next_link(),
            "previous": paginator.get_previous_link(),
            "results": page,
        }
        return Response(ChangeFeedSerializer(feed).data)


class ExportView(ApiView):
    """The whole dataset in one download, for mirrors that start from scratch."""

    renderer_classes = [*api_settings.DEFAULT_RENDERER_CLASSES, NdjsonRenderer, OctetStreamRenderer]

    @extend_schema(
        operation_id="export_retrieve",
        summary="Export the whole dataset",
        description="Every item of every collection as NDJSON (one JSON object per line), "
        'streamed. The first line is the header `{"type": "dataset", "version", '
        '"loaded_at", "counts"}`; each following line is `{"type": <collection>, '
        '"slug", "data"}` with `data` exactly what `/api/v1/<type>/<slug>/` returns, '
        "types in dependency order (sources first, questions last); the last line is "
        '`{"type": "checksum", "sha256"}`, the SHA-256 of all the bytes above it. '
        "`manage.py load_dataset export.ndjson` loads an export into another database.",
        responses={
            (200, NDJSON_CONTENT_TYPE): OpenApiResponse(
                OpenApiTypes.STR,
                description="The dataset, one JSON object per line.",
                examples=[examples.EXPORT],
            ),
            # The same bytes, for generators that know no NDJSON (openapi-python-client
            # drops a response it cannot read): a download they keep as a file.
            (200, OCTET_STREAM): OpenApiResponse(
                OpenApiTypes.BINARY,
                description="The same NDJSON bytes, served as `application/octet-stream` "
                "when that is the type asked for.",
            ),
        },
    )
    def get(self, request):
        if dataset_version_current() is None:
            raise NotFound(NOT_LOADED)
        content_type = (
            OCTET_STREAM
            if isinstance(request.accepted_renderer, OctetStreamRenderer)
            else NDJSON_CONTENT_TYPE
        )
        return StreamingHttpResponse(dataset_export(), content_type=content_type)
