"""Serializers for sources, families, companies, skills, ladders and levels.

Role serializers, which nest pay and interview data from the other apps, are in
`roles/api/role_serializers.py`.
"""

from rest_framework import serializers

from roles.models import (
    Company,
    CompanyStatistic,
    Family,
    Ladder,
    Level,
    RoleStatistic,
    Skill,
    Source,
)


class SourceRefSerializer(serializers.ModelSerializer):
    """Where a fact comes from: enough for a client to show "source: …"."""

    class Meta:
        model = Source
        fields = ["slug", "title", "attribution"]


def source_refs_read() -> dict[int, dict]:
    """Every source as `SourceRefSerializer` writes it, by id: for JSON written from rows."""
    return {
        source.id: {"slug": source.slug, "title": source.title, "attribution": source.attribution}
        for source in Source.objects.order_by().only("slug", "title", "publisher", "as_of")
    }


class SourceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = [
            "slug",
            "title",
            "publisher",
            "file",
            "url",
            "covers",
            "as_of",
            "as_of_note",
            "attribution",
            "updated_at",
        ]


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


class SkillSerializer(serializers.ModelSerializer):
    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)

    class Meta:
        model = Skill
        fields = ["slug", "name", "category", "aliases", "description", "updated_at"]


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
