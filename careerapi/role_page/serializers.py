"""The role page: a role with everything a job board shows on its page, each fact with its
source. It nests pay (`compensation`: the company's salary bands, and the market pay of the
role's occupation) and interview processes (`interviews`) in a role (`roles`), so it is
composed here, above the apps, which stay independent of each other."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from careerapi.api.embedding import shows
from careerapi.api.rows import RowListSerializer, written_rows
from compensation.api.serializers import MarketPaySerializer, SalaryBandSummarySerializer
from compensation.models import MarketPay
from interviews.api.serializers import InterviewProcessSummarySerializer
from occupations.api.serializers import OccupationRefSerializer
from roles.api.serializers import (
    LadderSerializer,
    RelatedRoleSerializer,
    RoleContentSerializer,
    RolePeerSerializer,
    RoleSerializer,
    RoleSkillDetailSerializer,
    SourceRefSerializer,
    StatisticSerializer,
)
from roles.models import Role

from .market_pay import market_pay_shown
from .market_region import DEFAULT_MARKET_REGION, market_region_default

MISSING = object()
NATIONAL = {"region__code": DEFAULT_MARKET_REGION}


class RoleDetailSerializer(RoleSerializer):
    """Everything a job board needs for a role page, each fact with its source."""

    source = SourceRefSerializer()
    occupation = OccupationRefSerializer(allow_null=True)
    skills = RoleSkillDetailSerializer(source="role_skills", many=True)
    statistics = StatisticSerializer(many=True)
    content = RoleContentSerializer(many=True)
    related = RelatedRoleSerializer(many=True)
    ladders = LadderSerializer(many=True)
    # A role page may show hundreds of bands: written from the prefetched rows.
    salary_bands = RowListSerializer(child=SalaryBandSummarySerializer(), read_only=True)
    interview_processes = InterviewProcessSummarySerializer(many=True)
    market_pay = serializers.SerializerMethodField(
        help_text="BLS market pay of the role's occupation (its SOC group) in `market_region` "
        "(default: the United States), beside the company's own bands; empty when the role "
        "has no occupation or BLS publishes none there."
    )
    same_occupation = RolePeerSerializer(
        many=True,
        help_text="The other roles of the same company (its organisations included) in the "
        "same occupation, with their career ladders.",
    )
    sources = serializers.SerializerMethodField(
        help_text="Every source the page cites, by slug: what to credit beside it."
    )

    class Meta(RoleSerializer.Meta):
        fields = [
            *RoleSerializer.Meta.fields[:-1],
            "experience_quote",
            "employer_types",
            "source",
            "occupation_basis",
            "occupation_inferred",
            "statistics",
            "content",
            "related",
            "ladders",
            "salary_bands",
            "interview_processes",
            "market_pay",
            "same_occupation",
            "sources",
            "updated_at",
        ]

    def _market_pay(self, role: Role) -> list[MarketPay]:
        """The market pay cells the page shows: read once, for `market_pay` and `sources`.

        A caller that writes many pages (the rendering at load time) reads the cells of
        all their groups at once and gives them as `market_pay` in the context (by group).
        """
        if not hasattr(role, "_market_pay_cells"):
            group = role.occupation.group_id if role.occupation_id else None
            shown = self.context.get("market_pay")
            if shown is None:
                shown = market_pay_shown(groups=[group], region=self._market_region())
            role._market_pay_cells = shown.get(group, [])
        return role._market_pay_cells

    def _market_region(self) -> int | None:
        region = self.context.get("market_region", MISSING)
        if region is MISSING:  # written without a request (the export): the default
            region = market_region_default(dataset=self.context.get("dataset"))
        return region

    @extend_schema_field(MarketPaySerializer(many=True))
    # By default (the page the change feed lists) the national figures.
    @shows("occupation__group__market_pay", MarketPaySerializer, where=NATIONAL)
    def get_market_pay(self, role: Role) -> list[dict]:
        return MarketPaySerializer(self._market_pay(role), many=True, context=self.context).data

    @extend_schema_field(SourceRefSerializer(many=True))
    @shows()  # the sources every other field of the page names
    def get_sources(self, role: Role) -> list[dict]:
        rows = [
            role,
            *role.role_skills.all(),
            *role.statistics.all(),
            *role.content.all(),
            *role.related.all(),
            *role.ladders.all(),
            *role.salary_bands.all(),
            *role.interview_processes.all(),
            *self._market_pay(role),
        ]
        cited = {row.source_id for row in rows}
        sources = written_rows(SourceRefSerializer, cited, context=self.context)
        return sorted(sources, key=lambda source: source["slug"])
