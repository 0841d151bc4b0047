"""The skill catalogue: skills, tools, services and certifications, with their aliases,
the technologies of O*NET's occupations among them."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models.functions import Lower

from careerapi.db import DatasetModel
from search.declaring import Searchable
from sources.models import Source

from .choices import SkillCategory


class Skill(DatasetModel):
    """A skill, tool, service or certification that roles ask for or occupations use.

    A skill the guides name and a technology O*NET lists are one skill when the dataset
    says so (`onet_example`, with the reason in `onet_mapping`), never by a guess.
    """

    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)
    category = models.CharField(max_length=20, choices=SkillCategory.choices, db_index=True)
    description = models.TextField(blank=True)
    onet_example = models.CharField(
        max_length=200,
        blank=True,
        help_text="The O*NET technology (its Technology Skills example) this skill is.",
    )
    onet_mapping = models.TextField(
        blank=True,
        help_text="Why a skill the guides name is that O*NET technology: the mapping, "
        "written down by the dataset's curators.",
    )
    hot_technology = models.BooleanField(
        default=False,
        help_text="O*NET marks the technology a Hot Technology: one employers' job postings "
        "name often.",
    )
    sources = models.ManyToManyField(
        Source,
        blank=True,
        related_name="skills",
        help_text="The documents that name the skill: the guides whose roles ask for it, "
        "O*NET for a technology.",
    )

    searchable = Searchable(
        type="skill",
        title=("name",),
        names=("aliases__name",),
        body=("description",),
        aliases=(("aliases__name", "alias"),),
    )
    search_documents = GenericRelation("search.SearchDocument")

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
