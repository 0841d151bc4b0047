"""Serializers for the skill catalogue."""

from rest_framework import serializers

from skills.models import Skill


class SkillSerializer(serializers.ModelSerializer):
    aliases = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)

    class Meta:
        model = Skill
        fields = ["slug", "name", "category", "aliases", "description", "updated_at"]
