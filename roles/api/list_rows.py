"""Role list items as JSON straight from rows: the same JSON as `RoleSerializer`.

Every load renders all roles for the list (`dataset/rendering.py`); at ten thousand roles
a serializer per role takes most of the load, rows take a fraction. Tests compare the two
(tests/roles/test_role_list_rendering.py).
"""

from collections.abc import Iterator

from django.db.models import QuerySet

from careerapi.api.rendering import datetime_json, render_json
from roles.choices import IMPORTANCE_WEIGHTS
from roles.models import Role, RoleSkill

BATCH = 2000


def _skills_by_role(role_ids: list[int]) -> dict[int, list[dict]]:
    skills: dict[int, list[dict]] = {role_id: [] for role_id in role_ids}
    rows = (
        RoleSkill.objects.filter(role_id__in=role_ids)
        .order_by("skill__name", "id")
        .values_list("role_id", "skill__slug", "skill__name", "skill__category", "importance")
    )
    for role_id, slug, name, category, importance in rows:
        skills[role_id].append(
            {
                "slug": slug,
                "name": name,
                "category": category,
                "importance": importance,
                "weight": IMPORTANCE_WEIGHTS[importance],
            }
        )
    return skills


def role_list_items(roles: QuerySet[Role]) -> Iterator[tuple[int, str]]:
    """(id, JSON) of each role of `roles` as the role list shows it."""
    ids = list(roles.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        skills = _skills_by_role(batch)
        rows = (
            Role.objects.filter(pk__in=batch)
            .order_by("pk")
            .values(
                "pk",
                "slug",
                "title",
                "company__slug",
                "family__slug",
                "summary",
                "experience_years_min",
                "experience_years_max",
                "updated_at",
            )
        )
        for row in rows:
            item = {
                "slug": row["slug"],
                "title": row["title"],
                "company": row["company__slug"],
                "family": row["family__slug"],
                "summary": row["summary"],
                "experience_years_min": row["experience_years_min"],
                "experience_years_max": row["experience_years_max"],
                "skills": skills[row["pk"]],
                "updated_at": datetime_json(row["updated_at"]),
            }
            yield row["pk"], render_json(item).decode()
