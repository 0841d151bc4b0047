"""What answers read of the skill catalogue per loaded dataset, memoised by `dataset_memo`:
call each with `dataset=request.dataset` (or None to read afresh)."""

from dataclasses import dataclass
from typing import NamedTuple

from dataset.memo import dataset_memo

from .models import Skill


class SkillKey(NamedTuple):
    """A skill as a lookup finds it: what a match needs of it, not the whole row (every
    worker keeps thousands of them, O*NET's technologies among them)."""

    id: int
    slug: str
    name: str


@dataclass(frozen=True)
class SkillKeys:
    """Every skill by slug and by exact name: what `skills_resolve` looks up first."""

    by_slug: dict[str, SkillKey]
    by_name: dict[str, SkillKey]


@dataset_memo
def skill_keys() -> SkillKeys:
    skills = [SkillKey(*row) for row in Skill.objects.order_by().values_list("id", "slug", "name")]
    return SkillKeys({s.slug: s for s in skills}, {s.name: s for s in skills})


@dataset_memo
def skill_name_ranks() -> dict[int, int]:
    """Every skill's id -> its place in the order of names (the database's collation)."""
    ids = Skill.objects.order_by("name", "id").values_list("id", flat=True)
    return {skill_id: rank for rank, skill_id in enumerate(ids)}
