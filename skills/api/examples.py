"""Response examples for the skill catalogue, taken from the seed dataset."""

from drf_spectacular.utils import OpenApiExample

from careerapi.api.examples import TIMESTAMP
from sources.api.examples import HIMALAYAS_GUIDE, ONET

SKILL = OpenApiExample(
    "Skill",
    summary="Python: a skill of the guides and a technology of O*NET",
    value={
        "slug": "python",
        "name": "Python",
        "category": "language",
        "aliases": [],
        "description": "",
        "onet_example": "Python",
        "onet_mapping": "The programming language, by the same name in O*NET.",
        "hot_technology": True,
        "sources": [HIMALAYAS_GUIDE, ONET],
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)
