"""Response examples for the OpenAPI documentation, taken from the seed dataset."""

from drf_spectacular.utils import OpenApiExample

from careerapi.api.examples import TIMESTAMP

#: The seed dataset's first load: its version and its files' hash.
_SEED = "90b55186c013517ccd98ef8fee9681a20ac4e249ddc6bfffab803255e39b1a53"
_SEED_FILES = "7662ee1be03de8e7c3639863018f13d4f44640c118392ee2ed3f96082cbdca53"

DATASET = OpenApiExample(
    "Dataset",
    summary="The seed dataset (two of its four sources)",
    value={
        "version": _SEED,
        "content_hash": _SEED_FILES,
        "loaded_at": TIMESTAMP,
        "counts": {
            "sources": 4,
            "families": 1,
            "companies": 3,
            "company statistics": 2,
            "skills": 98,
            "skill aliases": 96,
            "roles": 6,
            "role statistics": 4,
            "role skills": 155,
            "role content": 173,
            "related roles": 7,
            "ladders": 2,
            "levels": 9,
            "currencies": 9,
            "regions": 21,
            "exchange rates": 7,
            "salary bands": 25,
            "competencies": 11,
            "topics": 17,
            "interview processes": 3,
            "interview stages": 11,
            "interview guidance": 12,
            "questions": 8,
        },
        "sources": [
            {
                "slug": "amazon-services-swe-interview-guide",
                "title": "Software Engineer at Amazon Services interview guide",
                "publisher": "",
                "file": "001_f374151a59896ec9.txt",
                "url": "",
                "covers": (
                    "What a Software Engineer at Amazon Services does, sample interview "
                    "questions, what the interviews evaluate (coding, system design, Leadership "
                    "Principles, debugging) and the three-stage interview process (online "
                    "assessment, phone screen, interview loop)."
                ),
                "as_of": None,
                "as_of_note": (
                    "The page names neither its publisher nor a date; its title is descriptive."
                ),
                "licence": "",
                "citation": "",
                "attribution": "Software Engineer at Amazon Services interview guide",
                "updated_at": TIMESTAMP,
            },
            {
                "slug": "amazon-swe-interview-guide",
                "title": "Amazon Software Engineer Interview",
                "publisher": "",
                "file": "002_47e0f2b054b647b5.txt",
                "url": "",
                "covers": (
                    "The five-stage Software Engineer interview at Amazon (3–5 weeks), the "
                    "qualities Amazon looks for, sample behavioural questions, a preparation "
                    "checklist, UK salary figures, benefits, application advice and FAQs."
                ),
                "as_of": None,
                "as_of_note": "The page names neither its publisher nor a date.",
                "licence": "",
                "citation": "",
                "attribution": "Amazon Software Engineer Interview",
                "updated_at": TIMESTAMP,
            },
        ],
    },
    response_only=True,
)

_OLD = _SEED
_NEW = "0c5d2a9e81f4b7d36a1e5c08f2b94d17e63a5c21b8d90f4e7a1c36b52d8e09f4"
_LOAD = "2026-01-08T09:30:00Z"

CHANGES = OpenApiExample(
    "Changes",
    summary="After one band was edited and the Singapore band removed",
    value={
        "version": _NEW,
        "since": _OLD,
        "count": 4,
        "next": None,
        "previous": None,
        "results": [
            {
                "type": "roles",
                "slug": "aws-developer",
                "kind": "updated",
                "version": _NEW,
                "loaded_at": _LOAD,
            },
            {
                "type": "salary-bands",
                "slug": "amazon-engineer-ca",
                "kind": "updated",
                "version": _NEW,
                "loaded_at": _LOAD,
            },
            {
                "type": "salary-bands",
                "slug": "amazon-engineer-sg",
                "kind": "deleted",
                "version": _NEW,
                "loaded_at": _LOAD,
            },
            {
                "type": "currencies",
                "slug": "SGD",
                "kind": "updated",
                "version": _NEW,
                "loaded_at": _LOAD,
            },
        ],
    },
    response_only=True,
)

EXPORT = OpenApiExample(
    "Export",
    summary="The first and last lines of an export (one JSON object per line)",
    value=(
        '{"type":"dataset","version":"' + _OLD + '","loaded_at":"' + TIMESTAMP + '",'
        '"counts":{"sources":4,"families":1,"companies":3,"skills":98,"roles":6,"ladders":2,'
        '"levels":9,"currencies":9,"regions":21,"salary-bands":25,"competencies":11,'
        '"topics":17,"interview-processes":3,"questions":8}}\n'
        '{"type":"sources","slug":"amazon-swe-interview-guide","data":{"slug":'
        '"amazon-swe-interview-guide","title":"Amazon Software Engineer Interview", …}}\n'
        "…\n"
        '{"type":"checksum","sha256":'
        '"3b0f6d1c2e9a8f7b6c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b"}\n'
    ),
    response_only=True,
    media_type="application/x-ndjson",
)
