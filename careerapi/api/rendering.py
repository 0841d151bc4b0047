"""Lists served from JSON rendered at load time (`dataset.rendering`), and the API's JSON
as its renderer writes it.

`RenderedList` answers a list with one query for the page's ids (plus the count) and one
for their JSON, whatever the page size or the nesting.
"""

from django.http import HttpResponse
from rest_framework.renderers import JSONRenderer

from dataset.memo import dataset_memo
from dataset.rendering import RenderedCollection, renderings_current

_renderer = JSONRenderer()

#: The parameters that leave a list unfiltered: its ids in each order are memoised.
UNFILTERED_PARAMETERS = {"page", "page_size", "ordering"}


def render_json(data) -> bytes:
    """JSON exactly as the API's renderer writes it."""
    return _renderer.render(data)


@dataset_memo
def _id_orders(*, collection: str) -> dict[str, list[int]]:
    """The ids of the unfiltered collection in each order asked for so far, by `ordering`."""
    return {}


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
        orders = _id_orders(dataset=request.dataset, collection=self.rendered.name)
        ordering = request.query_params.get("ordering", "")
        if ordering not in orders:
            orders[ordering] = list(ids)
        return orders[ordering]

    def list(self, request, *args, **kwargs):
        queryset = self.filter_queryset(self.get_queryset().prefetch_related(None))
        page = self.paginate_queryset(self._ordered_ids(request, queryset))
        ids = list(page) if page is not None else list(queryset.values_list("pk", flat=True))
        bodies = dict(
            renderings_current()
            .filter(collection=self.rendered.name, object_id__in=ids)
            .values_list("object_id", "body")
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
