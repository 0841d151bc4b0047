"""Serializers for the skill catalogue."""

from rest_framework import serializers

from skills.models import Skill
from sources.api.serializers import SourceRefSerializer


class SkillSerializer(serializers.ModelSerializer):
    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    sources = SourceRefSerializer(many=True)

    class Meta:
        model = Skill
        fields = [
            "slug",
            "name",
            "category",
            "aliases",
            "description",
            "onet_example",
            "onet_mapping",
            "hot_technology",
            "sources",
            "updated_at",
        ]
