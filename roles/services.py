"""Role logic that spans models: resolving skill names and ranking roles by skill match."""

from dataclasses import dataclass

from django.db.models import Q

from .choices import IMPORTANCE_WEIGHTS
from .models import RoleSkill, Skill, SkillAlias

MAX_WEIGHT = max(IMPORTANCE_WEIGHTS.values())


@dataclass
class RoleMatch:
    """How well a set of skills fits one role. Weights: required 3, preferred 2, mentioned 1.

    `score` = (sum of the role's weights for the given skills) / (3 × number of skills
    given): 1.0 means the role requires every skill given; a skill the role does not list
    counts 0. `coverage` = (weight of the matched skills) / (weight of all the role's
    skills): how much of the role the given skills cover. Roles rank by score, then
    coverage, then slug.

    Ranking needs only weights; the API shows the roles and their matched and missing
    skills for the matches of one page (`roles.api.match_rows`).
    """

    role_id: int
    role_slug: str
    given: int
    matched_weight: int = 0
    total_weight: int = 0

    @property
    def score(self) -> float:
        return round(self.matched_weight / (MAX_WEIGHT * self.given), 4)

    @property
    def coverage(self) -> float:
        return round(self.matched_weight / self.total_weight, 4) if self.total_weight else 0.0


def skills_resolve(*, names: list[str]) -> tuple[list[Skill], list[str]]:
    """Find skills by slug, name or alias (case-insensitive); also return the names not found."""
    wanted = list(dict.fromkeys(name.strip() for name in names if name.strip()))
    lowered = [name.casefold() for name in wanted]
    by_key: dict[str, Skill] = {}
    for skill in Skill.objects.filter(Q(slug__in=lowered) | Q(name__in=wanted)):
        by_key[skill.slug] = by_key[skill.name.casefold()] = skill
    for name in wanted:
        if name.casefold() not in by_key:
            # Aliases are unique regardless of case (a database constraint), so iexact is safe.
            alias = SkillAlias.objects.select_related("skill").filter(name__iexact=name).first()
            if alias is not None:
                by_key[name.casefold()] = alias.skill
            else:
                skill = Skill.objects.filter(name__iexact=name).first()
                if skill is not None:
                    by_key[name.casefold()] = skill
    found = list(dict.fromkeys(by_key[key] for key in lowered if key in by_key))
    unknown = [name for name in wanted if name.casefold() not in by_key]
    return found, unknown


def role_match(*, skills: list[Skill]) -> list[RoleMatch]:
    """Roles that need at least one of `skills`, best fit first (see `RoleMatch`).

    One query over the links of the candidate roles, as plain rows: ranking thousands of
    roles needs their weights, not model instances.
    """
    wanted = {skill.id for skill in skills}
    role_ids = RoleSkill.objects.filter(skill_id__in=wanted).values("role_id")
    links = (
        RoleSkill.objects.filter(role_id__in=role_ids)
        .order_by()
        .values_list("role_id", "role__slug", "skill_id", "importance")
    )
    matches: dict[int, RoleMatch] = {}
    for role_id, role_slug, skill_id, importance in links:
        match = matches.get(role_id)
        if match is None:
            match = matches[role_id] = RoleMatch(role_id, role_slug, given=len(wanted))
        weight = IMPORTANCE_WEIGHTS[importance]
        match.total_weight += weight
        if skill_id in wanted:
            match.matched_weight += weight
    return sorted(matches.values(), key=lambda m: (-m.score, -m.matched_weight, m.role_slug))
