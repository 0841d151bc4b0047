"""Read-only endpoints for families, companies, skills, ladders, levels and roles.

The role page (`/api/v1/roles/{slug}/`), which nests pay and interviews, is composed above
the apps, in `careerapi/role_page/`.
"""

from collections.abc import Iterator

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.mixins import ListModelMixin

from careerapi.api.filters import UNKNOWN, unknown_suggestions
from careerapi.api.rendering import RenderedList, render_json
from careerapi.api.rows import RowWriter
from careerapi.api.views import CollectionViewSet, ReadOnlyViewSet
from dataset.rendering import RenderedCollection
from roles import filtersets
from roles.models import Company, Family, Ladder, Level, Role, RoleSkill
from roles.selectors import skill_weights
from roles.services import role_match, role_match_skills
from skills.api import examples as skill_examples
from skills.api.serializers import SkillSerializer
from skills.models import Skill
from skills.selectors import skill_keys
from skills.services import skills_resolve

from . import examples, serializers


@extend_schema_view(
    list=extend_schema(
        summary="List job families",
        description="Job families such as Software Engineering; filter roles with `family=<slug>`.",
        examples=[examples.FAMILY],
    ),
    retrieve=extend_schema(
        summary="Get a job family",
        description="One job family by slug.",
        examples=[examples.FAMILY],
    ),
)
class FamilyViewSet(ReadOnlyViewSet):
    queryset = Family.objects.order_by("name")
    serializer_class = serializers.FamilySerializer
    filterset_class = filtersets.FamilyFilterSet


@extend_schema_view(
    list=extend_schema(
        summary="List companies",
        description="Employers and the organisations "
        "inside them (`parent`), with company facts and their sources.",
        examples=[examples.COMPANY],
    ),
    retrieve=extend_schema(
        summary="Get a company",
        description="One company by slug.",
        examples=[examples.COMPANY],
    ),
)
class CompanyViewSet(ReadOnlyViewSet):
    queryset = (
        Company.objects.select_related("parent")
        .prefetch_related("sources", "statistics__source")
        .order_by("name")
    )
    serializer_class = serializers.CompanySerializer
    filterset_class = filtersets.CompanyFilterSet


@extend_schema_view(
    list=extend_schema(
        summary="List skills",
        description="The skill catalogue: languages, "
        "cloud services, tools, practices, soft skills and certifications, "
        "with the aliases skill filters also accept.",
        examples=[skill_examples.SKILL],
    ),
    retrieve=extend_schema(
        summary="Get a skill", description="One skill by slug.", examples=[skill_examples.SKILL]
    ),
)
class SkillViewSet(ReadOnlyViewSet):
    """The skill catalogue (`skills/`), served here because it filters by role."""

    queryset = Skill.objects.prefetch_related("aliases", "sources").order_by("name")
    serializer_class = SkillSerializer
    filterset_class = filtersets.SkillFilterSet


@extend_schema_view(
    list=extend_schema(
        summary="List career ladders",
        description="Ordered career ladders of companies and roles, each with its levels in order.",
        examples=[examples.LADDER],
    ),
    retrieve=extend_schema(
        summary="Get a career ladder",
        description="One ladder by slug.",
        examples=[examples.LADDER],
    ),
)
class LadderViewSet(ReadOnlyViewSet):
    queryset = (
        Ladder.objects.select_related("company", "role", "source")
        .prefetch_related(Prefetch("levels", queryset=Level.objects.order_by("position")))
        .order_by("name")
    )
    serializer_class = serializers.LadderSerializer
    filterset_class = filtersets.LadderFilterSet


@extend_schema_view(
    list=extend_schema(
        summary="List levels",
        description="Career levels across ladders, "
        "ordered by ladder and position; `years_max` null means open-ended.",
        examples=[examples.LEVEL],
    ),
    retrieve=extend_schema(
        summary="Get a level", description="One level by slug.", examples=[examples.LEVEL]
    ),
)
class LevelViewSet(ReadOnlyViewSet):
    queryset = Level.objects.select_related("ladder").order_by("ladder__name", "position")
    serializer_class = serializers.LevelSerializer
    filterset_class = filtersets.LevelFilterSet


def role_list_queryset():
    return (
        Role.objects.select_related("company", "family")
        .prefetch_related(
            Prefetch(
                "role_skills",
                queryset=RoleSkill.objects.select_related("skill").order_by("skill__name"),
            )
        )
        .order_by("title", "slug")
    )


def role_list_items(roles: QuerySet[Role]) -> Iterator[tuple[int, str]]:
    """(id, JSON) of each role of `roles` as the role list shows it, written from rows."""
    writer = RowWriter(serializers.RoleSerializer(), queryset=role_list_queryset())
    ids = list(roles.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), RENDER_BATCH):
        batch = Role.objects.filter(pk__in=ids[start : start + RENDER_BATCH]).order_by("pk")
        rows = list(writer.rows(batch))
        for row, item in zip(rows, writer.write_many(rows), strict=True):
            yield row["id"], render_json(item).decode()


#: The role list is served from JSON rendered at load time (`RenderedList`).
ROLES_RENDERED = RenderedCollection("roles", role_list_queryset, role_list_items)
RENDER_BATCH = 2000


SKILLS_PARAMETER = OpenApiParameter(
    "skills",
    # At least one character that is neither a comma nor white space (some skill to look
    # for), and no NUL byte anywhere, like every other parameter. White space is spelled
    # out as everything Python's str.strip() removes: regex engines disagree on `\s`.
    {
        "type": "string",
        "minLength": 1,
        "maxLength": 200,
        "pattern": (
            r"^[^\x00]*[^\x00\t\n\v\f\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029"
            r"\u202f\u205f\u3000\ufeff,][^\x00]*$"
        ),
    },
    required=True,
    description="The skills to match, comma-separated or repeated: slugs, names or aliases "
    "(e.g. python,dynamodb,aws-lambda). An unknown skill is a 400 that lists it.",
    examples=[examples.SKILLS_TO_MATCH],
)


@extend_schema_view(
    list=extend_schema(
        summary="List roles",
        description="Roles with the skills they need. `skill` keeps roles that need all of "
        "the given skills, `skill_any` roles that need any of them.",
        examples=[examples.ROLE],
    ),
)
class RoleViewSet(RenderedList, ListModelMixin, CollectionViewSet):
    """Roles: the list with skills, and skill matching (the role page is the project's)."""

    queryset = role_list_queryset()
    rendered = ROLES_RENDERED
    serializer_class = serializers.RoleSerializer
    filterset_class = filtersets.RoleFilterSet
    action_query_parameters = {"match": ("skills", "page", "page_size")}

    def get_serializer_class(self):
        if self.action == "match":
            return serializers.RoleMatchSerializer
        return super().get_serializer_class()

    @extend_schema(
        operation_id="roles_match",
        summary="Match roles to skills",
        description="Roles that need at least one of the given skills, best fit first. "
        "Weights: required 3, preferred 2, mentioned 1. `score` = the role's weights for the "
        "given skills / (3 × skills given), so 1.0 means the role requires every skill given; "
        "`coverage` = weight of the matched skills / weight of all the role's skills. Roles "
        "rank by score, then coverage, then slug. Each result lists the matched and the "
        "missing skills.",
        parameters=[SKILLS_PARAMETER],
        responses=serializers.RoleMatchSerializer(many=True),
        examples=[examples.ROLE_MATCH],
    )
    @action(detail=False, url_path="match", filterset_class=None)
    def match(self, request):
        names = [
            part
            for value in request.query_params.getlist("skills")
            for part in value.split(",")
            if part.strip()
        ]
        if not names:
            raise ValidationError({"skills": "give at least one skill slug, name or alias."})
        skills, unknown = skills_resolve(names=names, keys=skill_keys(dataset=request.dataset))
        if unknown:
            listed = ", ".join(repr(name) for name in unknown)
            error = ValidationError({"skills": f"unknown skill(s): {listed}."}, code=UNKNOWN)
            error.suggestions = {
                "skills": unknown_suggestions(model=Skill, values=unknown, dataset=request.dataset)
            }
            raise error
        weights = skill_weights(dataset=request.dataset)
        page = self.paginate_queryset(role_match(skills=skills, weights=weights))
        role_match_skills(matches=page, skills=skills, dataset=request.dataset)
        return self.get_paginated_response(RowWriter(self.get_serializer()).write_many(page))
