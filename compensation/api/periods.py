"""The `period` query parameter of market pay: which periods' wages an answer shows."""

from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from compensation.services import WAGE_PERIODS

PERIOD_PARAMETER = OpenApiParameter(
    "period",
    {"type": "string", "enum": list(WAGE_PERIODS)},
    OpenApiParameter.QUERY,
    description="Show the wages of this period only: annual (per year) or hourly (per hour). "
    "Default: both. A period BLS does not publish for an occupation (footnote 4) still "
    "appears, its figures null and listed as unpublished.",
)


def periods_from_request(request) -> tuple[str, ...]:
    """The periods asked for with `period`, or every one."""
    values = request.query_params.getlist("period")
    if not values:
        return WAGE_PERIODS
    if len(values) > 1:
        raise ValidationError({"period": "given more than once."})
    if values[0] not in WAGE_PERIODS:
        choices = ", ".join(WAGE_PERIODS)
        raise ValidationError({"period": f"{values[0]} is not one of the choices: {choices}."})
    return (values[0],)
