"""The standard occupation classification: SOC groups as BLS publishes pay for them, O*NET
occupations with their titles, tasks, technology skills and related occupations, and the
job zones that say how much preparation an occupation needs."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import Q

from careerapi.db import CountField, DatasetModel, OrderedChild, SmallCountField, derived_from
from search.declaring import Searchable
from skills.models import Skill
from sources.models import Source

from .choices import RelatednessTier, SocLevel, TaskKind


class SocGroup(DatasetModel):
    """A code of the Standard Occupational Classification (SOC 2018) that BLS publishes
    market pay for, from all occupations (00-0000) and major groups (15-0000) down to
    detailed occupations (15-1252); titles as BLS gives them.

    `path` lists the codes from the top ("00-0000/15-0000/15-1200/15-1250/15-1252/"), so
    "this group and everything in it" is one indexed prefix match.
    """

    code = models.CharField(max_length=7, unique=True, help_text="The SOC code, e.g. 15-1252.")
    title = models.CharField(max_length=300)
    level = models.CharField(max_length=10, choices=SocLevel.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(max_length=60, db_index=True, editable=False)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")

    searchable = Searchable(type="soc-group", title=("title",), key="code", label="title")
    search_documents = GenericRelation("search.SearchDocument")

    class Meta:
        ordering = ["code"]
        verbose_name = "SOC group"

    def __str__(self):
        return f"{self.code} {self.title}"


class JobZone(DatasetModel):
    """One of O*NET's five job zones: how much education, experience and training an
    occupation needs."""

    zone = SmallCountField(unique=True, help_text="1 (little or no preparation) to 5 (extensive).")
    name = models.CharField(max_length=100)
    experience = models.TextField()
    education = models.TextField()
    job_training = models.TextField()
    examples = models.TextField()
    svp_range = models.CharField(
        max_length=40, help_text="The range of Specific Vocational Preparation, as O*NET gives it."
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["zone"]

    def __str__(self):
        return self.name


class Occupation(DatasetModel):
    """An O*NET-SOC occupation (15-1252.00 Software Developers): what it does, what it is
    called, its tasks and the technology it uses."""

    code = models.CharField(max_length=10, unique=True, help_text="The O*NET-SOC code.")
    title = models.CharField(max_length=200)
    description = models.TextField()
    job_zone = models.ForeignKey(
        JobZone, null=True, blank=True, on_delete=models.PROTECT, related_name="occupations"
    )
    group = models.ForeignKey(
        SocGroup,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="occupations",
        help_text="The SOC code BLS publishes market pay for: the occupation's own, or the "
        "nearest group above it where BLS publishes none for that code (13-1021 is in 13-1020).",
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")

    searchable = Searchable(
        type="occupation",
        title=("title",),
        names=("alternate_titles__title", "reported_titles__title"),
        body=("description",),
        key="code",
        label="title",
        aliases=(("alternate_titles__title", "alternate"), ("reported_titles__title", "reported")),
    )
    search_documents = GenericRelation("search.SearchDocument")

    class Meta:
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.title}"

    @derived_from("code")
    def soc_code(self) -> str:
        """The SOC code the O*NET-SOC code extends (15-1252 for 15-1252.00)."""
        return self.code[:7]


class AlternateTitle(OrderedChild):
    """Another name of an occupation, as job postings, employers or experts use it."""

    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="alternate_titles"
    )
    title = models.CharField(max_length=300)
    short_title = models.CharField(max_length=150, blank=True)
    sources = models.JSONField(
        default=list,
        help_text="O*NET's codes for where the title was found (01 to 10, e.g. 10: employer "
        "job postings), as its Alternate Titles file lists them.",
    )

    class Meta(OrderedChild.Meta):
        constraints = [
            models.UniqueConstraint(fields=["occupation", "position"], name="alt_title_position"),
        ]

    def __str__(self):
        return self.title


class ReportedTitle(OrderedChild):
    """A job title workers in the occupation reported in O*NET's surveys."""

    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="reported_titles"
    )
    title = models.CharField(max_length=300)
    shown_in_my_next_move = models.BooleanField(
        default=False, help_text="O*NET shows it on its My Next Move site."
    )

    class Meta(OrderedChild.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "position"], name="reported_title_position"
            ),
        ]

    def __str__(self):
        return self.title


class Task(OrderedChild):
    """A task statement of an occupation, with how O*NET rates it."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="tasks")
    task_id = CountField(unique=True, help_text="O*NET's Task ID.")
    statement = models.TextField()
    kind = models.CharField(
        max_length=20,
        choices=TaskKind.choices,
        blank=True,
        help_text="Core or supplemental; blank where O*NET gives no type.",
    )
    incumbents_responding = CountField(null=True, blank=True)
    date = models.CharField(max_length=7, help_text="When O*NET last rated it (YYYY-MM).")
    domain_source = models.CharField(max_length=40)

    class Meta(OrderedChild.Meta):
        constraints = [
            models.UniqueConstraint(fields=["occupation", "position"], name="task_position"),
        ]

    def __str__(self):
        return self.statement[:80]


class TechnologySkill(OrderedChild):
    """A technology an occupation uses (O*NET's Technology Skills), as one of the API's
    skills: whether employers' postings for this occupation ask for it."""

    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="technology_skills"
    )
    skill = models.ForeignKey(Skill, on_delete=models.PROTECT, related_name="occupation_links")
    example = models.CharField(max_length=200, help_text="The technology as O*NET names it.")
    commodity_code = CountField(help_text="Its UNSPSC commodity code.")
    commodity_title = models.CharField(max_length=200)
    hot_technology = models.BooleanField(
        default=False,
        help_text="O*NET marks the technology a Hot Technology (as its skill says too).",
    )
    in_demand = models.BooleanField(
        default=False,
        help_text="O*NET marks it In Demand: frequently in job postings for this occupation.",
    )

    class Meta(OrderedChild.Meta):
        constraints = [
            models.UniqueConstraint(fields=["occupation", "position"], name="technology_position"),
            models.UniqueConstraint(fields=["occupation", "skill"], name="technology_once"),
        ]
        indexes = [models.Index(fields=["skill", "occupation"], name="technology_by_skill")]

    def __str__(self):
        return f"{self.occupation_id}: {self.example}"


class RelatedOccupation(OrderedChild):
    """An occupation O*NET relates to another, with its tier and rank."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="related")
    related = models.ForeignKey(Occupation, on_delete=models.PROTECT, related_name="related_from")
    tier = models.CharField(max_length=20, choices=RelatednessTier.choices)
    rank = SmallCountField(help_text="O*NET's index, 1 for the most related.")

    class Meta(OrderedChild.Meta):
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "position"], name="related_occupation_position"
            ),
            models.CheckConstraint(condition=~Q(related=models.F("occupation")), name="not_self"),
        ]

    def __str__(self):
        return f"{self.occupation_id} → {self.related_id}"
