"""Serializers for families, companies, ladders, levels and roles (with their skills).

The role page (`careerapi/role_page/`), which nests pay and interview data from the other
apps, builds on the role serializers here.
"""

from rest_framework import serializers

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
from sources.api.serializers import SourceRefSerializer


class FamilySerializer(serializers.ModelSerializer):
    class Meta:
        model = Family
        fields = ["slug", "name", "description", "updated_at"]


class StatisticSerializer(serializers.ModelSerializer):
    """A figure with its basis, period, verbatim quote and source."""

    source = SourceRefSerializer()

    class Meta:
        model = RoleStatistic
        fields = [
            "kind",
            "value",
            "value_max",
            "approximate",
            "open_ended",
            "unit",
            "basis",
            "period",
            "quote",
            "interpretation",
            "source",
        ]


class CompanyStatisticSerializer(StatisticSerializer):
    class Meta(StatisticSerializer.Meta):
        model = CompanyStatistic


class CompanySerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    sources = SourceRefSerializer(many=True)
    statistics = CompanyStatisticSerializer(many=True)

    class Meta:
        model = Company
        fields = [
            "slug",
            "name",
            "kind",
            "parent",
            "description",
            "statistics",
            "sources",
            "updated_at",
        ]


class LevelSerializer(serializers.ModelSerializer):
    ladder = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Level
        fields = [
            "slug",
            "ladder",
            "position",
            "name",
            "code",
            "years_min",
            "years_max",
            "years_quote",
            "scope",
            "focus_areas",
            "quote",
            "updated_at",
        ]


class LadderLevelSerializer(LevelSerializer):
    """A level inside its ladder (the ladder is the parent)."""

    class Meta(LevelSerializer.Meta):
        fields = [f for f in LevelSerializer.Meta.fields if f != "ladder"]


class LadderSerializer(serializers.ModelSerializer):
    company = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    role = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    source = SourceRefSerializer()
    levels = LadderLevelSerializer(many=True)

    class Meta:
        model = Ladder
        fields = [
            "slug",
            "name",
            "company",
            "role",
            "description",
            "source",
            "levels",
            "updated_at",
        ]


class RoleSkillSerializer(serializers.ModelSerializer):
    """A skill a role needs, with the importance the source gives it and its weight."""

    # Columns of the skill, each read from a memo of that column when written from rows:
    # not a copy of every skill (thousands, with O*NET's technologies) in every worker.
    slug = serializers.SlugRelatedField(source="skill", slug_field="slug", read_only=True)
    name = serializers.SlugRelatedField(source="skill", slug_field="name", read_only=True)
    category = serializers.SlugRelatedField(source="skill", slug_field="category", read_only=True)
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
    occupation = serializers.SlugRelatedField(
        slug_field="code",
        read_only=True,
        allow_null=True,
        help_text="The role's O*NET-SOC occupation (/api/v1/occupations/{code}/).",
    )
    skills = RoleSkillSerializer(source="role_skills", many=True)

    class Meta:
        model = Role
        fields = [
            "slug",
            "title",
            "company",
            "family",
            "occupation",
            "summary",
            "experience_years_min",
            "experience_years_max",
            "skills",
            "updated_at",
        ]


class RolePeerSerializer(serializers.ModelSerializer):
    """Another role of the same company and occupation, with its career ladders."""

    company = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    ladders = serializers.SlugRelatedField(slug_field="slug", many=True, read_only=True)

    class Meta:
        model = Role
        fields = ["slug", "title", "company", "ladders"]


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
