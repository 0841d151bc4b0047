"""The shapes of GET /api/v1/title-match/: its query and its answer."""

from rest_framework import serializers

from careerapi.api.links import LinkField
from search.titles import MATCH_KINDS, MATCH_LIMIT_MAX, TYPES


class TitleMatchQuerySerializer(serializers.Serializer):
    """The query parameters, validated: each error names its parameter."""

    title = serializers.CharField(max_length=200, trim_whitespace=True)
    limit = serializers.IntegerField(min_value=1, max_value=MATCH_LIMIT_MAX, default=10)


class TitleMatchSerializer(serializers.Serializer):
    """An occupation or company role the title names."""

    type = serializers.ChoiceField(choices=TYPES, help_text="occupation or role.")
    slug = serializers.CharField(help_text="The occupation's O*NET-SOC code, or the role's slug.")
    name = serializers.CharField(help_text="The occupation's or the role's title.")
    matched_title = serializers.CharField(help_text="The title it matched by.")
    match_kind = serializers.ChoiceField(
        choices=sorted(set(MATCH_KINDS.values())),
        help_text="What that title is: the O*NET occupation's own title (onet_title), one of "
        "its alternate titles (alternate_title) or titles workers reported (reported_title), "
        "or a company role's title (role_title).",
    )
    score = serializers.FloatField(
        min_value=0,
        max_value=1,
        help_text="How many words the two titles share, seniority words aside: 2 × shared / "
        "(words of one + words of the other); 1.0 means the same words.",
    )
    url = LinkField(help_text="The occupation's or the role's page.")

    class Meta:
        ref_name = "TitleMatch"


class TitleMatchListSerializer(serializers.Serializer):
    title = serializers.CharField(help_text="The title as given.")
    words = serializers.ListField(
        child=serializers.CharField(),
        help_text="The words matched on: folded, abbreviations read in full (Sr. is senior), "
        "seniority and grade words (senior, lead, II) left out.",
    )
    results = TitleMatchSerializer(many=True)

    class Meta:
        ref_name = "TitleMatchList"
