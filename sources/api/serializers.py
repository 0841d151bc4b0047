"""Serializers for sources: the whole document, and the reference every fact carries."""

from rest_framework import serializers

from sources.models import Source


class SourceRefSerializer(serializers.ModelSerializer):
    """Where a fact comes from: enough for a client to show "source: …"."""

    class Meta:
        model = Source
        fields = ["slug", "title", "attribution"]


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
            "licence",
            "citation",
            "attribution",
            "updated_at",
        ]
