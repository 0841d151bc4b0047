"""Response examples for the OpenAPI documentation, taken from the seed dataset."""

from drf_spectacular.utils import OpenApiExample

from careerapi.api.examples import TIMESTAMP
from sources.api.examples import AMAZON_SERVICES_GUIDE, AMAZON_SWE_GUIDE, HIMALAYAS_GUIDE

PROCESS = OpenApiExample(
    "Interview process",
    summary="Amazon Software Engineer (trimmed)",
    value={
        "slug": "amazon-swe-process",
        "name": "Amazon Software Engineer interview",
        "company": "amazon",
        "roles": ["amazon-software-engineer"],
        "summary": (
            "Amazon's interview process for Software Engineer roles typically runs 3–5 weeks "
            "and involves 5 distinct stages."
        ),
        "duration_weeks_min": 3,
        "duration_weeks_max": 5,
        "duration_quote": "3–5 weeks from first contact to offer",
        "source": AMAZON_SWE_GUIDE,
        "stages": [
            {
                "position": 1,
                "name": "Online Assessment / Phone Screen",
                "kind": "recruiter_screen",
                "rounds_min": None,
                "rounds_max": None,
                "round_minutes": None,
                "description": (
                    "Initial phone call with recruiter. May include coding questions "
                    "(LeetCode-style) or system design depending on role."
                ),
                "assesses": "Communication and problem-solving approach.",
                "tips": (
                    "Tailor your application specifically for the Software Engineer role at Amazon."
                ),
                "quote": "",
                "source": AMAZON_SWE_GUIDE,
            },
            {
                "position": 2,
                "name": "Hiring Manager Phone Round",
                "kind": "hiring_manager",
                "rounds_min": None,
                "rounds_max": None,
                "round_minutes": None,
                "description": (
                    "Conversation with the direct manager to discuss background, project "
                    "experience, and fit for the role."
                ),
                "assesses": "",
                "tips": "Research Amazon's approach to this stage.",
                "quote": "",
                "source": AMAZON_SWE_GUIDE,
            },
        ],
        "guidance": [
            {
                "kind": "mistake",
                "title": "Common mistakes to avoid",
                "body": "",
                "points": [
                    {
                        "name": (
                            "Applying with a generic CV that doesn't mention Amazon or the "
                            "specific Software Engineer requirements"
                        ),
                        "detail": "Tailoring your application is non-negotiable here.",
                    },
                    {
                        "name": "Not researching Amazon's values and interview style",
                        "detail": (
                            "Candidates who can't articulate why they want to work specifically "
                            "at Amazon rarely progress past first-round."
                        ),
                    },
                ],
            }
        ],
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)

COMPETENCY = OpenApiExample(
    "Competency",
    summary="A Leadership Principle",
    value={
        "slug": "amazon-ownership",
        "name": "Ownership",
        "kind": "leadership_principle",
        "company": "amazon",
        "description": (
            "Demonstrating times you stepped outside your immediate responsibilities to fix a "
            "systemic issue or drive a project to completion."
        ),
        "sources": [AMAZON_SERVICES_GUIDE, HIMALAYAS_GUIDE],
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)

TOPIC = OpenApiExample(
    "Topic",
    summary="Caching",
    value={"slug": "caching", "name": "Caching layers", "updated_at": TIMESTAMP},
    response_only=True,
)

QUESTION = OpenApiExample(
    "Question",
    summary="A behavioural question",
    value={
        "slug": "amazon-swe-q-owned-problem-end-to-end",
        "text": (
            "Give an example of when you owned a problem end-to-end, including areas outside "
            "your expertise."
        ),
        "category": "behavioral",
        "topics": [],
        "competencies": [
            {
                "slug": "amazon-swe-quality-ownership-mentality",
                "name": "Ownership Mentality",
                "kind": "quality",
            }
        ],
        "stage_kind": None,
        "company": "amazon",
        "process": "amazon-swe-process",
        "roles": ["amazon-software-engineer"],
        "why_asked": (
            "Amazon asks this to assess your fit for the Software Engineer role and alignment "
            "with their values."
        ),
        "answer_guidance": (
            "Frame your answer around your Software Engineer experience specifically. Reference "
            "Amazon's values or recent projects to show you've done your research."
        ),
        "source": AMAZON_SWE_GUIDE,
        "updated_at": TIMESTAMP,
    },
    response_only=True,
)
