"""The role page: a role with everything a job board shows on its page, each fact with its
source. It nests pay (`compensation`) and interview processes (`interviews`) in a role
(`roles`), so it is composed here, above the apps, which stay independent of each other."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from compensation.api.band_rows import BAND_COLUMNS, BandRows
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
    salary_bands = serializers.SerializerMethodField()
    interview_processes = InterviewProcessSummarySerializer(many=True)
    sources = serializers.SerializerMethodField()

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

    def _salary_bands(self, role: Role) -> list[dict]:
        # A role page may show hundreds of bands: written as rows (see band_rows), from
        # the bands prefetched without what they point at (memoised there).
        if getattr(self, "_bands_of", None) != role.pk:
            writer = BandRows(
                self.context.get("conversion"),
                with_role=False,
                dataset=self.context.get("dataset"),
            )
            rows = ({c: getattr(band, c) for c in BAND_COLUMNS} for band in role.salary_bands.all())
            self._bands = [writer.band(row) for row in rows]
            self._bands_of = role.pk
        return self._bands

    @extend_schema_field(SalaryBandSummarySerializer(many=True))
    def get_salary_bands(self, role: Role) -> list[dict]:
        return self._salary_bands(role)

    @extend_schema_field(SourceRefSerializer(many=True))
    def get_sources(self, role: Role) -> list[dict]:
        rows = [
            role,
            *role.role_skills.all(),
            *role.statistics.all(),
            *role.content.all(),
            *role.related.all(),
            *role.ladders.all(),
            *role.interview_processes.all(),
        ]
        sources = {row.source.slug: SourceRefSerializer(row.source).data for row in rows}
        sources |= {band["source"]["slug"]: band["source"] for band in self._salary_bands(role)}
        return [sources[slug] for slug in sorted(sources)]
