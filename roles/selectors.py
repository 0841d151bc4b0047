"""What the roles app's answers read per loaded dataset, memoised by `dataset_memo`:
call each with `dataset=request.dataset` (or None to read afresh)."""

from collections import defaultdict
from dataclasses import dataclass

from dataset.memo import dataset_memo

from .choices import IMPORTANCE_WEIGHTS
from .models import Company, Role, RoleSkill


@dataset_memo
def company_children() -> dict[int, list[int]]:
    """Each company's id -> the ids of the organisations directly under it."""
    children = defaultdict(list)
    for company_id, parent_id in (
        Company.objects.filter(parent__isnull=False).order_by().values_list("id", "parent_id")
    ):
        children[parent_id].append(company_id)
    return dict(children)


@dataclass(frozen=True)
class SkillWeights:
    """Every role's skill weights, for ranking: which roles need a skill, and how much."""

    by_skill: dict[int, list[tuple[int, int]]]  # skill id -> (role id, weight)
    total: dict[int, int]  # role id -> weight of all its skills
    slug: dict[int, str]  # role id -> slug, the last tie-break


@dataset_memo
def skill_weights() -> SkillWeights:
    by_skill: dict[int, list[tuple[int, int]]] = {}
    total: dict[int, int] = {}
    rows = RoleSkill.objects.order_by().values_list("role_id", "skill_id", "importance")
    for role_id, skill_id, importance in rows:
        weight = IMPORTANCE_WEIGHTS[importance]
        by_skill.setdefault(skill_id, []).append((role_id, weight))
        total[role_id] = total.get(role_id, 0) + weight
    slug = dict(Role.objects.order_by().values_list("id", "slug"))
    return SkillWeights(by_skill, total, slug)
