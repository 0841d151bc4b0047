"""Lists served from JSON rendered at load time (`dataset.models.Rendering`).

A `RenderedCollection` says how a collection's items are rendered: byte for byte what the
view's serializer would return (each collection's tests compare the two). The
loader re-renders every registered collection after each load that changed anything
(`dataset.rendering`); `RenderedList` then answers a list with one query for the page's ids
(plus the count) and one for their JSON, whatever the page size or the nesting.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import HttpResponse
from rest_framework.fields import DateTimeField
from rest_framework.renderers import JSONRenderer

from .memo import dataset_memo

_renderer = JSONRenderer()
_datetime = DateTimeField()


def render_json(data) -> bytes:
    """JSON exactly as the API's renderer writes it."""
    return _renderer.render(data)


def datetime_json(value) -> str:
    """A date-time as the serializers write it (UTC, ISO 8601), for JSON written from rows."""
    return _datetime.to_representation(value)


@dataclass(frozen=True)
class RenderedCollection:
    """A collection whose list items are rendered at load time.

    `render_items(queryset)` yields (id, JSON) for each item of the queryset, exactly as
    the collection's serializer would write it.
    """

    name: str
    queryset: Callable[[], QuerySet]
    render_items: Callable[[QuerySet], Iterator[tuple[int, str]]]

    def render(self, queryset: QuerySet | None = None) -> Iterator[tuple[int, str]]:
        """(id, JSON) of every item of `queryset` (default: the whole collection)."""
        return self.render_items(self.queryset() if queryset is None else queryset)


#: The parameters that leave a list unfiltered: its ids in each order are memoised.
UNFILTERED_PARAMETERS = {"page", "page_size", "ordering"}


class RenderedList:
    """ViewSet mixin: `list()` concatenates the items' JSON rendered at load time.

    Filtering, ordering and pagination are the view's own (filterset, paginator), applied to
    ids only. An unfiltered list's ids, in the order asked for, are memoised per dataset
    (paging through everything is what a mirror does; a deep page would otherwise sort the
    whole table each time). An item without a rendering (rows written outside a load) is
    rendered now.
    """

    rendered: RenderedCollection

    def _ordered_ids(self, request, queryset):
        ids = queryset.values_list("pk", flat=True)
        if not set(request.query_params) <= UNFILTERED_PARAMETERS:
            return ids
        ordering = request.query_params.get("ordering", "")
        return dataset_memo(f"ids:{self.rendered.name}:{ordering}", lambda: list(ids))

    def list(self, request, *args, **kwargs):
        from dataset.models import Rendering

        queryset = self.filter_queryset(self.get_queryset().prefetch_related(None))
        page = self.paginate_queryset(self._ordered_ids(request, queryset))
        ids = list(page) if page is not None else list(queryset.values_list("pk", flat=True))
        bodies = dict(
            Rendering.objects.filter(collection=self.rendered.name, object_id__in=ids).values_list(
                "object_id", "body"
            )
        )
        missing = [pk for pk in ids if pk not in bodies]
        if missing:
            bodies.update(self.rendered.render(self.get_queryset().filter(pk__in=missing)))
        items = ",".join(bodies[pk] for pk in ids).encode()
        if page is None:
            content = b"[" + items + b"]"
        else:
            envelope = render_json(
                {
                    "count": self.paginator.page.paginator.count,
                    "next": self.paginator.get_next_link(),
                    "previous": self.paginator.get_previous_link(),
                    "results": [],
                }
            )
            content = envelope.removesuffix(b"[]}") + b"[" + items + b"]}"
        return HttpResponse(content, content_type="application/json")
