"""Filters for SOC groups, job zones and occupations; every slug filter is named after its
relation. Codes match in any case and an occupation's code with or without its `.00`."""

import re

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Q
from drf_spectacular.utils import extend_schema_field

from careerapi.api.filters import (
    BaseFilterSet,
    SearchFilter,
    SlugListField,
    SlugsFilter,
    relevance_ordering,
    unknown_error,
)
from dataset.versions import DatasetStamp
from skills.models import Skill

from .choices import SocLevel
from .models import JobZone, Occupation, SocGroup
from .selectors import occupation_groups, soc_group_paths

SOC_CODE_PATTERN = r"^[0-9]{2}-[0-9]{4}$"
OCCUPATION_CODE_PATTERN = r"^[0-9]{2}-[0-9]{4}(\.[0-9]{2})?$"
_OCCUPATION_CODE = re.compile(OCCUPATION_CODE_PATTERN)


class OccupationCodeListField(SlugListField):
    """SOC codes (15-1252) or O*NET-SOC codes (15-1252.00); an O*NET-SOC code names the SOC
    group BLS publishes market pay for (13-1021.00 names 13-1020)."""

    def clean(self, value) -> list[str]:
        values = self.to_python(value)
        if not all(values):
            raise ValidationError("an empty code (check the commas).", code="invalid")
        malformed = [v for v in values if not _OCCUPATION_CODE.match(v)]
        if malformed:
            raise ValidationError(
                "%(values)s: not a SOC code (15-1252) or an O*NET-SOC code (15-1252.00).",
                params={"values": ", ".join(repr(v) for v in malformed)},
            )
        return values

    def resolve(self, values: list[str], *, dataset: DatasetStamp | None) -> list:
        groups = occupation_groups(dataset=dataset)
        unknown = [v for v in values if "." in v and groups.get(v) is None]
        if unknown:
            raise unknown_error(
                "no SOC group with market pay for occupation %(values)s.",
                model=SocGroup,
                values=unknown,
                dataset=dataset,
            )
        return super().resolve([groups.get(v, v) for v in values], dataset=dataset)


@extend_schema_field({"type": "string", "pattern": OCCUPATION_CODE_PATTERN})
class OccupationCodesFilter(SlugsFilter):
    """`occupation=15-1252` (or 15-1252.00): the SOC group itself, not the codes under it."""

    field_class = OccupationCodeListField

    def __init__(self, **kwargs):
        super().__init__(queryset=SocGroup.objects.all(), lookups=("code",), **kwargs)


@extend_schema_field({"type": "string", "pattern": SOC_CODE_PATTERN})
class SocGroupsFilter(SlugsFilter):
    """`group=15-1200` matches every occupation in the group, at any depth below it."""

    def __init__(self, **kwargs):
        super().__init__(
            queryset=SocGroup.objects.all(), lookups=("code",), carry=("path",), **kwargs
        )

    def filter(self, qs, value):
        if not value:
            return qs
        match = Q()
        for group in value:
            match |= Q(**{f"{self.field_name}__path__startswith": group.path})
        return qs.filter(match)


class SocGroupFilterSet(BaseFilterSet):
    level = django_filters.MultipleChoiceFilter(
        choices=SocLevel.choices, label="Level in the classification (repeatable: any of them)."
    )
    parent = SocGroupsFilter(
        field_name="parent", label="Groups inside these SOC groups, at any depth (15-1200)."
    )
    search = SearchFilter(codes="code")
    ordering = relevance_ordering("code", "title", default="code")

    class Meta:
        model = SocGroup
        fields = []


class JobZoneFilterSet(BaseFilterSet):
    class Meta:
        model = JobZone
        fields = []


class ZoneListField(SlugListField):
    """Job zones by number (1 to 5)."""

    def clean(self, value) -> list[str]:
        values = self.to_python(value)
        malformed = [v for v in values if not (len(v) == 1 and v.isdigit())]
        if malformed:
            raise ValidationError(
                "%(values)s: not a job zone (1 to 5).",
                params={"values": ", ".join(repr(v) for v in malformed)},
            )
        return values


@extend_schema_field({"type": "integer", "minimum": 1, "maximum": 5})
class JobZonesFilter(SlugsFilter):
    field_class = ZoneListField


class OccupationFilterSet(BaseFilterSet):
    group = SocGroupsFilter(
        label="Occupations in these SOC groups, at any depth: a major group (15-0000), minor "
        "group (15-1200), broad occupation (15-1250) or detailed occupation (15-1252)."
    )
    job_zone = JobZonesFilter(
        queryset=JobZone.objects.all(),
        lookups=("zone",),
        label="Occupations in these job zones (1 to 5; repeat or separate with commas).",
    )
    skill = SlugsFilter(
        queryset=Skill.objects.all(),
        field_name="technology_skills__skill",
        conjoined=True,
        label="Occupations that use ALL of these technologies, by skill slug (python).",
    )
    skill_any = SlugsFilter(
        queryset=Skill.objects.all(),
        field_name="technology_skills__skill",
        label="Occupations that use ANY of these technologies, by skill slug.",
    )
    hot_technology = SlugsFilter(
        queryset=Skill.objects.filter(hot_technology=True),
        field_name="technology_skills__skill",
        label="Occupations that use ANY of these Hot Technologies (technologies O*NET finds "
        "often in job postings); a skill that is not one is a 400.",
    )
    in_demand = SlugsFilter(
        queryset=Skill.objects.all(),
        method="filter_in_demand",
        label="Occupations whose job postings ask for ALL of these technologies often "
        "(O*NET's In Demand, per occupation).",
    )
    search = SearchFilter(codes="code")
    ordering = relevance_ordering("code", "title", default="code")

    class Meta:
        model = Occupation
        fields = []

    def filter_in_demand(self, queryset, name, value):
        for skill in value:
            queryset = queryset.filter(
                technology_skills__skill=skill, technology_skills__in_demand=True
            )
        return queryset.distinct()


class OccupationListField(OccupationCodeListField):
    """O*NET-SOC codes (that occupation) or SOC codes (every occupation with that code, or
    in that group)."""

    def resolve(self, values: list[str], *, dataset: DatasetStamp | None) -> list:
        occupations = occupation_groups(dataset=dataset)
        paths = soc_group_paths(dataset=dataset)
        socs = paths.keys() | {code[:7] for code in occupations}  # 13-1021 for 13-1021.00
        unknown = [v for v in values if v not in (occupations if "." in v else socs)]
        if unknown:
            raise unknown_error(
                "unknown occupation %(values)s.",
                model=Occupation,
                values=unknown,
                dataset=dataset,
            )
        return values


@extend_schema_field({"type": "string", "pattern": OCCUPATION_CODE_PATTERN})
class OccupationsFilter(SlugsFilter):
    """`occupation=15-1252.00` matches that occupation; `occupation=15-1200` (a SOC code)
    every occupation in that SOC group, at any depth."""

    field_class = OccupationListField

    def __init__(self, **kwargs):
        super().__init__(queryset=Occupation.objects.all(), lookups=("code",), **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        paths = soc_group_paths(dataset=getattr(self.parent.request, "dataset", None))
        match = Q(**{f"{self.field_name}__code__in": [v for v in value if "." in v]})
        for code in (v for v in value if "." not in v):
            match |= Q(**{f"{self.field_name}__code__startswith": f"{code}."})
            if code in paths:  # and the occupations BLS files under the group
                match |= Q(**{f"{self.field_name}__group__path__startswith": paths[code]})
        return qs.filter(match)
