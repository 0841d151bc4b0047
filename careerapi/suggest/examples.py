"""Examples of the suggestions endpoint, from the seed dataset and the O*NET data."""

from drf_spectacular.utils import OpenApiExample

SUGGEST = OpenApiExample(
    "Skills starting with pyt",
    summary="q=pyt&type=skill&limit=3",
    value={
        "results": [
            {"type": "skill", "slug": "python", "name": "Python", "matched": None},
            {"type": "skill", "slug": "pytest", "name": "pytest", "matched": None},
            {"type": "skill", "slug": "pytorch", "name": "PyTorch", "matched": None},
        ]
    },
)
