"""The role page as schema.org JSON-LD (`Accept: application/ld+json`): the role as an
`Occupation`, for a job board to embed in its page for search engines.

What it says, each from the role's own data: title and summary; the O*NET-SOC and SOC codes
of its occupation; its salary bands as estimated salaries, and their regions as where it is
paid; its skills; its certifications, qualifications and education paths; its experience (in
months, from the years the source gives, the role's and its ladders' levels') and
responsibilities; and the sources of all of it. The occupation's BLS market pay is on
the occupation's own page.
"""

from django.db.models import Prefetch

from careerapi.api.jsonld import jsonld_document, jsonld_node
from compensation.api.jsonld import region_places, salary_band_estimate
from compensation.models import SalaryBand
from occupations.api.jsonld import occupational_category
from roles.choices import ContentKind
from roles.models import Ladder, Level, Role, RoleContent, RoleSkill
from skills.choices import SkillCategory
from sources.api.jsonld import source_works
from sources.models import Source

#: The content passages the document quotes, by the property they go in.
CONTENT_KINDS = (ContentKind.RESPONSIBILITY, ContentKind.QUALIFICATION, ContentKind.EDUCATION_PATH)
MONTHS = 12
EXPERIENCE = "OccupationalExperienceRequirements"

#: Everything the document reads, in a fixed number of queries.
ROLE_JSONLD_QUERYSET = Role.objects.select_related("source", "occupation__group").prefetch_related(
    Prefetch(
        "role_skills",
        queryset=RoleSkill.objects.select_related("skill", "source").order_by("skill__name"),
    ),
    Prefetch(
        "content",
        queryset=RoleContent.objects.filter(kind__in=CONTENT_KINDS)
        .select_related("source")
        .order_by("position"),
    ),
    Prefetch(
        "ladders",
        queryset=Ladder.objects.prefetch_related(
            Prefetch("levels", queryset=Level.objects.order_by("position"))
        ).order_by("name"),
    ),
    Prefetch(
        "salary_bands",
        queryset=SalaryBand.objects.select_related(
            "level", "region", "currency", "source"
        ).order_by("level__position", "slug"),
    ),
)


def _passages(role: Role, kind: str) -> list[str]:
    return [passage.body for passage in role.content.all() if passage.kind == kind]


def _experience(role: Role) -> list[dict | str]:
    """The experience the source asks for: at least `experience_years_min` years, as
    schema.org counts it (months), with the source's words (else its words alone); then
    each level of the role's career ladders that says how many years it takes."""
    found: list[dict | str] = []
    if role.experience_years_min is not None:
        found.append(
            jsonld_node(
                EXPERIENCE,
                monthsOfExperience=role.experience_years_min * MONTHS,
                description=role.experience_quote,
            )
        )
    elif role.experience_quote:
        found.append(role.experience_quote)
    for ladder in role.ladders.all():
        found += [
            jsonld_node(
                EXPERIENCE,
                name=level.name,
                monthsOfExperience=level.years_min * MONTHS,
                description=level.years_quote,
            )
            for level in ladder.levels.all()
            if level.years_min is not None
        ]
    return found


def role_jsonld(role: Role, *, url: str | None) -> dict:
    """The role (read with `ROLE_JSONLD_QUERYSET`) as a schema.org Occupation at `url`
    (absolute; None leaves it out)."""
    skills = [link.skill for link in role.role_skills.all()]
    certifications = [
        jsonld_node(
            "EducationalOccupationalCredential", name=skill.name, credentialCategory="certification"
        )
        for skill in skills
        if skill.category == SkillCategory.CERTIFICATION
    ]
    bands = list(role.salary_bands.all())
    sources: list[Source] = [
        role.source,
        *(link.source for link in role.role_skills.all()),
        *(passage.source for passage in role.content.all()),
        *(band.source for band in bands),
    ]
    return jsonld_document(
        "Occupation",
        name=role.title,
        description=role.summary,
        url=url,
        occupationalCategory=occupational_category(role.occupation) if role.occupation_id else None,
        estimatedSalary=[salary_band_estimate(band) for band in bands],
        occupationLocation=region_places([band.region for band in bands]),
        skills=[skill.name for skill in skills if skill.category != SkillCategory.CERTIFICATION],
        qualifications=[*certifications, *_passages(role, ContentKind.QUALIFICATION)],
        educationRequirements=_passages(role, ContentKind.EDUCATION_PATH),
        experienceRequirements=_experience(role),
        responsibilities=_passages(role, ContentKind.RESPONSIBILITY),
        subjectOf=source_works(sources),
    )
