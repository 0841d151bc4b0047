"""The role page's `market_region` parameter: where the market pay of the role's occupation
is shown for."""

from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from careerapi.api.filters import ANY_CASE_SLUG_PATTERN, UNKNOWN
from compensation.selectors import region_keys

#: Where BLS publishes market pay as a whole: its national figures.
DEFAULT_MARKET_REGION = "US"

MARKET_REGION_PARAMETER = OpenApiParameter(
    "market_region",
    str,
    OpenApiParameter.QUERY,
    pattern=ANY_CASE_SLUG_PATTERN,
    description="The region whose BLS market pay the page shows for the role's occupation: a "
    "slug (seattle, us-wa), an ISO 3166 code (US-WA) or a BLS OEWS area code (0042660); "
    "default: the United States (us). BLS publishes for US areas only: elsewhere "
    "`market_pay` is empty. An unknown region is a 400.",
)


def market_region_default(*, dataset) -> int | None:
    """The United States' region id: where a role page shows market pay unless asked."""
    return region_keys(dataset=dataset).get(DEFAULT_MARKET_REGION)


def market_region_from_request(request) -> int | None:
    """The id of the region `market_region` names, or of the United States by default."""
    values = request.query_params.getlist("market_region")
    if len(values) > 1:
        raise ValidationError({"market_region": "given more than once."})
    dataset = getattr(request, "dataset", None)
    if not values:
        return market_region_default(dataset=dataset)
    keys = region_keys(dataset=dataset)
    value = values[0]
    region = keys.get(value) or keys.get(value.lower()) or keys.get(value.upper())
    if region is None:
        raise ValidationError({"market_region": f"unknown region {value!r}."}, code=UNKNOWN)
    return region
