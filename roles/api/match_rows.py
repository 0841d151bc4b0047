"""Skill-match results as JSON straight from rows: the same JSON as `RoleMatchSerializer`.

A page of matches shows each role with every one of its skills. Reading the links as plain
rows and writing the dicts directly costs a fraction of model instances and nested
serializers (tests/roles/test_match_rows.py compares the two).
"""

from dataset.memo import References, dataset_memo
from dataset.versions import DatasetStamp
from roles.choices import IMPORTANCE_WEIGHTS
from roles.models import Role, RoleSkill, Skill
from roles.services import RoleMatch


@dataset_memo
def _references() -> dict[str, dict]:
    """Every role as a match shows it, and every skill with its rank by name (the
    database's order and collation) and what a match shows of it but the importance."""
    skills = Skill.objects.order_by("name", "id").values_list("id", "slug", "name", "category")
    return {
        "role": {
            row["id"]: {
                "slug": row["slug"],
                "title": row["title"],
                "company": row["company__slug"],
                "family": row["family__slug"],
            }
            for row in Role.objects.order_by().values(
                "id", "slug", "title", "company__slug", "family__slug"
            )
        },
        "skill": {
            skill_id: (rank, {"slug": slug, "name": name, "category": category})
            for rank, (skill_id, slug, name, category) in enumerate(skills)
        },
    }


def role_matches_json(
    matches: list[RoleMatch], *, skills: list[Skill], dataset: DatasetStamp | None
) -> list[dict]:
    """The page's matches with their roles, matched skills and missing skills: one query
    for the page's links; roles and skills come from tables memoised per dataset."""
    refs = References(_references, dataset=dataset)
    wanted = {skill.id for skill in skills}
    ids = [match.role_id for match in matches]
    links = list(
        RoleSkill.objects.filter(role_id__in=ids)
        .order_by()
        .values_list("role_id", "skill_id", "importance")
    )
    # Heaviest first, then by name.
    links.sort(key=lambda link: (-IMPORTANCE_WEIGHTS[link[2]], refs.get("skill", link[1])[0]))
    matched: dict[int, list[dict]] = {role_id: [] for role_id in ids}
    missing: dict[int, list[dict]] = {role_id: [] for role_id in ids}
    for role_id, skill_id, importance in links:
        skill = refs.get("skill", skill_id)[1] | {
            "importance": importance,
            "weight": IMPORTANCE_WEIGHTS[importance],
        }
        (matched if skill_id in wanted else missing)[role_id].append(skill)
    return [
        {
            "role": refs.get("role", match.role_id),
            "score": match.score,
            "coverage": match.coverage,
            "matched_weight": match.matched_weight,
            "total_weight": match.total_weight,
            "matched": matched[match.role_id],
            "missing": missing[match.role_id],
        }
        for match in matches
    ]
