"""The BLS market pay a role page shows: the cells of its occupation's SOC group in the
page's region, read for one role's group or a chunk of roles' groups in one query."""

from collections.abc import Iterable

from compensation.models import MarketPay


def market_pay_shown(*, groups: Iterable[int | None], region: int | None) -> dict[int, list]:
    """The market pay cells of each SOC group of `groups` in `region`, by group id, each in
    slug order; none (and no query) without a region or a group."""
    wanted = {group for group in groups if group is not None}
    if region is None or not wanted:
        return {}
    cells = (
        MarketPay.objects.filter(occupation_id__in=wanted, region_id=region)
        .select_related("occupation", "region", "source")
        .order_by("slug")
    )
    shown: dict[int, list[MarketPay]] = {}
    for cell in cells:
        shown.setdefault(cell.occupation_id, []).append(cell)
    return shown
