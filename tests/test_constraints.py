"""Database constraints hold even for writes that bypass the loader (admin, shell)."""

import pytest
from django.db import IntegrityError, transaction

from tests.factories import (
    InterviewStageFactory,
    LevelFactory,
    RoleFactory,
    SalaryBandFactory,
    SkillFactory,
)

pytestmark = pytest.mark.django_db


def rejected(build) -> bool:
    try:
        with transaction.atomic():
            build()
    except IntegrityError:
        return True
    return False


@pytest.mark.parametrize(
    "amounts",
    [
        {"min_amount": 200000, "max_amount": 100000},
        {"min_amount": 100000, "max_amount": 150000, "median_amount": 160000},
        {"min_amount": 100000, "max_amount": 150000, "median_amount": 90000},
        {"min_amount": 100000, "max_amount": 150000, "average_amount": 151000},
        {"min_amount": -1, "max_amount": 150000},
        {"min_amount": None, "max_amount": None},
        {"min_amount": 100000, "max_amount": None, "max_open": True},
    ],
    ids=[
        "min>max",
        "median>max",
        "median<min",
        "average>max",
        "negative",
        "no amount",
        "open max without max",
    ],
)
def test_salary_band_amounts_must_be_consistent(amounts):
    assert rejected(lambda: SalaryBandFactory(**amounts))


def test_a_consistent_band_is_accepted():
    band = SalaryBandFactory(
        min_amount=90000, max_amount=350000, max_open=True, median_amount=110000
    )

    assert band.pk


def test_slugs_are_unique():
    RoleFactory(slug="aws-developer")

    assert rejected(lambda: RoleFactory(slug="aws-developer"))
    SkillFactory(slug="python")
    assert rejected(lambda: SkillFactory(slug="python"))


def test_stage_order_is_unique_within_a_process():
    stage = InterviewStageFactory(position=1)

    assert rejected(lambda: InterviewStageFactory(process=stage.process, position=1))
    assert InterviewStageFactory(process=stage.process, position=2).pk


def test_level_order_is_unique_within_a_ladder_and_years_are_ordered():
    level = LevelFactory(position=1)

    assert rejected(lambda: LevelFactory(ladder=level.ladder, position=1))
    assert rejected(lambda: LevelFactory(years_min=8, years_max=4))
    assert LevelFactory(years_min=10, years_max=None).pk  # "10+"
