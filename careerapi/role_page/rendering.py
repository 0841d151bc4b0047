"""Role pages rendered at load time (`dataset.rendering`), and answered from there.

A role page without parameters (the default market region, no conversion) is the same for
every request until the next load, and writing it from model instances and serializer
fields costs tens of queries' worth of time. So each load renders every role's page with
`RoleDetailSerializer` and the view's own queryset, in chunks whose queries do not grow
with the roles (the market pay of a chunk's occupations is read at once, too), and
`rendered_role_page` answers from that: the rendering found by the role's slug, in one query.

Except the salary bands. A role may have hundreds (the benchmark's scale dataset has a
hundred per role, a million in all): rendered into every page they would be most of the
load's work and most of the renderings' size, and they are rows that a list writer writes
fast (`RowWriter`). So a page is rendered with its bands empty, and the bands are written
at request time by the page's own band serializer from one query of rows, in the page's
order, into the rendered page at their place. The page's `sources` cite the bands'
sources all the same: the rendering reads one band of each source of a role, which is all
`sources` reads them for.

Anything else (parameters, JSON-LD, a role without a rendering of this release) is the
view's live answer.
"""

import functools
from collections.abc import Iterator

from django.db.models import Min, QuerySet, Subquery

from careerapi.api.rendering import render_json
from careerapi.api.rows import RowWriter
from compensation.models import SalaryBand
from dataset.rendering import RenderedCollection, renderings_current
from dataset.versions import DatasetStamp, dataset_snapshot
from roles.models import Role

from .market_pay import market_pay_shown
from .market_region import market_region_default
from .queryset import role_page_queryset, salary_bands_shown
from .serializers import RoleDetailSerializer

#: Roles rendered per chunk: each chunk is one query per nested kind.
RENDER_CHUNK = 500
#: The salary bands as a page is rendered (empty), and the key the request's bands follow.
BANDS_KEY = '"salary_bands":'
BANDS_EMPTY = BANDS_KEY + "[]"


def default_page_context(*, dataset: DatasetStamp | None) -> dict:
    """The serializer context of a page without parameters (no conversion), outside a
    request."""
    return {"request": None, "view": None, "dataset": dataset, "conversion": None}


def _bands_cited(role_ids: list[int]) -> QuerySet[SalaryBand]:
    """One band (the first) of each source of each role: all that `sources` reads."""
    first = (
        SalaryBand.objects.filter(role_id__in=role_ids)
        .order_by()
        .values("role_id", "source_id")
        .annotate(first_band=Min("pk"))
        .values("first_band")
    )
    return salary_bands_shown().filter(pk__in=Subquery(first))


def role_pages_render(roles: QuerySet[Role]) -> Iterator[tuple[int, str]]:
    """(id, JSON) of each role's page without parameters, its salary bands empty.

    Run inside the load's transaction (`renderings_rebuild`): the rows read are the load's,
    and what the serializers memoise is memoised for its version.
    """
    ids = list(roles.order_by("pk").values_list("pk", flat=True))
    with dataset_snapshot() as dataset:
        region = market_region_default(dataset=dataset)
        for start in range(0, len(ids), RENDER_CHUNK):
            chunk = ids[start : start + RENDER_CHUNK]
            queryset = role_page_queryset(salary_bands=_bands_cited(chunk))
            pages = list(queryset.filter(pk__in=chunk).order_by("pk"))
            groups = [role.occupation.group_id for role in pages if role.occupation_id]
            context = {
                **default_page_context(dataset=dataset),
                "market_region": region,
                "market_pay": market_pay_shown(groups=groups, region=region),
            }
            # One serializer for the chunk: its fields are built once, not for every page.
            serializer = RoleDetailSerializer(context=context)
            for role in pages:
                data = serializer.to_representation(role)
                data["salary_bands"] = []
                body = render_json(data).decode()
                # Only the page's own key can be spelled so (a quote inside a text is
                # escaped); a page where it is not found once is answered live.
                if body.count(BANDS_EMPTY) == 1:
                    yield role.pk, body


#: Every role's page, rendered at each load that changed anything.
ROLE_PAGES_RENDERED = RenderedCollection("role-pages", role_page_queryset, role_pages_render)


@functools.cache
def _band_serializer_class():
    """The serializer of the page's salary bands, as `RoleDetailSerializer` declares it."""
    return type(RoleDetailSerializer().fields["salary_bands"].child)


def rendered_role_page(*, slug: str, dataset: DatasetStamp | None) -> bytes | None:
    """The JSON of role `slug`'s page without parameters, from its rendering and its
    salary bands' rows (two queries); None when this release has not rendered it (or no
    role has that slug)."""
    role = Role.objects.filter(slug=slug).values("pk")
    found = list(
        renderings_current()
        .filter(collection=ROLE_PAGES_RENDERED.name, object_id=Subquery(role))
        .values_list("object_id", "body")
    )
    if not found:
        return None
    role_id, body = found[0]
    writer = RowWriter(_band_serializer_class()(context=default_page_context(dataset=dataset)))
    bands = writer.write_many(writer.rows(salary_bands_shown().filter(role_id=role_id)))
    head, _, tail = body.partition(BANDS_EMPTY)
    return (head + BANDS_KEY).encode() + render_json(bands) + tail.encode()
