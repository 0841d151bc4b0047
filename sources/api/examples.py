"""Response examples for the sources, taken from the seed dataset; the other apps' examples
nest the source references too."""

from drf_spectacular.utils import OpenApiExample

from careerapi.api.examples import TIMESTAMP

# Sources as items nest them (`SourceRefSerializer`); the other apps' examples use them too.
HIMALAYAS_GUIDE = {
    "slug": "himalayas-amazon-engineer-guide",
    "title": "Complete Amazon Engineer Career Guide",
    "attribution": "Complete Amazon Engineer Career Guide — Himalayas",
}
AMAZON_SWE_GUIDE = {
    "slug": "amazon-swe-interview-guide",
    "title": "Amazon Software Engineer Interview",
    "attribution": "Amazon Software Engineer Interview",
}
AMAZON_SERVICES_GUIDE = {
    "slug": "amazon-services-swe-interview-guide",
    "title": "Software Engineer at Amazon Services interview guide",
    "attribution": "Software Engineer at Amazon Services interview guide",
}
JOBDESCRIPTION_AWS_DEVELOPER = {
    "slug": "jobdescription-org-aws-developer",
    "title": "AWS Developer",
    "attribution": "AWS Developer — JobDescription.org",
}
# The public releases, as the loader names them.
ONET = {
    "slug": "onet-29-2",
    "title": "O*NET 29.2 Database",
    "attribution": (
        "O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training "
        "Administration (USDOL/ETA). Used under the CC BY 4.0 license. Modified: reshaped into "
        "this API's resources."
    ),
}
OEWS = {
    "slug": "bls-oews-2025a01",
    "title": "Occupational Employment and Wage Statistics, May 2025",
    "attribution": (
        "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, "
        "May 2025"
    ),
}

SOURCE = OpenApiExample(
    "Source",
    summary="A career guide",
    value={
        "slug": "himalayas-amazon-engineer-guide",
        "title": "Complete Amazon Engineer Career Guide",
        "publisher": "Himalayas",
        "file": "000_094b3d4c200d0bab.txt",
        "url": "",
        "covers": (
            "The Amazon Engineer role: responsibilities, work environment, tools, skills, "
            "education paths, salaries by level and by country, career path from Junior to "
            "Principal, the interview loop, emerging specialisations, pros and cons, market "
            "outlook and related careers."
        ),
        "as_of": None,
        "as_of_note": (
            'The page carries no publication date; it describes the 2025 market ("2025 Market '
            'Reality for Amazon Engineers") and cites BLS projections for 2022–32.'
        ),
        "licence": "",
        "citation": "",
        "attribution": "Complete Amazon Engineer Career Guide — Himalayas",
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)
