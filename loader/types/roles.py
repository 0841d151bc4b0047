"""Families, companies, roles and career ladders in the dataset files."""

from careerapi.role_page.views import RolePageViewSet
from roles.api import views
from roles.models import (
    Company,
    CompanyStatistic,
    Family,
    Ladder,
    Level,
    RelatedRole,
    Role,
    RoleContent,
    RoleSkill,
    RoleStatistic,
)

from ..declaring import Children, DatasetType, Range, Ref, Refs, Value
from .rules import currency_units_known, in_order, requires

FAMILIES = DatasetType(
    "families",
    Family,
    [Value("slug"), Value("name"), Value("description")],
    collection="families",
    viewset=views.FamilyViewSet,
)

#: What the sources print as statistics, in these units.
STATISTIC_UNITS = [
    *["USD", "CAD", "EUR", "GBP", "INR", "AUD", "BRL", "MXN", "SGD"],
    *["percent", "openings", "employees", "rating_out_of_5"],
]


def statistics(model, parent: str) -> DatasetType:
    """A figure with its basis, period and source, nested in what it is about."""
    return DatasetType(
        "statistics",
        model,
        [
            Value("kind"),
            Value("value", schema={"type": "number"}),
            Value("value_max", schema={"type": "number"}),
            Value("approximate"),
            Value("open_ended"),
            Value("unit", schema={"enum": STATISTIC_UNITS}),
            Value("basis"),
            Value("period"),
            Value("quote"),
            Value("interpretation"),
            Ref("source"),
        ],
        identity=(f"{parent}_id", "position"),
        slug=None,
        parent=parent,
        positioned=True,
        checks=(in_order("value", "value_max", at="value_max"), currency_units_known),
    )


COMPANIES = DatasetType(
    "companies",
    Company,
    [
        Value("slug"),
        Value("name"),
        Value("kind"),
        Ref("parent"),
        Value("description"),
        Refs("sources", min_items=1),
        Children("statistics", type=statistics(CompanyStatistic, "company")),
    ],
    collection="companies",
    viewset=views.CompanyViewSet,
)

ROLE_SKILLS = DatasetType(
    "skills",
    RoleSkill,
    [Ref("skill", api="slug"), Value("importance"), Ref("source"), Value("quote")],
    identity=("role_id", "skill_id"),
    slug=None,
    parent="role",
)

ROLE_CONTENT = DatasetType(
    "content",
    RoleContent,
    [Value("kind"), Value("title"), Value("body"), Ref("source")],
    identity=("role_id", "position"),
    slug=None,
    parent="role",
    positioned=True,
)

RELATED_ROLES = DatasetType(
    "related",
    RelatedRole,
    [
        Value("name"),
        Ref("role", column="related_role_id"),
        Value("description"),
        Ref("source"),
    ],
    identity=("role_id", "position"),
    slug=None,
    parent="role",
    positioned=True,
)

ROLES = DatasetType(
    "roles",
    Role,
    [
        Value("slug"),
        Value("title"),
        Ref("family"),
        Ref("company"),
        Value("summary"),
        Ref("source", description="Where the title and summary come from."),
        Range(
            "experience_years",
            min="experience_years_min",
            max="experience_years_max",
            quote="experience_quote",
        ),
        Value(
            "employer_types",
            schema={"type": "array", "items": {"$ref": "#/$defs/text"}, "uniqueItems": True},
        ),
        Ref("occupation", description="The role's O*NET-SOC occupation (15-1252.00)."),
        Value("occupation_basis"),
        Value("occupation_inferred"),
        Refs(
            "same_occupation",
            description="Derived by the loader from each role's company and occupation; a list "
            "in a file is replaced.",
        ),
        Children("statistics", type=statistics(RoleStatistic, "role")),
        Children("skills", type=ROLE_SKILLS),
        Children("content", type=ROLE_CONTENT),
        Children("related", type=RELATED_ROLES),
    ],
    collection="roles",
    viewset=RolePageViewSet,
    checks=(requires("occupation", "occupation_basis"),),
)

LEVELS = DatasetType(
    "levels",
    Level,
    [
        Value("slug"),
        Value("name"),
        Value("code"),
        Range("years", min="years_min", max="years_max", quote="years_quote"),
        Value("scope"),
        Value("focus_areas"),
        Value("quote"),
    ],
    parent="ladder",
    positioned=True,
    collection="levels",
    viewset=views.LevelViewSet,
)

LADDERS = DatasetType(
    "ladders",
    Ladder,
    [
        Value("slug"),
        Value("name"),
        Ref("company"),
        Ref("role"),
        Value("description"),
        Ref("source"),
        Children("levels", type=LEVELS, min_items=1),
    ],
    collection="ladders",
    viewset=views.LadderViewSet,
)
