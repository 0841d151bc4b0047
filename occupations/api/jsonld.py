"""An O*NET occupation as schema.org describes an Occupation (JSON-LD): its codes in the
O*NET-SOC and SOC classifications, and what O*NET says it takes.

The occupation page (careerapi/occupation_page/) adds the market pay; a role page names its
occupation's codes with `occupational_category`.
"""

from careerapi.api.jsonld import jsonld_node
from occupations.models import Occupation

#: The code sets an occupation's codes are in, as their publishers name them.
ONET_SOC = jsonld_node(
    "CategoryCodeSet",
    name="O*NET-SOC 2019 Taxonomy",
    url="https://www.onetcenter.org/taxonomy.html",
)
SOC = jsonld_node(
    "CategoryCodeSet",
    name="2018 Standard Occupational Classification (SOC)",
    url="https://www.bls.gov/soc/2018/",
)


def occupational_category(occupation: Occupation) -> list[dict]:
    """The occupation's O*NET-SOC code, and the SOC 2018 code it extends (with BLS's title
    where the occupation's SOC group is that code)."""
    group = occupation.group if occupation.group_id else None
    soc_title = group.title if group is not None and group.code == occupation.soc_code else None
    return [
        jsonld_node(
            "CategoryCode", codeValue=occupation.code, name=occupation.title, inCodeSet=ONET_SOC
        ),
        jsonld_node("CategoryCode", codeValue=occupation.soc_code, name=soc_title, inCodeSet=SOC),
    ]


def occupation_properties(occupation: Occupation) -> dict:
    """What O*NET says of the occupation, as schema.org's Occupation properties: titles,
    description, tasks, technology skills, and its job zone's education, experience and
    training. Reads the prefetched `alternate_titles`, `tasks`, `technology_skills` (with
    their skill) and the `job_zone`."""
    zone = occupation.job_zone if occupation.job_zone_id else None
    skills = [link.skill.name for link in occupation.technology_skills.all()]
    return {
        "name": occupation.title,
        "alternateName": [title.title for title in occupation.alternate_titles.all()],
        "description": occupation.description,
        "occupationalCategory": occupational_category(occupation),
        "responsibilities": [task.statement for task in occupation.tasks.all()],
        "skills": list(dict.fromkeys(skills)),
        "educationRequirements": [zone.education] if zone else None,
        "experienceRequirements": zone.experience if zone else None,
        "qualifications": [zone.job_training] if zone else None,
    }
