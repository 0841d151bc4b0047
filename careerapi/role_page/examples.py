"""The role page's response example, taken from the seed dataset."""

from drf_spectacular.utils import OpenApiExample

from careerapi.api.examples import TIMESTAMP
from compensation.api.examples import MARKET_PAY_US, SALARY_BAND
from occupations.api.examples import SOFTWARE_DEVELOPERS, SOFTWARE_DEVELOPERS_JSONLD_CODES
from roles.api.examples import LADDER, ROLE
from sources.api.examples import HIMALAYAS_GUIDE, OEWS

ROLE_DETAIL = OpenApiExample(
    "Role page",
    summary="Amazon Engineer (trimmed)",
    value={
        # The role as the list shows it; its skills (with quote and source) and its
        # updated_at come below, where the page has them.
        **{k: v for k, v in ROLE.value.items() if k not in ("skills", "updated_at")},
        # Named where the list has its code, with its SOC code and title.
        "occupation": {k: SOFTWARE_DEVELOPERS[k] for k in ("code", "soc_code", "title")},
        "skills": [
            {
                "slug": "api-design",
                "name": "API design",
                "category": "practice",
                "importance": "required",
                "weight": 3,
                "quote": (
                    "Microservices architecture and API design: REST/HTTP, gRPC, versioning, "
                    "backward compatibility"
                ),
                "source": HIMALAYAS_GUIDE,
            },
            {
                "slug": "aws-lambda",
                "name": "AWS Lambda",
                "category": "cloud_service",
                "importance": "required",
                "weight": 3,
                "quote": (
                    "AWS platform expertise: EC2, S3, Lambda, DynamoDB, Aurora, API Gateway, IAM"
                ),
                "source": HIMALAYAS_GUIDE,
            },
            {
                "slug": "python",
                "name": "Python",
                "category": "language",
                "importance": "required",
                "weight": 3,
                "quote": "Primary programming languages (Java, C++, Python)",
                "source": HIMALAYAS_GUIDE,
            },
        ],
        "experience_quote": "",
        "employer_types": [],
        "source": HIMALAYAS_GUIDE,
        "occupation_basis": (
            "The guide states its outlook figures for Amazon Engineers as those of Software "
            'Developers: "22% much faster than average (2022–32 projected employment growth '
            'for Software Developers, BLS)".'
        ),
        "occupation_inferred": False,
        "statistics": [
            {
                "kind": "median_salary",
                "value": 110000.0,
                "value_max": None,
                "approximate": False,
                "open_ended": False,
                "unit": "USD",
                "basis": (
                    "Median Salary in the guide's Key Facts; whether it is base pay or total "
                    "compensation is not stated"
                ),
                "period": "annual",
                "quote": "Median Salary\n$110,000\n(USD)",
                "interpretation": (
                    "The guide gives no period, region or pay basis for this median; read as an "
                    "annual figure in US dollars for Amazon Engineers generally."
                ),
                "source": HIMALAYAS_GUIDE,
            }
        ],
        "content": [
            {
                "kind": "overview",
                "title": "What is an Amazon Engineer?",
                "body": (
                    "An Amazon Engineer is an engineer employed at Amazon who builds, operates, "
                    "or improves systems that support Amazon’s retail, cloud (AWS), devices, or "
                    "logistics businesses."
                ),
                "source": HIMALAYAS_GUIDE,
            },
            {
                "kind": "responsibility",
                "title": "",
                "body": (
                    "Design and implement scalable services or features that serve millions of "
                    "customers, delivering measurable improvements in latency, throughput, or "
                    "cost."
                ),
                "source": HIMALAYAS_GUIDE,
            },
        ],
        "related": [
            {
                "name": "Cloud Engineer",
                "role": None,
                "description": (
                    "A growing field with similar skill requirements and career progression "
                    "opportunities."
                ),
                "source": HIMALAYAS_GUIDE,
            }
        ],
        "ladders": [LADDER.value],
        # The band as the salary-band list shows it, less its role (the page's own).
        "salary_bands": [
            {name: value for name, value in SALARY_BAND.value.items() if name != "role"}
        ],
        "interview_processes": [
            {
                "slug": "amazon-engineer-loop-himalayas",
                "name": "Amazon Engineer interview loop (Himalayas guide)",
                "company": "amazon",
                "duration_weeks_min": None,
                "duration_weeks_max": None,
                "duration_quote": "",
                "source": HIMALAYAS_GUIDE,
                "stages": [
                    {
                        "position": 1,
                        "name": "Online coding screen",
                        "kind": "online_assessment",
                        "rounds_min": None,
                        "rounds_max": None,
                        "round_minutes": None,
                        "description": "",
                        "assesses": "",
                        "tips": "",
                        "quote": "The loop typically includes an online coding screen",
                        "source": HIMALAYAS_GUIDE,
                    },
                    {
                        "position": 2,
                        "name": "Technical phone or virtual interview",
                        "kind": "phone_screen",
                        "rounds_min": None,
                        "rounds_max": None,
                        "round_minutes": None,
                        "description": "",
                        "assesses": "",
                        "tips": "",
                        "quote": "a technical phone or virtual interview",
                        "source": HIMALAYAS_GUIDE,
                    },
                    {
                        "position": 3,
                        "name": "Onsite or virtual interviews",
                        "kind": "onsite_loop",
                        "rounds_min": 4,
                        "rounds_max": 6,
                        "round_minutes": None,
                        "description": (
                            "An onsite or virtual set of 4–6 interviews covering coding, system "
                            "design, and behavioral leadership principles."
                        ),
                        "assesses": (
                            "Coding, system design, and behavioral leadership principles; a "
                            "bar-raiser evaluates long-term fit and technical depth."
                        ),
                        "tips": "",
                        "quote": (
                            "then an onsite or virtual set of 4–6 interviews covering coding, "
                            "system design, and behavioral leadership principles"
                        ),
                        "source": HIMALAYAS_GUIDE,
                    },
                ],
            }
        ],
        "market_pay": [MARKET_PAY_US],
        # The company's other roles in the occupation (Amazon Services is an organisation of
        # Amazon), by title; neither has a ladder of its own.
        "same_occupation": [
            {
                "slug": "amazon-services-software-engineer",
                "title": "Software Engineer",
                "company": "amazon-services",
                "ladders": [],
            },
            {
                "slug": "amazon-software-engineer",
                "title": "Software Engineer",
                "company": "amazon",
                "ladders": [],
            },
        ],
        "sources": [OEWS, HIMALAYAS_GUIDE],
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)

ROLE_JSONLD = OpenApiExample(
    "Role page in JSON-LD",
    summary="Amazon Engineer as a schema.org Occupation (trimmed)",
    description="`url` is there when the server has `PUBLIC_BASE_URL` set (here "
    "`https://careerapi.example`); without it the document has no `url`.",
    media_type="application/ld+json",
    value={
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": "Amazon Engineer",
        "description": (
            "An Amazon Engineer builds and ships the services and systems that power "
            "Amazon’s global retail, cloud, and logistics platforms …"
        ),
        "url": "https://careerapi.example/api/v1/roles/amazon-engineer/",
        "occupationalCategory": SOFTWARE_DEVELOPERS_JSONLD_CODES,
        "estimatedSalary": [
            {
                "@type": ["MonetaryAmountDistribution", "MonetaryAmount"],
                "name": "Australia",
                "currency": "AUD",
                "duration": "P1Y",
                "minValue": 120000,
                "maxValue": 320000,
            },
            {
                "@type": "MonetaryAmountDistribution",
                "name": "Senior Amazon Engineer, United States",
                "currency": "USD",
                "duration": "P1Y",
                "median": 220000,
            },
        ],
        "occupationLocation": [
            {"@type": "Country", "name": "Australia", "identifier": "AU"},
            {"@type": "Country", "name": "United States", "identifier": "US"},
        ],
        "skills": ["API design", "AWS CDK"],
        "qualifications": [
            {
                "@type": "EducationalOccupationalCredential",
                "name": "AWS Certified Solutions Architect",
                "credentialCategory": "certification",
            }
        ],
        "experienceRequirements": [
            {
                "@type": "OccupationalExperienceRequirements",
                "name": "Junior Amazon Engineer",
                "monthsOfExperience": 0,
                "description": "0-2 years total experience",
            },
            {
                "@type": "OccupationalExperienceRequirements",
                "name": "Amazon Engineer",
                "monthsOfExperience": 24,
                "description": "2-4 years total experience",
            },
        ],
        "subjectOf": [
            {
                "@type": "CreativeWork",
                "name": "Complete Amazon Engineer Career Guide",
                "publisher": {"@type": "Organization", "name": "Himalayas"},
                "creditText": "Complete Amazon Engineer Career Guide — Himalayas",
            }
        ],
    },
    response_only=True,
)
