"""The role page's rows: a role and everything its page nests, read with a fixed number of
queries whether for one role (a request) or a chunk of them (the rendering at load time)."""

from django.db.models import Prefetch, QuerySet

from compensation.models import SalaryBand
from interviews.models import InterviewProcess, InterviewStage
from roles.models import Ladder, Level, Role, RoleSkill

#: The order of the page's salary bands: by level, then slug.
SALARY_BAND_ORDER = ("level__position", "slug")


def salary_bands_shown() -> QuerySet[SalaryBand]:
    """Every band of a role, in the page's order."""
    return SalaryBand.objects.order_by(*SALARY_BAND_ORDER)


def role_page_queryset(*, salary_bands: QuerySet[SalaryBand] | None = None) -> QuerySet[Role]:
    """Roles with every row their page shows; `salary_bands`: the bands to prefetch (by
    default all of them, in the page's order)."""
    bands = salary_bands_shown() if salary_bands is None else salary_bands
    return Role.objects.select_related(
        "company", "family", "source", "occupation"
    ).prefetch_related(
        Prefetch(
            "role_skills",
            queryset=RoleSkill.objects.select_related("skill", "source").order_by("skill__name"),
        ),
        "statistics__source",
        "content__source",
        "related__source",
        "related__related_role",
        Prefetch(
            "same_occupation",
            queryset=Role.objects.select_related("company")
            .prefetch_related(Prefetch("ladders", queryset=Ladder.objects.order_by("name")))
            .order_by("title", "slug"),
        ),
        Prefetch(
            "ladders",
            queryset=Ladder.objects.select_related("company", "role", "source")
            .prefetch_related(Prefetch("levels", queryset=Level.objects.order_by("position")))
            .order_by("name"),
        ),
        Prefetch("salary_bands", queryset=bands),
        Prefetch(
            "interview_processes",
            queryset=InterviewProcess.objects.select_related("company", "source")
            .prefetch_related(
                Prefetch("stages", queryset=InterviewStage.objects.order_by("position"))
            )
            .order_by("name"),
        ),
    )
