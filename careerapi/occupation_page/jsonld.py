"""The occupation page as schema.org JSON-LD (`Accept: application/ld+json`): an O*NET
occupation as an `Occupation`, with the BLS market pay of its SOC group in the United States
as its estimated salary, for a job board to embed in its page for search engines.

What O*NET says is mapped by `occupations.api.jsonld`, the pay by `compensation.api.jsonld`;
this module composes them, as the page nests the pay of one app in the item of another.
"""

from django.db.models import Prefetch

from careerapi.api.jsonld import jsonld_document
from compensation.api.jsonld import market_pay_distributions, region_places
from compensation.models import MarketPay
from occupations.api.jsonld import occupation_properties
from occupations.models import Occupation, TechnologySkill
from sources.api.jsonld import source_works

#: Where the estimated salary is for: BLS's national figures (its OEWS area code).
NATIONAL_AREA = "0000000"

#: Everything the document reads of the occupation, in a fixed number of queries.
OCCUPATION_JSONLD_QUERYSET = Occupation.objects.select_related(
    "job_zone__source", "group", "source"
).prefetch_related(
    "alternate_titles",
    "tasks",
    Prefetch("technology_skills", queryset=TechnologySkill.objects.select_related("skill")),
)


def occupation_market_pay(occupation: Occupation) -> list[MarketPay]:
    """The national BLS cell of the occupation's SOC group (none without a group or figures)."""
    if occupation.group_id is None:
        return []
    return list(
        MarketPay.objects.filter(
            occupation_id=occupation.group_id, region__area_code=NATIONAL_AREA
        ).select_related("occupation", "region", "source")
    )


def occupation_jsonld(occupation: Occupation, *, url: str | None) -> dict:
    """The occupation (read with `OCCUPATION_JSONLD_QUERYSET`) as a schema.org Occupation at
    `url` (absolute; None leaves it out), with its national market pay."""
    cells = occupation_market_pay(occupation)
    zone = occupation.job_zone if occupation.job_zone_id else None
    sources = [occupation.source, *([zone.source] if zone else []), *(c.source for c in cells)]
    return jsonld_document(
        "Occupation",
        **occupation_properties(occupation),
        url=url,
        estimatedSalary=[item for cell in cells for item in market_pay_distributions(cell)],
        occupationLocation=region_places([cell.region for cell in cells]),
        subjectOf=source_works(sources),
    )
