"""The skill catalogue in the dataset files."""

from roles.api.views import SkillViewSet
from skills.models import Skill, SkillAlias

from ..declaring import Children, DatasetType, Value
from .rules import aliases_unique

SKILL_ALIASES = DatasetType(
    "aliases",
    SkillAlias,
    [Value("name")],
    identity=("name",),
    slug=None,
    parent="skill",
    scalar="name",
)

SKILLS = DatasetType(
    "skills",
    Skill,
    [
        Value("slug"),
        Value("name"),
        Value("category"),
        Children("aliases", type=SKILL_ALIASES, api="aliases"),
        Value("description"),
    ],
    collection="skills",
    viewset=SkillViewSet,
    checks=(aliases_unique,),
)
