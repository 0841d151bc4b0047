"""Filters for the roles app's collections; every slug filter is named after its relation."""

import django_filters

from careerapi.api.filters import BaseFilterSet, SearchFilter, SlugsFilter, relevance_ordering
from dataset.versions import DatasetStamp
from occupations.filtersets import OccupationsFilter
from skills.choices import SkillCategory
from skills.models import Skill

from .models import Company, Family, Ladder, Level, Role
from .selectors import company_children


def company_and_organisations(companies, *, dataset: DatasetStamp | None) -> list[int]:
    """The companies' ids and those of every organisation under them (AWS under Amazon)."""
    children = company_children(dataset=dataset)
    ids = {company.id for company in companies}
    frontier = set(ids)
    while frontier:
        frontier = {child for parent in frontier for child in children.get(parent, ())} - ids
        ids |= frontier
    return sorted(ids)


class CompanyScopedFilter(SlugsFilter):
    """`company=amazon` also matches Amazon's organisations (Amazon Services, AWS)."""

    def __init__(self, *, field_name="company", **kwargs):
        super().__init__(queryset=Company.objects.all(), field_name=field_name, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        dataset = getattr(self.parent.request, "dataset", None)
        ids = company_and_organisations(value, dataset=dataset)
        return qs.filter(**{f"{self.field_name}__in": ids})


class FamilyFilterSet(BaseFilterSet):
    class Meta:
        model = Family
        fields = []


class CompanyFilterSet(BaseFilterSet):
    parent = SlugsFilter(queryset=Company.objects.all(), label="Organisations of these companies.")
    search = SearchFilter()
    ordering = relevance_ordering("name", "slug", default="name")

    class Meta:
        model = Company
        fields = []


class SkillFilterSet(BaseFilterSet):
    category = django_filters.MultipleChoiceFilter(
        choices=SkillCategory.choices, label="Skill category (repeatable: any of them)."
    )
    role = SlugsFilter(
        queryset=Role.objects.all(), field_name="role_skills__role", label="Skills of these roles."
    )
    search = SearchFilter()
    ordering = relevance_ordering("name", "slug", default="name")

    class Meta:
        model = Skill
        fields = []


class LadderFilterSet(BaseFilterSet):
    company = CompanyScopedFilter(label="Ladders of these companies and their organisations.")
    role = SlugsFilter(queryset=Role.objects.all(), label="Ladders of these roles.")

    class Meta:
        model = Ladder
        fields = []


class LevelFilterSet(BaseFilterSet):
    ladder = SlugsFilter(queryset=Ladder.objects.all(), label="Levels of these ladders.")
    company = CompanyScopedFilter(
        field_name="ladder__company", label="Levels of these companies' ladders."
    )
    role = SlugsFilter(
        queryset=Role.objects.all(), field_name="ladder__role", label="Levels of these roles."
    )

    class Meta:
        model = Level
        fields = []


class RoleFilterSet(BaseFilterSet):
    skill = SlugsFilter(
        queryset=Skill.objects.all(),
        field_name="role_skills__skill",
        conjoined=True,
        label="Roles that need ALL of these skills (repeat the parameter or separate with commas).",
    )
    skill_any = SlugsFilter(
        queryset=Skill.objects.all(),
        field_name="role_skills__skill",
        label="Roles that need ANY of these skills (repeat the parameter or separate with commas).",
    )
    company = CompanyScopedFilter(label="Roles at these companies or their organisations.")
    family = SlugsFilter(queryset=Family.objects.all(), label="Roles in these job families.")
    occupation = OccupationsFilter(
        label="Roles in these occupations: an O*NET-SOC code (15-1252.00), or a SOC code "
        "(15-1252, 15-1200) for every occupation in that SOC group.",
    )
    level = SlugsFilter(
        queryset=Level.objects.all(),
        field_name="ladders__levels",
        label="Roles whose career ladders include these levels.",
    )
    search = SearchFilter()
    ordering = relevance_ordering("title", "slug", "updated_at", default="title")

    class Meta:
        model = Role
        fields = []
