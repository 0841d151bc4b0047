"""What the occupations app's answers read per loaded dataset, memoised by `dataset_memo`:
call each with `dataset=request.dataset` (or None to read afresh)."""

from dataset.memo import dataset_memo

from .models import Occupation, SocGroup


@dataset_memo
def occupation_groups() -> dict[str, str | None]:
    """Every O*NET-SOC code -> the code of the SOC group BLS publishes market pay for."""
    rows = Occupation.objects.order_by().values_list("code", "group__code")
    return dict(rows)


@dataset_memo
def soc_group_paths() -> dict[str, str]:
    """Every SOC group's code -> its path from the top ("00-0000/15-0000/…/")."""
    return dict(SocGroup.objects.order_by().values_list("code", "path"))


@dataset_memo
def soc_group_paths_by_id() -> dict[int, str]:
    """Every SOC group's id -> its path, for what shows an occupation's groups."""
    return dict(SocGroup.objects.order_by().values_list("id", "path"))
