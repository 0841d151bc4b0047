"""Skill-match results as JSON straight from rows: the same JSON as `RoleMatchSerializer`.

A page of matches shows each role with every one of its skills. Reading them as plain rows
and writing the dicts directly costs a fraction of model instances and nested serializers
(tests/roles/test_match_rows.py compares the two).
"""

from roles.choices import IMPORTANCE_WEIGHTS
from roles.models import Role, RoleSkill, Skill
from roles.services import RoleMatch

SKILL_COLUMNS = (
    "role_id",
    "skill_id",
    "importance",
    "skill__slug",
    "skill__name",
    "skill__category",
)


def role_matches_json(matches: list[RoleMatch], *, skills: list[Skill]) -> list[dict]:
    """The page's matches with their roles, matched skills and missing skills."""
    wanted = {skill.id for skill in skills}
    ids = [match.role_id for match in matches]
    roles = {
        row["id"]: {
            "slug": row["slug"],
            "title": row["title"],
            "company": row["company__slug"],
            "family": row["family__slug"],
        }
        for row in Role.objects.filter(id__in=ids)
        .order_by()
        .values("id", "slug", "title", "company__slug", "family__slug")
    }
    matched: dict[int, list[dict]] = {role_id: [] for role_id in ids}
    missing: dict[int, list[dict]] = {role_id: [] for role_id in ids}
    links = (
        RoleSkill.objects.filter(role_id__in=ids)
        .order_by("skill__name")
        .values_list(*SKILL_COLUMNS)
    )
    # Heaviest first; the sort is stable, so skills of one weight stay in name order.
    for role_id, skill_id, importance, slug, name, category in sorted(
        links, key=lambda link: -IMPORTANCE_WEIGHTS[link[2]]
    ):
        skill = {
            "slug": slug,
            "name": name,
            "category": category,
            "importance": importance,
            "weight": IMPORTANCE_WEIGHTS[importance],
        }
        (matched if skill_id in wanted else missing)[role_id].append(skill)
    return [
        {
            "role": roles[match.role_id],
            "score": match.score,
            "coverage": match.coverage,
            "matched_weight": match.matched_weight,
            "total_weight": match.total_weight,
            "matched": matched[match.role_id],
            "missing": missing[match.role_id],
        }
        for match in matches
    ]
