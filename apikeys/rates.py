"""Request rates as written on keys and in settings: `N/second`, `N/minute`, `N/hour`, `N/day`.

Stricter than DRF's own parser (which reads any word starting with s, m, h or d), so a typo
in a key's rate or in ANON_RATE is reported instead of silently meaning something else.
"""

import re

from django.core.exceptions import ValidationError

PERIODS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}
RATE_PATTERN = re.compile(r"^([1-9][0-9]{0,8})/(second|minute|hour|day)$")


def validate_rate(value: str) -> None:
    """Model-field validator: a rate such as `1000/hour`."""
    if not RATE_PATTERN.match(value):
        raise ValidationError(
            "%(value)s is not a rate: write N/second, N/minute, N/hour or N/day (e.g. 1000/hour).",
            params={"value": repr(value)},
            code="invalid_rate",
        )


def rate_parse(rate: str) -> tuple[int, int]:
    """(requests allowed, period in seconds) for a rate such as `1000/hour`."""
    match = RATE_PATTERN.match(rate)
    if match is None:
        raise ValueError(f"{rate!r} is not a rate such as 1000/hour.")
    return int(match[1]), PERIODS[match[2]]
