"""Response examples for the OpenAPI documentation, taken from O*NET 29.2 and BLS OEWS
May 2025 as the dataset holds them (lists trimmed)."""

from drf_spectacular.utils import OpenApiExample

from careerapi.api.examples import TIMESTAMP
from sources.api.examples import OEWS, ONET

SOFTWARE_DEVELOPERS_GROUP = {"code": "15-1252", "title": "Software Developers", "level": "detailed"}

SOC_GROUP = OpenApiExample(
    "SOC group",
    summary="Software Developers (15-1252)",
    value={
        **SOFTWARE_DEVELOPERS_GROUP,
        "parent": "15-1250",
        "source": OEWS,
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)

JOB_ZONE = OpenApiExample(
    "Job zone",
    summary="Job Zone Four",
    value={
        "zone": 4,
        "name": "Job Zone Four: Considerable Preparation Needed",
        "experience": (
            "A considerable amount of work-related skill, knowledge, or experience is needed "
            "for these occupations. For example, an accountant must complete four years of "
            "college and work for several years in accounting to be considered qualified."
        ),
        "education": "Most of these occupations require a four-year bachelor's degree, but some "
        "do not.",
        "job_training": (
            "Employees in these occupations usually need several years of work-related "
            "experience, on-the-job training, and/or vocational training."
        ),
        "examples": (
            "Many of these occupations involve coordinating, supervising, managing, or training "
            "others. Examples include real estate brokers, sales managers, database "
            "administrators, graphic designers, conservation scientists, art directors, and cost "
            "estimators."
        ),
        "svp_range": "(7.0 to < 8.0)",
        "source": ONET,
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)

SOFTWARE_DEVELOPERS = {
    "code": "15-1252.00",
    "soc_code": "15-1252",
    "title": "Software Developers",
    "description": (
        "Research, design, and develop computer and network software or specialized utility "
        "programs. Analyze user needs and develop software solutions, applying principles and "
        "techniques of computer science, engineering, and mathematical analysis. Update "
        "software or enhance existing software capabilities. May work with computer hardware "
        "engineers to integrate hardware and software systems, and develop specifications and "
        "performance requirements. May maintain databases within an application area, working "
        "individually or coordinating database development as part of a team."
    ),
}

OCCUPATION = OpenApiExample(
    "Occupation",
    summary="Software Developers",
    value={
        **SOFTWARE_DEVELOPERS,
        "job_zone": 4,
        "group": SOFTWARE_DEVELOPERS_GROUP,
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)

OCCUPATION_DETAIL = OpenApiExample(
    "Occupation page",
    summary="Software Developers (trimmed)",
    value={
        **SOFTWARE_DEVELOPERS,
        "job_zone": {k: v for k, v in JOB_ZONE.value.items()},
        "group": SOFTWARE_DEVELOPERS_GROUP,
        "groups": ["15-0000", "15-1200", "15-1250", "15-1252"],
        "alternate_titles": [
            {"title": ".NET Developer", "short_title": "", "sources": ["08"]},
            {"title": "Software Engineer", "short_title": "", "sources": ["02", "04", "10"]},
        ],
        "reported_titles": [{"title": "Application Developer", "shown_in_my_next_move": True}],
        "tasks": [
            {
                "task_id": 21662,
                "statement": (
                    "Analyze user needs and software requirements to determine feasibility of "
                    "design within time and cost constraints."
                ),
                "kind": None,
                "incumbents_responding": None,
                "date": "2020-11",
                "domain_source": "Analyst",
            }
        ],
        "technology_skills": [
            {
                "skill": "python",
                "name": "Python",
                "example": "Python",
                "commodity_code": 43232405,
                "commodity_title": "Object or component oriented development software",
                "hot_technology": True,
                "in_demand": True,
            }
        ],
        "related": [
            {
                "code": "15-1299.08",
                "title": "Computer Systems Engineers/Architects",
                "tier": "primary_short",
                "rank": 1,
            }
        ],
        "source": ONET,
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)

# Software Developers' codes as the JSON-LD pages give them (`occupationalCategory`),
# for both pages' examples.
SOFTWARE_DEVELOPERS_JSONLD_CODES = [
    {
        "@type": "CategoryCode",
        "codeValue": "15-1252.00",
        "name": "Software Developers",
        "inCodeSet": {
            "@type": "CategoryCodeSet",
            "name": "O*NET-SOC 2019 Taxonomy",
            "url": "https://www.onetcenter.org/taxonomy.html",
        },
    },
    {
        "@type": "CategoryCode",
        "codeValue": "15-1252",
        "name": "Software Developers",
        "inCodeSet": {
            "@type": "CategoryCodeSet",
            "name": "2018 Standard Occupational Classification (SOC)",
            "url": "https://www.bls.gov/soc/2018/",
        },
    },
]
