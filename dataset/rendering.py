"""The rendered read model: items' JSON written once per load (`Rendering` rows).

A list whose items nest other rows (a role and its skills) costs most in model instances
and serializer fields; the data only changes when a dataset loads, so each load renders
every item of such a collection once (`renderings_rebuild`, inside the load's transaction,
after the writes, so the renderings always match the rows a reader sees) and the list is an
indexed query plus concatenation (`careerapi.api.rendering.RenderedList`); a page that
nests many kinds of rows, a query or two (`careerapi.role_page.rendering`). Every item is
rendered again on each load that changed anything: a role's JSON shows its skills' names,
and a renamed skill must show in every role. A rendering names the release that wrote it:
after a deploy, the first load renders again, and until then a list renders live what the
new release does not find rendered by itself.
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from django.db.models import QuerySet

from careerapi.release import release_id

from .models import Rendering

INSERT_BATCH = 2000


@dataclass(frozen=True)
class RenderedCollection:
    """A collection whose items (a list's, or pages) are rendered at load time.

    `render_items(queryset)` yields (id, JSON) for each item of the queryset, exactly as
    the collection's serializer writes it.
    """

    name: str
    queryset: Callable[[], QuerySet]
    render_items: Callable[[QuerySet], Iterator[tuple[int, str]]]

    def render(self, queryset: QuerySet | None = None) -> Iterator[tuple[int, str]]:
        """(id, JSON) of every item of `queryset` (default: the whole collection)."""
        return self.render_items(self.queryset() if queryset is None else queryset)


def renderings_rebuild(collections: Iterable[RenderedCollection]) -> int:
    """Render every item of every collection again; return how many."""
    Rendering.objects.all().delete()
    total, batch, release = 0, [], release_id()
    for collection in collections:
        for object_id, body in collection.render():
            batch.append(
                Rendering(
                    collection=collection.name, object_id=object_id, body=body, release=release
                )
            )
            if len(batch) >= INSERT_BATCH:
                Rendering.objects.bulk_create(batch)
                total, batch = total + len(batch), []
    Rendering.objects.bulk_create(batch)
    return total + len(batch)


def renderings_missing() -> bool:
    """True when nothing is rendered by this release (e.g. the first load after a deploy, or
    of a database loaded before renderings existed); with an empty dataset that stays true,
    and rendering nothing costs nothing."""
    return not renderings_current().exists()


def renderings_current() -> QuerySet[Rendering]:
    """The renderings this release wrote; others' are as good as missing."""
    return Rendering.objects.filter(release=release_id())
