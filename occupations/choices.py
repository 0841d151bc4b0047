"""Enumerations used by the occupations app's models, filters and fixtures."""

from django.db import models


class SocLevel(models.TextChoices):
    """Where a code sits in the Standard Occupational Classification (SOC 2018)."""

    TOTAL = "total", "All occupations (00-0000)"
    MAJOR = "major", "Major group (15-0000)"
    MINOR = "minor", "Minor group (15-1200)"
    BROAD = "broad", "Broad occupation (15-1250)"
    DETAILED = "detailed", "Detailed occupation (15-1252)"


class TaskKind(models.TextChoices):
    """O*NET's Task Type: core tasks are critical to the occupation, supplemental ones less so."""

    CORE = "core", "Core"
    SUPPLEMENTAL = "supplemental", "Supplemental"


class RelatednessTier(models.TextChoices):
    """How closely O*NET relates two occupations: the first five, the next five, the rest."""

    PRIMARY_SHORT = "primary_short", "Primary, short list"
    PRIMARY_LONG = "primary_long", "Primary, long list"
    SUPPLEMENTAL = "supplemental", "Supplemental"
