"""Sources and skills moved out of the roles app with their rows, still pointed at."""

import pytest
from django.db import IntegrityError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [
    ("roles", "0004_source_licence_citation"),
    ("compensation", "0002_ecb_rates_iso_standards"),
    ("interviews", "0002_small_count_fields"),
]
MOVED = [("sources", "0002_table_name"), ("skills", "0002_table_name")]


@pytest.mark.django_db(transaction=True)
def test_rows_written_before_the_move_are_read_through_the_new_apps():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    try:
        old = executor.loader.project_state(BEFORE).apps
        now = timezone.now()
        source = old.get_model("roles", "Source").objects.create(
            slug="guide", title="Guide", file="guide.txt", covers="All of it.", updated_at=now
        )
        skill = old.get_model("roles", "Skill").objects.create(
            slug="python", name="Python", category="language", updated_at=now
        )
        old.get_model("roles", "SkillAlias").objects.create(skill=skill, name="py", updated_at=now)
        company = old.get_model("roles", "Company").objects.create(
            slug="acme", name="Acme", kind="company", updated_at=now
        )
        company.sources.add(source)
        role = old.get_model("roles", "Role").objects.create(
            slug="engineer", title="Engineer", source=source, updated_at=now
        )
        old.get_model("roles", "RoleSkill").objects.create(
            role=role, skill=skill, importance="required", source=source, updated_at=now
        )

        executor = MigrationExecutor(connection)
        executor.migrate(MOVED)
        new = executor.loader.project_state(MOVED).apps
        Role = new.get_model("roles", "Role")

        assert new.get_model("sources", "Source")._meta.db_table == "sources_source"
        assert new.get_model("skills", "Skill")._meta.db_table == "skills_skill"
        moved = Role.objects.get(slug="engineer")
        assert moved.source.slug == "guide"
        assert [s.slug for s in moved.skills.all()] == ["python"]
        assert [a.name for a in new.get_model("skills", "Skill").objects.get().aliases.all()] == [
            "py"
        ]
        assert [s.slug for s in new.get_model("roles", "Company").objects.get().sources.all()] == [
            "guide"
        ]
        # The foreign keys still hold: a role cannot point at a source that is not there.
        with pytest.raises(IntegrityError), connection.cursor() as cursor:
            cursor.execute("UPDATE roles_role SET source_id = 999999")
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
