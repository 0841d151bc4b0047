"""Enumerations used by the compensation app's models, filters and fixtures."""

from django.db import models


class RegionKind(models.TextChoices):
    WORLD = "world", "World"
    AREA = "area", "Area (e.g. Western Europe)"
    COUNTRY = "country", "Country"
    SUBDIVISION = "subdivision", "Subdivision of a country (ISO 3166-2, e.g. a state)"
    METRO = "metro", "Metro area"
    NONMETRO = "nonmetro", "Nonmetropolitan area (a BLS OEWS area)"


class PayPeriod(models.TextChoices):
    ANNUAL = "annual", "Per year"
    MONTHLY = "monthly", "Per month"
    HOURLY = "hourly", "Per hour"


class PayBasis(models.TextChoices):
    BASE = "base", "Base salary"
    TOTAL_COMPENSATION = "total_compensation", "Total compensation"
    UNSPECIFIED = "unspecified", "Not stated by the source"


class WagePeriod(models.TextChoices):
    """The periods BLS publishes wages for."""

    ANNUAL = "annual", "Per year"
    HOURLY = "hourly", "Per hour"


#: What a BLS OEWS footnote on an unpublished value means (its codes are BLS's own). The
#: text of footnote 5 in the release names a cap ($239,200) that the release no longer
#: applies, so it is not repeated here: the value is open-ended, its figure not given.
UNPUBLISHED_FOOTNOTES = {
    "4": "BLS publishes this occupation's wages per year only or per hour only (footnote 4).",
    "5": "At or above the top of the range BLS publishes (footnote 5): open-ended, with no "
    "figure given.",
    "8": "Estimate not released (footnote 8).",
}
OPEN_ENDED_FOOTNOTE = "5"
