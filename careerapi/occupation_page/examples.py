"""The occupation page's JSON-LD example, taken from the seed dataset (its JSON example is
the occupations app's)."""

from drf_spectacular.utils import OpenApiExample

from occupations.api.examples import SOFTWARE_DEVELOPERS_JSONLD_CODES

OCCUPATION_JSONLD = OpenApiExample(
    "Occupation page in JSON-LD",
    summary="Software Developers as a schema.org Occupation (trimmed)",
    description="`url` is there when the server has `PUBLIC_BASE_URL` set (here "
    "`https://careerapi.example`); without it the document has no `url`.",
    media_type="application/ld+json",
    value={
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": "Software Developers",
        "alternateName": [".NET Developer", "Android Developer"],
        "description": "Research, design, and develop computer and network software or "
        "specialized utility programs. …",
        "occupationalCategory": SOFTWARE_DEVELOPERS_JSONLD_CODES,
        "responsibilities": [
            "Analyze user needs and software requirements to determine feasibility of design "
            "within time and cost constraints."
        ],
        "skills": ["Python", "Git"],
        "educationRequirements": [
            "Most of these occupations require a four-year bachelor's degree, but some do not."
        ],
        "experienceRequirements": "A considerable amount of work-related skill, knowledge, or "
        "experience is needed for these occupations. …",
        "qualifications": [
            "Employees in these occupations usually need several years of work-related "
            "experience, on-the-job training, and/or vocational training."
        ],
        "url": "https://careerapi.example/api/v1/occupations/15-1252.00/",
        "estimatedSalary": [
            {
                "@type": "MonetaryAmountDistribution",
                "name": "Software Developers, United States: BLS OEWS annual wages",
                "currency": "USD",
                "duration": "P1Y",
                "percentile10": 82460,
                "percentile25": 105210,
                "median": 135980,
                "percentile75": 171980,
                "percentile90": 214670,
            },
            {
                "@type": "MonetaryAmountDistribution",
                "name": "Software Developers, United States: BLS OEWS hourly wages",
                "currency": "USD",
                "duration": "PT1H",
                "percentile10": 39.64,
                "percentile25": 50.58,
                "median": 65.38,
                "percentile75": 82.68,
                "percentile90": 103.21,
            },
        ],
        "occupationLocation": [{"@type": "Country", "name": "United States", "identifier": "US"}],
        "subjectOf": [
            {
                "@type": "CreativeWork",
                "name": "Occupational Employment and Wage Statistics, May 2025",
                "url": "https://www.bls.gov/oes/",
                "publisher": {"@type": "Organization", "name": "U.S. Bureau of Labor Statistics"},
                "creditText": "Source: U.S. Bureau of Labor Statistics, Occupational "
                "Employment and Wage Statistics, May 2025",
            }
        ],
    },
    response_only=True,
)
