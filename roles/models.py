"""Companies, job families, roles with their content and skills, and career ladders."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q

from careerapi.db import DatasetModel, OrderedChild, SmallCountField, derived_from
from occupations.models import Occupation
from search.declaring import Searchable
from skills.models import Skill
from sources.models import Source

from .choices import (
    IMPORTANCE_WEIGHTS,
    CompanyKind,
    ContentKind,
    Importance,
    StatisticKind,
)


class Family(DatasetModel):
    """A job family such as Software Engineering."""

    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)
    description = models.TextField(blank=True)

    searchable = Searchable(type="family")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "families"

    def __str__(self):
        return self.name


class Company(DatasetModel):
    """An employer, or an organisation inside one (AWS under Amazon)."""

    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=CompanyKind.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    description = models.TextField(blank=True)
    sources = models.ManyToManyField(Source, related_name="companies")

    searchable = Searchable(type="company", title=("name",), body=("description",))
    search_documents = GenericRelation("search.SearchDocument")

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "companies"

    def __str__(self):
        return self.name


class Statistic(OrderedChild):
    """A figure with its basis, period and source, as the text states it."""

    kind = models.CharField(max_length=30, choices=StatisticKind.choices)
    value = models.DecimalField(max_digits=16, decimal_places=4)
    value_max = models.DecimalField(
        max_digits=16, decimal_places=4, null=True, blank=True, help_text="Upper end of a range."
    )
    approximate = models.BooleanField(default=False)
    open_ended = models.BooleanField(default=False, help_text="A lower bound, e.g. 12,000+.")
    unit = models.CharField(max_length=20)
    basis = models.TextField()
    period = models.CharField(max_length=100, blank=True)
    quote = models.TextField()
    interpretation = models.TextField(blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")

    class Meta(OrderedChild.Meta):
        abstract = True

    def __str__(self):
        return f"{self.get_kind_display()}: {self.value} {self.unit}"


class CompanyStatistic(Statistic):
    """A figure about a company (employee count, employer rating)."""

    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="statistics")

    class Meta(Statistic.Meta):
        constraints = [
            models.UniqueConstraint(fields=["company", "position"], name="company_stat_position"),
        ]


class Role(DatasetModel):
    """A job role, at a company or industry-wide (company empty)."""

    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=200)
    family = models.ForeignKey(
        Family, null=True, blank=True, on_delete=models.PROTECT, related_name="roles"
    )
    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.PROTECT, related_name="roles"
    )
    summary = models.TextField(blank=True)
    source = models.ForeignKey(
        Source, on_delete=models.PROTECT, related_name="+", help_text="Source of title and summary."
    )
    experience_years_min = SmallCountField(null=True, blank=True)
    experience_years_max = SmallCountField(null=True, blank=True)
    experience_quote = models.TextField(blank=True)
    employer_types = models.JSONField(default=list, blank=True)
    skills = models.ManyToManyField(Skill, through="RoleSkill", related_name="roles")
    occupation = models.ForeignKey(
        Occupation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="roles",
        help_text="Where the role sits in the standard classification (O*NET-SOC).",
    )
    occupation_basis = models.TextField(
        blank=True, help_text="Why the role is that occupation, with the words it rests on."
    )
    occupation_inferred = models.BooleanField(
        default=False,
        help_text="The mapping is the curators' judgement (the basis says why), not what the "
        "source itself states.",
    )
    same_occupation = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="+",
        help_text="The other roles of the same company (its organisations included) in the "
        "same occupation: linked by the loader from each role's company and occupation.",
    )

    searchable = Searchable(
        type="role",
        title=("title", "company__name"),
        names=("family__name", "occupation__title", "company__parent__name"),
        body=("summary", "role_skills__skill__name", "role_skills__skill__aliases__name"),
        label="title",
    )
    search_documents = GenericRelation("search.SearchDocument")

    class Meta:
        ordering = ["title", "slug"]
        # The list's default order: a page is read from the index, not a sort of every role.
        indexes = [models.Index(fields=["title", "slug"], name="role_list_order")]
        constraints = [
            models.CheckConstraint(
                condition=Q(experience_years_max__isnull=True)
                | Q(experience_years_min__lte=F("experience_years_max")),
                name="role_experience_min_lte_max",
            ),
            models.CheckConstraint(
                condition=Q(occupation__isnull=True) | ~Q(occupation_basis=""),
                name="role_occupation_has_basis",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.company})" if self.company_id else self.title


class RoleStatistic(Statistic):
    """An outlook figure for a role: median salary, growth %, annual openings."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="statistics")

    class Meta(Statistic.Meta):
        constraints = [
            models.UniqueConstraint(fields=["role", "position"], name="role_stat_position"),
        ]


class RoleSkill(DatasetModel):
    """A skill a role needs, with how strongly the source asks for it."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="role_skills")
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="role_skills")
    importance = models.CharField(max_length=20, choices=Importance.choices)
    quote = models.TextField(blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["role", "skill__name"]
        constraints = [
            models.UniqueConstraint(fields=["role", "skill"], name="role_skill_unique"),
        ]
        indexes = [models.Index(fields=["skill", "role"], name="role_skill_by_skill")]

    def __str__(self):
        return f"{self.role} — {self.skill} ({self.importance})"

    @derived_from("importance")
    def weight(self) -> int:
        return IMPORTANCE_WEIGHTS[self.importance]


class RoleContent(OrderedChild):
    """A passage about a role: a responsibility, an FAQ entry, a specialisation …"""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="content")
    kind = models.CharField(max_length=30, choices=ContentKind.choices)
    title = models.CharField(max_length=300, blank=True)
    body = models.TextField()
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")

    class Meta(OrderedChild.Meta):
        verbose_name_plural = "role content"
        constraints = [
            models.UniqueConstraint(fields=["role", "position"], name="role_content_position"),
        ]
        indexes = [models.Index(fields=["role", "kind"], name="role_content_kind")]

    def __str__(self):
        return f"{self.role} — {self.get_kind_display()} {self.position}"


class RelatedRole(OrderedChild):
    """A career the source relates to a role; linked when the dataset holds it."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="related")
    name = models.CharField(max_length=200)
    related_role = models.ForeignKey(
        Role, null=True, blank=True, on_delete=models.PROTECT, related_name="related_from"
    )
    description = models.TextField(blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")

    class Meta(OrderedChild.Meta):
        constraints = [
            models.UniqueConstraint(fields=["role", "position"], name="related_role_position"),
        ]

    def __str__(self):
        return f"{self.role} → {self.name}"


class Ladder(DatasetModel):
    """An ordered career ladder of a company or a role."""

    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)
    company = models.ForeignKey(
        Company, null=True, blank=True, on_delete=models.PROTECT, related_name="ladders"
    )
    role = models.ForeignKey(
        Role, null=True, blank=True, on_delete=models.PROTECT, related_name="ladders"
    )
    description = models.TextField(blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")

    searchable = Searchable(type="ladder")

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Level(OrderedChild):
    """A rung of a ladder; `years_max` empty means open-ended ("10+")."""

    ladder = models.ForeignKey(Ladder, on_delete=models.CASCADE, related_name="levels")
    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)
    code = models.CharField(max_length=20, blank=True, help_text="Internal code such as L4.")
    years_min = SmallCountField(null=True, blank=True)
    years_max = SmallCountField(null=True, blank=True)
    years_quote = models.TextField(blank=True)
    scope = models.TextField(blank=True)
    focus_areas = models.TextField(blank=True)
    quote = models.TextField(blank=True)

    class Meta(OrderedChild.Meta):
        ordering = ["ladder", "position"]
        constraints = [
            models.UniqueConstraint(fields=["ladder", "position"], name="level_position"),
            models.CheckConstraint(
                condition=Q(years_max__isnull=True) | Q(years_min__lte=F("years_max")),
                name="level_years_min_lte_max",
            ),
        ]

    searchable = Searchable(type="level")

    def __str__(self):
        return f"{self.name} ({self.code})" if self.code else self.name
