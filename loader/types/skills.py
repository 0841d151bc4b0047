"""The skill catalogue in the dataset files.

O*NET's technologies are skills too: `loader/public_data.py` adds one for each technology no
fixture skill names as its `onet_example`, and completes the fixture skills that do.
"""

from roles.api.views import SkillViewSet
from skills.models import Skill, SkillAlias

from ..declaring import Children, DatasetType, Refs, Value
from .rules import aliases_unique, onet_mapping_explained

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
        Value("onet_example"),
        Value("onet_mapping"),
        Value("hot_technology"),
        Refs("sources", description="Completed by the loader from the roles that ask for it."),
    ],
    collection="skills",
    viewset=SkillViewSet,
    checks=(aliases_unique, onet_mapping_explained),
)
