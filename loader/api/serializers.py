"""Serializers for the dataset version and the change feed."""

from rest_framework import serializers

from careerapi.api.links import LinkField
from dataset.models import Change, DatasetVersion
from sources.api.serializers import SourceSerializer


class DatasetSerializer(serializers.ModelSerializer):
    """The loaded dataset: version, load time, rows per type and the sources to attribute."""

    sources = SourceSerializer(many=True, source="source_list")

    class Meta:
        model = DatasetVersion
        fields = ["version", "content_hash", "loaded_at", "counts", "sources"]


class ChangeSerializer(serializers.ModelSerializer):
    """One item a load created, updated or deleted."""

    type = serializers.CharField(help_text="The collection: the item is at /api/v1/<type>/<slug>/.")
    slug = serializers.CharField(help_text="The item's slug (a currency's ISO 4217 code).")
    version = serializers.SlugRelatedField(
        slug_field="version",
        read_only=True,
        help_text="The dataset version the load made current.",
    )
    loaded_at = serializers.DateTimeField(help_text="When that load ran.")

    class Meta:
        model = Change
        fields = ["type", "slug", "kind", "version", "loaded_at"]


class ChangeFeedSerializer(serializers.Serializer):
    """A page of the change feed, with the version to ask from next time."""

    version = serializers.CharField(
        help_text="The current dataset version: pass it as `since` on the next poll."
    )
    since = serializers.CharField(
        allow_null=True,
        help_text="The version the changes are counted from: the whole version, when "
        "`since` gave its start.",
    )
    count = serializers.IntegerField()
    next = LinkField(allow_null=True)
    previous = LinkField(allow_null=True)
    results = ChangeSerializer(many=True)
