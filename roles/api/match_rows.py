"""Skill-match results as JSON straight from rows: the same JSON as `RoleMatchSerializer`.

A page of matches shows each role with every one of its skills. Reading the links as plain
rows and writing the dicts directly costs a fraction of model instances and nested
serializers (tests/roles/test_match_rows.py compares the two).
"""

from careerapi.api.memo import dataset_memo
from roles.choices import IMPORTANCE_WEIGHTS
from roles.models import Role, RoleSkill, Skill
from roles.services import RoleMatch


def _roles_read() -> dict[int, dict]:
    """Every role as a match shows it, by id."""
    return {
        row["id"]: {
            "slug": row["slug"],
            "title": row["title"],
            "company": row["company__slug"],
            "family": row["family__slug"],
        }
        for row in Role.objects.order_by().values(
            "id", "slug", "title", "company__slug", "family__slug"
        )
    }


def _skills_read() -> dict[int, tuple[int, dict]]:
    """Every skill by id: its rank by name (the database's order and collation) and what a
    match shows of it but the importance."""
    rows = Skill.objects.order_by("name", "id").values_list("id", "slug", "name", "category")
    return {
        skill_id: (rank, {"slug": slug, "name": name, "category": category})
        for rank, (skill_id, slug, name, category) in enumerate(rows)
    }


def _memo(name: str, read, ids) -> dict:
    """A memoised table; read again if it lacks any of `ids` (rows written outside a load)."""
    table = dataset_memo(name, read)
    return table if all(i in table for i in ids) else read()


def role_matches_json(matches: list[RoleMatch], *, skills: list[Skill]) -> list[dict]:
    """The page's matches with their roles, matched skills and missing skills: one query
    for the page's links; roles and skills come from tables memoised per dataset."""
    wanted = {skill.id for skill in skills}
    ids = [match.role_id for match in matches]
    roles = _memo("match-roles", _roles_read, ids)
    links = list(
        RoleSkill.objects.filter(role_id__in=ids)
        .order_by()
        .values_list("role_id", "skill_id", "importance")
    )
    known = _memo("match-skills", _skills_read, {link[1] for link in links})
    # Heaviest first, then by name.
    links.sort(key=lambda link: (-IMPORTANCE_WEIGHTS[link[2]], known[link[1]][0]))
    matched: dict[int, list[dict]] = {role_id: [] for role_id in ids}
    missing: dict[int, list[dict]] = {role_id: [] for role_id in ids}
    for role_id, skill_id, importance in links:
        skill = known[skill_id][1] | {
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
