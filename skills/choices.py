"""Enumerations used by the skills app's models, filters and fixtures."""

from django.db import models


class SkillCategory(models.TextChoices):
    LANGUAGE = "language", "Programming language"
    CLOUD_SERVICE = "cloud_service", "Cloud service"
    DATABASE = "database", "Database or cache"
    FRAMEWORK = "framework", "Framework or library"
    TOOL = "tool", "Tool"
    PRACTICE = "practice", "Engineering practice"
    DOMAIN = "domain", "Domain"
    SOFT_SKILL = "soft_skill", "Soft skill"
    CERTIFICATION = "certification", "Certification"
    TECHNOLOGY = "technology", "Technology (an O*NET technology skill)"
