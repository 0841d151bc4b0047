"""`dataset_load`: idempotent, removes what the files drop, moves `updated_at` only on change."""

import pytest
from django.conf import settings
from django.db import connection

from compensation.models import SalaryBand
from dataset.models import DatasetVersion
from dataset.versions import dataset_version_current
from interviews.models import InterviewProcess, Question
from loader import services
from loader.services import dataset_load
from roles.models import Level, Role, RoleContent, RoleSkill
from skills.models import Skill, SkillAlias

pytestmark = pytest.mark.django_db

BANDS_TABLE = SalaryBand._meta.db_table


def test_loading_twice_reports_no_change_and_keeps_the_version(dataset_copy):
    first = dataset_load(paths=[dataset_copy])
    second = dataset_load(paths=[dataset_copy])

    assert first.changed and not second.changed
    assert second.version == first.version
    assert DatasetVersion.objects.count() == 1
    assert all(t.created == t.updated == t.deleted == 0 for t in second.tables)


def test_removing_an_item_from_a_file_removes_it_from_the_database(dataset_copy, fixture_file):
    dataset_load(paths=[dataset_copy])
    assert SalaryBand.objects.filter(slug="amazon-engineer-sg").exists()

    def drop(data):
        data["salary_bands"] = [
            b for b in data["salary_bands"] if b["slug"] != "amazon-engineer-sg"
        ]

    fixture_file("amazon/amazon-engineer-salaries.yaml").edit(drop)
    result = dataset_load(paths=[dataset_copy])

    assert not SalaryBand.objects.filter(slug="amazon-engineer-sg").exists()
    bands = next(t for t in result.tables if t.model is SalaryBand)
    assert (bands.deleted, bands.created, bands.updated) == (1, 0, 0)
    assert DatasetVersion.objects.count() == 2
    assert dataset_version_current() == result.version


def test_removing_a_whole_role_file_removes_the_role_and_everything_it_owns(
    dataset_copy, fixture_file
):
    dataset_load(paths=[dataset_copy])
    role = Role.objects.get(slug="aws-developer")
    assert RoleSkill.objects.filter(role=role).count() > 10

    (dataset_copy / "industry" / "aws-developer.yaml").unlink()
    dataset_load(paths=[dataset_copy])

    assert not Role.objects.filter(slug__in=["aws-developer", "aws-architect"]).exists()
    assert not RoleSkill.objects.filter(role_id=role.id).exists()
    assert not RoleContent.objects.filter(role_id=role.id).exists()
    assert Skill.objects.filter(slug="aws-lambda").exists()  # the catalogue stays


def test_only_changed_rows_and_their_owners_get_a_new_updated_at(dataset_copy, fixture_file):
    dataset_load(paths=[dataset_copy])
    before = {r.slug: r.updated_at for r in Role.objects.all()}
    band_before = SalaryBand.objects.get(slug="amazon-engineer-ca").updated_at

    def reword(data):
        data["roles"][0]["content"][0]["body"] += " (edited)"

    fixture_file("industry/aws-developer.yaml").edit(reword)
    dataset_load(paths=[dataset_copy])

    after = {r.slug: r.updated_at for r in Role.objects.all()}
    assert after["aws-developer"] > before["aws-developer"]  # its content changed
    assert after["amazon-engineer"] == before["amazon-engineer"]
    assert SalaryBand.objects.get(slug="amazon-engineer-ca").updated_at == band_before
    assert RoleContent.objects.get(role__slug="aws-developer", position=1).body.endswith("(edited)")


def test_reordering_levels_keeps_their_identity(dataset_copy, fixture_file):
    dataset_load(paths=[dataset_copy])
    ids = dict(Level.objects.values_list("slug", "id"))

    def reverse(data):
        data["ladders"][1]["levels"].reverse()

    fixture_file("amazon/amazon-engineer-ladders.yaml").edit(reverse)
    dataset_load(paths=[dataset_copy])

    levels = list(Level.objects.filter(ladder__slug="amazon-sde-levels").order_by("position"))
    assert [level.code for level in levels] == ["L7", "L6", "L5", "L4"]
    assert {level.slug: level.id for level in levels}.items() <= ids.items()


def test_many_to_many_links_follow_the_files(dataset_copy, fixture_file):
    dataset_load(paths=[dataset_copy])
    process = InterviewProcess.objects.get(slug="amazon-swe-process")
    assert list(process.roles.values_list("slug", flat=True)) == ["amazon-software-engineer"]
    stamp = process.updated_at

    fixture_file("amazon/amazon-software-engineer.yaml").edit(
        lambda data: data["interview_processes"][0]["roles"].append("software-engineer")
    )
    dataset_load(paths=[dataset_copy])

    process.refresh_from_db()
    assert set(process.roles.values_list("slug", flat=True)) == {
        "amazon-software-engineer",
        "software-engineer",
    }
    assert process.updated_at > stamp


def test_aliases_are_unique_regardless_of_case(dataset_copy):
    (dataset_copy / "extra.yaml").write_text(
        "skills:\n  - {slug: lambda-calculus, name: Lambda calculus, category: domain, "
        "aliases: [LAMBDA]}\n"
    )
    from loader.reading import DatasetInvalid

    with pytest.raises(DatasetInvalid) as error:
        dataset_load(paths=[dataset_copy])

    assert "alias 'LAMBDA' already names skill 'aws-lambda'" in str(error.value.problems)
    assert not SkillAlias.objects.exists()


def test_questions_keep_their_topics_and_competencies(seed_dataset):
    question = Question.objects.get(slug="amazon-swe-q-owned-problem-end-to-end")

    assert list(question.competencies.values_list("slug", flat=True)) == [
        "amazon-swe-quality-ownership-mentality"
    ]
    assert question.process.slug == "amazon-swe-process"


def test_a_large_load_leaves_planner_statistics(monkeypatch):
    monkeypatch.setattr(services, "ANALYZE_MIN_ROWS", 10)  # the seed dataset is small
    dataset_load(paths=[settings.DATASET_DIR])

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [BANDS_TABLE])
        else:  # sqlite_stat1's first number is the table's row count
            cursor.execute("SELECT stat FROM sqlite_stat1 WHERE tbl = %s", [BANDS_TABLE])
        (statistic,) = cursor.fetchone()

    assert int(str(statistic).split()[0].split(".")[0]) == SalaryBand.objects.count()
