"""The shapes of GET /api/v1/suggest/: its query and its answer."""

from rest_framework import serializers

from search.declaring import searchable_types
from search.suggestions import SUGGEST_LIMIT_MAX


class SuggestQuerySerializer(serializers.Serializer):
    """The query parameters, validated: each error names its parameter."""

    q = serializers.CharField(max_length=100, trim_whitespace=True)
    type = serializers.CharField(required=False)
    limit = serializers.IntegerField(min_value=1, max_value=SUGGEST_LIMIT_MAX, default=10)

    def validate_type(self, value: str) -> list[str]:
        """Types repeated or comma-separated, each one a type of item."""
        types, known_types = [part.strip() for part in value.split(",")], suggestion_types()
        unknown = [t for t in types if t not in known_types]
        if unknown:
            # Worded as every other invalid choice is (careerapi.api.filters).
            known = ", ".join(sorted(known_types))
            listed = ", ".join(t or '""' for t in unknown)
            verb = "is not one of" if len(unknown) == 1 else "are not among"
            raise serializers.ValidationError(f"{listed} {verb} the choices: {known}.")
        return list(dict.fromkeys(types))


def suggestion_types() -> list[str]:
    return [name for name, model in searchable_types().items() if model.searchable.suggested]


class SuggestionSerializer(serializers.Serializer):
    """An item whose name starts with what was typed."""

    type = serializers.CharField(help_text="The item's type (skill, role, occupation ...).")
    slug = serializers.CharField(
        help_text="Its slug, or its code for an occupation or SOC group: the value its "
        "filters and its URL take."
    )
    name = serializers.CharField(help_text="Its name.")
    matched = serializers.CharField(
        allow_null=True,
        help_text="The other name it was found by (a skill's alias, an occupation's "
        "alternate title), or null when its own name matched.",
    )

    class Meta:
        ref_name = "Suggestion"


class SuggestionListSerializer(serializers.Serializer):
    results = SuggestionSerializer(many=True)

    class Meta:
        ref_name = "SuggestionList"
