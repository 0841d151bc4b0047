"""bench/scale_dataset.py: deterministic, in the loader's format, and loadable at any scale."""

import json

import pytest

from bench.scale_dataset import COUNTS, Generator, main, scaled, write_dataset
from compensation.models import Region, SalaryBand
from interviews.models import InterviewProcess, InterviewStage, Question
from loader.services import dataset_load
from roles.models import Company, Ladder, Level, Role, RoleSkill
from skills.models import Skill

TINY = 0.0005  # the CI smoke scale


@pytest.fixture(scope="module")
def tiny_dataset(tmp_path_factory):
    out = tmp_path_factory.mktemp("scale") / "tiny"
    summary = write_dataset(out, scale=TINY, seed=1)
    return out, summary


def _files(root) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.json")}


def test_the_same_seed_writes_the_same_files(tiny_dataset, tmp_path):
    out, _ = tiny_dataset
    write_dataset(tmp_path / "again", scale=TINY, seed=1)
    write_dataset(tmp_path / "other", scale=TINY, seed=2)

    assert _files(tmp_path / "again") == _files(out)
    assert _files(tmp_path / "other") != _files(out)


def test_counts_grow_linearly_with_the_scale_and_keep_a_floor():
    assert scaled("salary_bands", 1.0) == 1_000_000
    assert scaled("questions", 1.0) == 100_000
    assert scaled("roles", 0.5) == 5_000
    assert all(scaled(name, 1e-9) == floor for name, (_, floor) in COUNTS.items())
    collections = Generator(scale=0.001, seed=3).build()
    assert len(collections["salary_bands"]) == 1_000
    assert len(collections["companies"]) == scaled("companies", 0.001)


def test_every_source_says_it_is_generated_benchmark_data(tiny_dataset):
    collections = Generator(scale=TINY, seed=1).build()
    assert all(
        s["title"].startswith("Generated benchmark data (seed 1)") for s in collections["sources"]
    )


def test_the_command_prints_what_it_wrote(tmp_path, capsys):
    main(["--out", str(tmp_path / "out"), "--scale", str(TINY), "--seed", "1"])

    printed = capsys.readouterr().out
    assert "salary_bands" in printed and "files" in printed and printed.strip().endswith("s")


@pytest.mark.django_db
def test_the_tiny_scale_loads_and_every_endpoint_has_data(tiny_dataset, client):
    out, summary = tiny_dataset
    result = dataset_load(paths=[out])

    counts = summary["counts"]
    assert result.changed
    assert Role.objects.count() == counts["roles"]
    # Beside the technologies of the public data (O*NET's), which the skills never name.
    assert Skill.objects.exclude(category="technology").count() == counts["skills"]
    assert Company.objects.count() == counts["companies"]
    assert Company.objects.filter(parent__isnull=False).exists() or counts["companies"] < 5
    assert Ladder.objects.count() == counts["ladders"]
    assert Level.objects.count() == summary["levels"]
    assert SalaryBand.objects.count() == counts["salary_bands"]
    # The generated regions, and the areas of the public data (BLS's) they do not hold.
    generated = json.loads((out / "reference" / "geography.json").read_text())["regions"]
    assert Region.objects.filter(slug__in=[r["slug"] for r in generated]).count() == len(generated)
    assert len(generated) == counts["regions"]
    assert not Region.objects.exclude(slug__in=[r["slug"] for r in generated]).filter(
        area_code__isnull=True
    )
    assert InterviewProcess.objects.count() == counts["interview_processes"]
    assert InterviewStage.objects.exists()
    assert Question.objects.count() == counts["questions"]
    # A role with skills, levels and bands in a region: what the API's main pages show.
    role = Role.objects.filter(
        salary_bands__region__isnull=False, salary_bands__level__isnull=False
    ).first()
    assert role is not None and RoleSkill.objects.filter(role=role).count() >= 5
    for collection in (
        "sources",
        "families",
        "companies",
        "skills",
        "ladders",
        "levels",
        "roles",
        "regions",
        "currencies",
        "salary-bands",
        "interview-processes",
        "competencies",
        "topics",
        "questions",
    ):
        response = client.get(f"/api/v1/{collection}/")
        assert response.status_code == 200, collection
        assert response.json()["results"], collection

    again = dataset_load(paths=[out])
    assert not again.changed
