"""Role serializers. The role detail nests pay and interview data from the other apps:
composing it here, in the API layer, keeps the apps' models independent of each other."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from compensation.api.band_rows import BAND_COLUMNS, BandRows
from compensation.api.serializers import SalaryBandSummarySerializer
from interviews.api.serializers import InterviewProcessSummarySerializer
from roles.models import RelatedRole, Role, RoleContent, RoleSkill

from .serializers import LadderSerializer, SourceRefSerializer, StatisticSerializer


class RoleSkillSerializer(serializers.ModelSerializer):
    """A skill a role needs, with the importance the source gives it and its weight."""

    slug = serializers.CharField(source="skill.slug")
    name = serializers.CharField(source="skill.name")
    category = serializers.CharField(source="skill.category")
    weight = serializers.IntegerField()

    class Meta:
        model = RoleSkill
        fields = ["slug", "name", "category", "importance", "weight"]


class RoleSkillDetailSerializer(RoleSkillSerializer):
    source = SourceRefSerializer()

    class Meta(RoleSkillSerializer.Meta):
        fields = [*RoleSkillSerializer.Meta.fields, "quote", "source"]


class RoleContentSerializer(serializers.ModelSerializer):
    source = SourceRefSerializer()

    class Meta:
        model = RoleContent
        fields = ["kind", "title", "body", "source"]


class RelatedRoleSerializer(serializers.ModelSerializer):
    role = serializers.SlugRelatedField(
        source="related_role", slug_field="slug", read_only=True, allow_null=True
    )
    source = SourceRefSerializer()

    class Meta:
        model = RelatedRole
        fields = ["name", "role", "description", "source"]


class RoleSerializer(serializers.ModelSerializer):
    """A role as listed: who, where, and the skills it needs."""

    company = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    family = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    skills = RoleSkillSerializer(source="role_skills", many=True)

    class Meta:
        model = Role
        fields = [
            "slug",
            "title",
            "company",
            "family",
            "summary",
            "experience_years_min",
            "experience_years_max",
            "skills",
            "updated_at",
        ]


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
            writer = BandRows(self.context.get("conversion"), with_role=False)
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


class RoleRefSerializer(serializers.ModelSerializer):
    company = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    family = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = Role
        fields = ["slug", "title", "company", "family"]


class RoleMatchSerializer(serializers.Serializer):
    """One role ranked by skill match, with the skills given and the skills missing."""

    role = RoleRefSerializer()
    score = serializers.FloatField(
        help_text="The role's weights for the given skills / (3 × skills given), with "
        "required 3, preferred 2, mentioned 1; 1.0 means the role requires every skill given."
    )
    coverage = serializers.FloatField(
        help_text="Weight of the matched skills / weight of all the role's skills: how much "
        "of the role the given skills cover."
    )
    matched_weight = serializers.IntegerField()
    total_weight = serializers.IntegerField()
    matched = RoleSkillSerializer(many=True)
    missing = RoleSkillSerializer(many=True)
