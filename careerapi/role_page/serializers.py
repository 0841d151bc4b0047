"""The role page: a role with everything a job board shows on its page, each fact with its
source. It nests pay (`compensation`) and interview processes (`interviews`) in a role
(`roles`), so it is composed here, above the apps, which stay independent of each other."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from careerapi.api.embedding import shows
from careerapi.api.rows import RowListSerializer, written_rows
from compensation.api.serializers import SalaryBandSummarySerializer
from interviews.api.serializers import InterviewProcessSummarySerializer
from roles.api.serializers import (
    LadderSerializer,
    RelatedRoleSerializer,
    RoleContentSerializer,
    RoleSerializer,
    RoleSkillDetailSerializer,
    SourceRefSerializer,
    StatisticSerializer,
)
from roles.models import Role


class RoleDetailSerializer(RoleSerializer):
    """Everything a job board needs for a role page, each fact with its source."""

    source = SourceRefSerializer()
    skills = RoleSkillDetailSerializer(source="role_skills", many=True)
    statistics = StatisticSerializer(many=True)
    content = RoleContentSerializer(many=True)
    related = RelatedRoleSerializer(many=True)
    ladders = LadderSerializer(many=True)
    # A role page may show hundreds of bands: written from the prefetched rows.
    salary_bands = RowListSerializer(child=SalaryBandSummarySerializer(), read_only=True)
    interview_processes = InterviewProcessSummarySerializer(many=True)
    sources = serializers.SerializerMethodField(
        help_text="Every source the page cites, by slug: what to credit beside it."
    )

    class Meta(RoleSerializer.Meta):
        fields = [
            *RoleSerializer.Meta.fields[:-1],
            "experience_quote",
            "employer_types",
            "source",
            "statistics",
            "content",
            "related",
            "ladders",
            "salary_bands",
            "interview_processes",
            "sources",
            "updated_at",
        ]

    @extend_schema_field(SourceRefSerializer(many=True))
    @shows()  # the sources every other field of the page names
    def get_sources(self, role: Role) -> list[dict]:
        rows = [
            role,
            *role.role_skills.all(),
            *role.statistics.all(),
            *role.content.all(),
            *role.related.all(),
            *role.ladders.all(),
            *role.salary_bands.all(),
            *role.interview_processes.all(),
        ]
        cited = {row.source_id for row in rows}
        sources = written_rows(SourceRefSerializer, cited, context=self.context)
        return sorted(sources, key=lambda source: source["slug"])
