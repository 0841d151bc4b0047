"""Role logic that spans models: ranking roles by skill match."""

from collections.abc import Sequence
from dataclasses import dataclass, field

from dataset.versions import DatasetStamp
from skills.models import Skill
from skills.selectors import skill_name_ranks

from .choices import IMPORTANCE_WEIGHTS
from .models import RoleSkill
from .selectors import SkillWeights, skill_weights

MAX_WEIGHT = max(IMPORTANCE_WEIGHTS.values())


@dataclass
class RoleMatch:
    """How well a set of skills fits one role. Weights: required 3, preferred 2, mentioned 1.

    `score` = (sum of the role's weights for the given skills) / (3 × number of skills
    given): 1.0 means the role requires every skill given; a skill the role does not list
    counts 0. `coverage` = (weight of the matched skills) / (weight of all the role's
    skills): how much of the role the given skills cover. Roles rank by score, then
    coverage, then slug.

    Ranking needs only weights; the matched and missing skills (the role's links, as rows:
    skill_id, importance) are read for the matches of one page (`role_match_skills`).
    """

    role_id: int
    role_slug: str
    given: int
    matched_weight: int = 0
    total_weight: int = 0
    matched: list[dict] = field(default_factory=list)
    missing: list[dict] = field(default_factory=list)

    @property
    def score(self) -> float:
        return round(self.matched_weight / (MAX_WEIGHT * self.given), 4)

    @property
    def coverage(self) -> float:
        return round(self.matched_weight / self.total_weight, 4) if self.total_weight else 0.0


def role_match(*, skills: list[Skill], weights: SkillWeights | None = None) -> "RankedMatches":
    """Roles that need at least one of `skills`, best fit first (see `RoleMatch`).

    Ranks from `weights` (every role's skill weights; read now if not given): a popular
    skill is needed by thousands of roles, and ranking them must not cost a query over all
    their links. The API keeps `weights` per loaded dataset (`selectors.skill_weights`).
    """
    weights = weights if weights is not None else skill_weights(dataset=None)
    wanted = {skill.id for skill in skills}
    matched: dict[int, int] = {}
    for skill_id in wanted:
        for role_id, weight in weights.by_skill.get(skill_id, ()):
            matched[role_id] = matched.get(role_id, 0) + weight
    return RankedMatches(matched, len(wanted), weights)


class RankedMatches(Sequence):
    """The matches in rank order; a popular skill matches thousands of roles, so only the
    ones asked for (a page) are made into `RoleMatch`es."""

    def __init__(self, matched: dict[int, int], given: int, weights: SkillWeights):
        self.given, self.weights = given, weights
        total, slug, most = weights.total, weights.slug, MAX_WEIGHT * given
        # The same figures as RoleMatch.score and .coverage, computed once per role.
        self.ranked = sorted(
            (-round(weight / most, 4), -round(weight / total[role_id], 4), slug[role_id], role_id)
            for role_id, weight in matched.items()
        )
        self.matched = matched

    def __len__(self) -> int:
        return len(self.ranked)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self._match(key[3]) for key in self.ranked[index]]
        return self._match(self.ranked[index][3])

    def _match(self, role_id: int) -> RoleMatch:
        weights = self.weights
        return RoleMatch(
            role_id,
            weights.slug[role_id],
            self.given,
            self.matched[role_id],
            weights.total[role_id],
            matched=[],
            missing=[],
        )


def role_match_skills(
    *, matches: list[RoleMatch], skills: list[Skill], dataset: DatasetStamp | None
) -> None:
    """Fill each match's matched and missing skills, heaviest first, then by name: one
    query for the links of all the matches (a page)."""
    wanted = {skill.id for skill in skills}
    by_role = {match.role_id: match for match in matches}
    links = [
        {"role_id": role_id, "skill_id": skill_id, "importance": importance}
        for role_id, skill_id, importance in RoleSkill.objects.filter(role_id__in=by_role)
        .order_by()
        .values_list("role_id", "skill_id", "importance")
    ]
    ranks = skill_name_ranks(dataset=dataset)
    if {link["skill_id"] for link in links} - ranks.keys():  # a skill added outside a load
        ranks = skill_name_ranks(dataset=None)
    links.sort(key=lambda link: (-IMPORTANCE_WEIGHTS[link["importance"]], ranks[link["skill_id"]]))
    for link in links:
        match = by_role[link["role_id"]]
        (match.matched if link["skill_id"] in wanted else match.missing).append(link)
