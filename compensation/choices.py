"""Enumerations used by the compensation app's models, filters and fixtures."""

from django.db import models


class RegionKind(models.TextChoices):
    WORLD = "world", "World"
    AREA = "area", "Area (e.g. Western Europe)"
    COUNTRY = "country", "Country"
    SUBDIVISION = "subdivision", "Subdivision of a country (ISO 3166-2, e.g. a state)"
    METRO = "metro", "Metro area"


class PayPeriod(models.TextChoices):
    ANNUAL = "annual", "Per year"
    MONTHLY = "monthly", "Per month"
    HOURLY = "hourly", "Per hour"


class PayBasis(models.TextChoices):
    BASE = "base", "Base salary"
    TOTAL_COMPENSATION = "total_compensation", "Total compensation"
    UNSPECIFIED = "unspecified", "Not stated by the source"
