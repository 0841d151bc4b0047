"""The skill catalogue: skills, tools, services and certifications, with their aliases."""

from django.db import models
from django.db.models.functions import Lower

from careerapi.db import DatasetModel

from .choices import SkillCategory


class Skill(DatasetModel):
    """A skill, tool, service or certification that roles ask for."""

    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)
    category = models.CharField(max_length=20, choices=SkillCategory.choices, db_index=True)
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class SkillAlias(DatasetModel):
    """Another name for a skill ("Lambda" for AWS Lambda); unique regardless of case."""

    skill = models.ForeignKey(Skill, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "skill aliases"
        constraints = [
            models.UniqueConstraint(Lower("name"), name="skill_alias_name_ci"),
        ]

    def __str__(self):
        return self.name
