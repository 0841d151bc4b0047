"""SOC groups, job zones and O*NET occupations in the dataset.

They come from the public releases (`loader/public_data.py` turns O*NET's text files and
BLS OEWS into these entries), though a file may hold entries of the same shape.
"""

from careerapi.occupation_page.views import OccupationPageViewSet
from occupations.api import views
from occupations.models import (
    AlternateTitle,
    JobZone,
    Occupation,
    RelatedOccupation,
    ReportedTitle,
    SocGroup,
    Task,
    TechnologySkill,
)

from ..declaring import Children, DatasetType, Ref, Value

SOC_CODE = {"type": "string", "pattern": "^[0-9]{2}-[0-9]{4}$"}
OCCUPATION_CODE = {"type": "string", "pattern": "^[0-9]{2}-[0-9]{4}\\.[0-9]{2}$"}


def soc_path(group: dict, groups: dict[str, dict]) -> str:
    """The codes from the top down to the group ("00-0000/15-0000/15-1200/")."""
    parent = group.get("parent")
    return (soc_path(groups[parent], groups) if parent else "") + group["code"] + "/"


SOC_GROUPS = DatasetType(
    "soc_groups",
    SocGroup,
    [
        Value("code", schema=SOC_CODE),
        Value("title"),
        Value("level"),
        Ref("parent"),
        Value("path", derive=soc_path),
        Ref("source"),
    ],
    identity=("code",),
    slug="code",
    collection="soc-groups",
    viewset=views.SocGroupViewSet,
)

JOB_ZONES = DatasetType(
    "job_zones",
    JobZone,
    [
        Value("zone", schema={"type": "integer", "minimum": 1, "maximum": 9}),
        Value("name"),
        Value("experience"),
        Value("education"),
        Value("job_training"),
        Value("examples"),
        Value("svp_range"),
        Ref("source"),
    ],
    identity=("zone",),
    slug="zone",
    collection="job-zones",
    viewset=views.JobZoneViewSet,
)


def _titles(key: str, model, fields: list) -> DatasetType:
    return DatasetType(
        key,
        model,
        fields,
        identity=("occupation_id", "position"),
        slug=None,
        parent="occupation",
        positioned=True,
    )


ALTERNATE_TITLES = _titles(
    "alternate_titles",
    AlternateTitle,
    [
        Value("title"),
        Value("short_title"),
        Value(
            "sources",
            schema={
                "type": "array",
                "items": {"type": "string", "pattern": "^[0-9]{2}$"},
                "uniqueItems": True,
            },
        ),
    ],
)

REPORTED_TITLES = _titles(
    "reported_titles", ReportedTitle, [Value("title"), Value("shown_in_my_next_move")]
)

TASKS = DatasetType(
    "tasks",
    Task,
    [
        Value("task_id"),
        Value("statement"),
        Value("kind"),
        Value("incumbents_responding"),
        Value("date", schema={"type": "string", "pattern": "^[0-9]{4}-[0-9]{2}$"}),
        Value("domain_source"),
    ],
    identity=("task_id",),
    slug=None,
    parent="occupation",
    positioned=True,
)

TECHNOLOGY_SKILLS = DatasetType(
    "technology_skills",
    TechnologySkill,
    [
        Ref("skill"),
        Value("example"),
        Value("commodity_code"),
        Value("commodity_title"),
        Value("hot_technology"),
        Value("in_demand"),
    ],
    identity=("occupation_id", "skill_id"),
    slug=None,
    parent="occupation",
    positioned=True,
)

RELATED_OCCUPATIONS = DatasetType(
    "related",
    RelatedOccupation,
    [
        Ref(
            "occupation",
            column="related_id",
            api="code",
            description="The related occupation's code.",
        ),
        Value("tier"),
        Value("rank"),
    ],
    identity=("occupation_id", "related_id"),
    slug=None,
    parent="occupation",
    positioned=True,
)

OCCUPATIONS = DatasetType(
    "occupations",
    Occupation,
    [
        Value("code", schema=OCCUPATION_CODE),
        Value("title"),
        Value("description"),
        Ref("job_zone"),
        Ref("group", description="The SOC group BLS publishes market pay for."),
        Ref("source"),
        Children("alternate_titles", type=ALTERNATE_TITLES),
        Children("reported_titles", type=REPORTED_TITLES),
        Children("tasks", type=TASKS),
        Children("technology_skills", type=TECHNOLOGY_SKILLS),
        Children("related", type=RELATED_OCCUPATIONS),
    ],
    identity=("code",),
    slug="code",
    collection="occupations",
    viewset=OccupationPageViewSet,
)
