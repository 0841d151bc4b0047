"""Serializers for SOC groups, job zones and O*NET occupations.

An occupation's technology skills are skills of the API: each names its skill's slug, which
the skill filters and skill match take.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from careerapi.api.embedding import shows
from careerapi.api.fields import BlankChoiceAsNull
from occupations.choices import TaskKind
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
from occupations.selectors import soc_group_paths_by_id
from sources.api.serializers import SourceRefSerializer

#: The code of all occupations, the root of every path: not a group of its own to list.
TOTAL = "00-0000"


class SocGroupRefSerializer(serializers.ModelSerializer):
    """A SOC code as other items name it."""

    class Meta:
        model = SocGroup
        fields = ["code", "title", "level"]


class SocGroupSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="code", read_only=True, allow_null=True)
    source = SourceRefSerializer()

    class Meta:
        model = SocGroup
        fields = ["code", "title", "level", "parent", "source", "updated_at"]


class SocGroupPathSerializer(serializers.ModelSerializer):
    """What an occupation's `groups` are read from: its group's place in the hierarchy."""

    class Meta:
        model = SocGroup
        fields = ["path"]


class JobZoneSerializer(serializers.ModelSerializer):
    source = SourceRefSerializer()

    class Meta:
        model = JobZone
        fields = [
            "zone",
            "name",
            "experience",
            "education",
            "job_training",
            "examples",
            "svp_range",
            "source",
            "updated_at",
        ]


class OccupationSerializer(serializers.ModelSerializer):
    """An occupation as listed."""

    job_zone = serializers.SlugRelatedField(slug_field="zone", read_only=True, allow_null=True)
    group = SocGroupRefSerializer(allow_null=True)

    class Meta:
        model = Occupation
        fields = ["code", "soc_code", "title", "description", "job_zone", "group", "updated_at"]


class OccupationRefSerializer(serializers.ModelSerializer):
    """An occupation as other items name it (a company role's place in the classification)."""

    class Meta:
        model = Occupation
        fields = ["code", "soc_code", "title"]


class AlternateTitleSerializer(serializers.ModelSerializer):
    class Meta:
        model = AlternateTitle
        fields = ["title", "short_title", "sources"]


class ReportedTitleSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportedTitle
        fields = ["title", "shown_in_my_next_move"]


class TaskSerializer(serializers.ModelSerializer):
    kind = BlankChoiceAsNull(
        choices=TaskKind.choices,
        help_text="Core or supplemental; null where O*NET gives no type.",
    )

    class Meta:
        model = Task
        fields = ["task_id", "statement", "kind", "incumbents_responding", "date", "domain_source"]


class TechnologySkillSerializer(serializers.ModelSerializer):
    """A technology the occupation uses, as one of the API's skills."""

    skill = serializers.SlugRelatedField(slug_field="slug", read_only=True)
    name = serializers.SlugRelatedField(
        source="skill",
        slug_field="name",
        read_only=True,
        help_text="The skill's name in this API (O*NET's is `example`).",
    )

    class Meta:
        model = TechnologySkill
        fields = [
            "skill",
            "name",
            "example",
            "commodity_code",
            "commodity_title",
            "hot_technology",
            "in_demand",
        ]


class RelatedOccupationSerializer(serializers.ModelSerializer):
    code = serializers.SlugRelatedField(source="related", slug_field="code", read_only=True)
    title = serializers.SlugRelatedField(source="related", slug_field="title", read_only=True)

    class Meta:
        model = RelatedOccupation
        fields = ["code", "title", "tier", "rank"]


class OccupationDetailSerializer(OccupationSerializer):
    """Everything O*NET says of an occupation that the API serves, with its SOC groups."""

    job_zone = JobZoneSerializer(allow_null=True)
    groups = serializers.SerializerMethodField(
        help_text="The codes of the SOC groups the occupation is in, from its major group "
        "down to `group` (titles at /api/v1/soc-groups/{code}/)."
    )
    alternate_titles = AlternateTitleSerializer(many=True)
    reported_titles = ReportedTitleSerializer(many=True)
    tasks = TaskSerializer(many=True)
    technology_skills = TechnologySkillSerializer(many=True)
    related = RelatedOccupationSerializer(many=True)
    source = SourceRefSerializer()

    class Meta(OccupationSerializer.Meta):
        fields = [
            *OccupationSerializer.Meta.fields[:-1],
            "groups",
            "alternate_titles",
            "reported_titles",
            "tasks",
            "technology_skills",
            "related",
            "source",
            "updated_at",
        ]

    @extend_schema_field({"type": "array", "items": {"type": "string", "example": "15-1200"}})
    @shows("group", SocGroupPathSerializer)
    def get_groups(self, occupation: Occupation) -> list[str]:
        if occupation.group_id is None:
            return []
        path = soc_group_paths_by_id(dataset=self.context.get("dataset"))[occupation.group_id]
        return [code for code in path.strip("/").split("/") if code != TOTAL]
