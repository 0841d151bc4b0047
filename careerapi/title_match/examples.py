"""Examples of the title matching endpoint, from the seed dataset and the O*NET data."""

from drf_spectacular.utils import OpenApiExample

TITLE_MATCH = OpenApiExample(
    "Sr. Software Engineer",
    summary="title=Sr. Software Engineer&limit=2",
    value={
        "title": "Sr. Software Engineer",
        "words": ["software", "engineer"],
        "results": [
            {
                "type": "occupation",
                "slug": "15-1252.00",
                "name": "Software Developers",
                "matched_title": "Software Engineer",
                "match_kind": "alternate_title",
                "score": 1.0,
                "url": "/api/v1/occupations/15-1252.00/",
            },
            {
                "type": "role",
                "slug": "amazon-services-software-engineer",
                "name": "Software Engineer",
                "matched_title": "Software Engineer",
                "match_kind": "role_title",
                "score": 1.0,
                "url": "/api/v1/roles/amazon-services-software-engineer/",
            },
        ],
    },
)
