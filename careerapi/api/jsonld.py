"""schema.org JSON-LD beside the JSON of a detail page (`Accept: application/ld+json` or
`?format=jsonld`), for job boards to embed in their pages for search engines.

A view that offers it (`JsonLdDetail`) renders the same item a second way: its JSON-LD
mapping (a `jsonld.py` beside the page's serializers) from the instance the JSON answer
reads. The answer is another representation of the URL: `representation_variant` keys its
ETag and its cache entry apart from the JSON's (the response varies by Accept, as every
answer says). Every other endpoint answers JSON only: an Accept of JSON-LD is a 406, and
`format` an unknown parameter (a 400 naming it).

Its `url`, the page's address, must be absolute for schema.org; the body is cached and
shared by every client, so it comes from `PUBLIC_BASE_URL` (`careerapi.api.links`), never
from the request's Host or scheme, and is left out when that is unset.

The building blocks here know no domain of the project, only schema.org's: the document's
frame, its spelling of a pay period (an ISO 8601 duration), and the OpenAPI schema of the
`Occupation` both pages write.
"""

import re
from decimal import Decimal

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers
from rest_framework.exceptions import NotAcceptable, ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from .filters import INCONSISTENT
from .negotiation import QualityContentNegotiation

JSONLD_MEDIA_TYPE = "application/ld+json"
SCHEMA_ORG = "https://schema.org"
JSON, JSONLD = "json", "jsonld"
#: The values of `format`, which only views with a JSON-LD answer take.
FORMATS = (JSON, JSONLD)
FORMAT_PARAMETER_NAME = "format"
#: A pay period as schema.org's `duration` spells it (ISO 8601).
PERIOD_DURATIONS = {"annual": "P1Y", "monthly": "P1M", "hourly": "PT1H"}

#: What an operation with a JSON-LD answer says of `format`, which the schema does not
#: declare: a generated client would offer it as an argument, then read the JSON-LD it asks
#: for as JSON (openapi-python-client parses a 200 by its first media type). Accept is how
#: a client asks; `format` serves links, where Accept cannot be set.
FORMAT_FALLBACK = (
    "Where the Accept header cannot be set (a link), `?format=jsonld` asks for the JSON-LD "
    "and `?format=json` for the JSON; it takes precedence over Accept."
)


class JsonLdRenderer(JSONRenderer):
    """JSON-LD is JSON: the API's JSON renderer, under its own media type and format."""

    media_type = JSONLD_MEDIA_TYPE
    format = JSONLD


def jsonld_document(type_: str, **properties) -> dict:
    """A JSON-LD document of one schema.org item, empty properties (None, "", []) left out."""
    return {"@context": SCHEMA_ORG, **jsonld_node(type_, **properties)}


def jsonld_node(type_: str | list[str], **properties) -> dict:
    """A schema.org item nested in a document, empty properties (None, "", []) left out."""
    return {"@type": type_, **{k: v for k, v in properties.items() if v not in (None, "", [])}}


def jsonld_number(value: Decimal | None) -> int | float | None:
    """A figure as a JSON number: whole amounts without a fraction (135980, not 135980.0)."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def requested_format(query_params) -> str | None:
    """The format `format` names, or None when absent or invalid (a 400 later, naming it,
    once the request passed authentication: `check_format`)."""
    values = query_params.getlist(FORMAT_PARAMETER_NAME)
    return values[0] if len(values) == 1 and values[0] in FORMATS else None


def check_format(query_params) -> None:
    """A 400 naming `format` unless it is absent or one of `FORMATS`, given once."""
    values = query_params.getlist(FORMAT_PARAMETER_NAME)
    if len(values) > 1:
        raise ValidationError({FORMAT_PARAMETER_NAME: "given more than once."})
    if values and values[0] not in FORMATS:
        choices = ", ".join(FORMATS)
        raise ValidationError(
            {FORMAT_PARAMETER_NAME: f"{values[0]} is not one of the choices: {choices}."}
        )


class OccupationJsonLdSerializer(serializers.Serializer):
    """The JSON-LD of a role or occupation page (a schema.org Occupation), named in the
    schema only: the pages' `jsonld.py` write it, and `careerapi.api.schema` describes it
    (`OCCUPATION_JSONLD_SCHEMA`), since its property names (`@type`) are no field names."""


def jsonld_responses(serializer, *, description: str) -> dict:
    """The 200 of an operation with a JSON-LD answer: the serializer's JSON, and the JSON-LD
    (an `OccupationJsonLd`) under its own media type."""
    return {
        (200, "application/json"): serializer,
        (200, JSONLD_MEDIA_TYPE): OpenApiResponse(
            OccupationJsonLdSerializer, description=description
        ),
    }


class JsonLdDetail:
    """ViewSet mixin: the detail also answers schema.org JSON-LD, written by `jsonld()`
    from `jsonld_object()`, when Accept or `format` asks for it."""

    renderer_classes = [JSONRenderer, JsonLdRenderer]
    #: Query parameters of the JSON page that the JSON-LD does not read: a 400 with it,
    #: rather than an answer that silently ignores them.
    json_only_parameters: tuple[str, ...] = ()

    def jsonld_object(self):
        """The item the JSON-LD is written from (by default the view's, as the JSON's)."""
        return self.get_object()

    def jsonld(self, instance) -> dict:
        raise NotImplementedError

    def get_format_suffix(self, **kwargs):
        return requested_format(self.request.query_params)

    def allowed_query_parameters(self) -> set[str]:
        allowed = super().allowed_query_parameters()
        return allowed | {FORMAT_PARAMETER_NAME} if self.action == "retrieve" else allowed

    def check_query_parameters(self, request) -> None:
        super().check_query_parameters(request)
        check_format(request.query_params)

    def representation_variant(self, request) -> str:
        """JSON-LD is another representation of the URL: its own ETag and cache entry."""
        if request.method not in ("GET", "HEAD"):
            return ""
        drf_request = Request(request)
        format = requested_format(drf_request.query_params)
        try:
            renderer, _ = QualityContentNegotiation().select_renderer(
                drf_request, [renderer() for renderer in self.renderer_classes], format
            )
        except NotAcceptable:
            return ""  # a 406: never cached nor tagged
        return JSONLD if renderer.format == JSONLD else ""

    def retrieve(self, request, *args, **kwargs):
        if request.accepted_renderer.format == JSONLD:
            given = [name for name in self.json_only_parameters if name in request.query_params]
            if given:
                # Valid one by one, contradicting each other: their own code.
                message = "applies to the JSON page only, not to its JSON-LD."
                raise ValidationError({name: message for name in given}, code=INCONSISTENT)
            return Response(self.jsonld(self.jsonld_object()))
        return super().retrieve(request, *args, **kwargs)


_TEXT = {"type": "string"}
_TEXTS = {"type": "array", "items": _TEXT}
_NUMBER = {"type": "number"}


def _one_of(values: list[str]) -> dict:
    """One of `values`, as a pattern: an `enum` would become a component of its own, named
    after the property (`@type`), which no component name may contain."""
    return {"type": "string", "pattern": f"^({'|'.join(re.escape(v) for v in values)})$"}


def _node(types: list[str], properties: dict, *, required: tuple[str, ...] = ()) -> dict:
    """An item of one of `types` (or typed as several of them at once)."""
    one_type = _one_of(types)
    type_schema = (
        one_type if len(types) == 1 else {"oneOf": [one_type, {"type": "array", "items": one_type}]}
    )
    return {
        "type": "object",
        "properties": {"@type": type_schema, **properties},
        "required": ["@type", *required],
    }


_CATEGORY_CODE = _node(
    ["CategoryCode"],
    {
        "codeValue": {**_TEXT, "example": "15-1252.00"},
        "name": _TEXT,
        "inCodeSet": _node(["CategoryCodeSet"], {"name": _TEXT, "url": {**_TEXT, "format": "uri"}}),
    },
    required=("codeValue", "inCodeSet"),
)
_SALARY = _node(
    ["MonetaryAmountDistribution", "MonetaryAmount"],
    {
        "name": _TEXT,
        "description": _TEXT,
        "currency": {**_TEXT, "example": "USD"},
        "duration": {**_TEXT, "enum": list(PERIOD_DURATIONS.values())},
        **{
            name: _NUMBER
            for name in ("percentile10", "percentile25", "median", "percentile75", "percentile90")
        },
        "minValue": _NUMBER,
        "maxValue": _NUMBER,
    },
    required=("currency", "duration"),
)
_PLACE = _node(
    ["Country", "AdministrativeArea"],
    {"name": _TEXT, "identifier": {**_TEXT, "example": "US"}},
    required=("name",),
)
_CREDENTIAL = _node(
    ["EducationalOccupationalCredential"], {"name": _TEXT, "credentialCategory": _TEXT}
)
_EXPERIENCE = _node(
    ["OccupationalExperienceRequirements"],
    {"name": _TEXT, "monthsOfExperience": _NUMBER, "description": _TEXT},
)
_WORK = _node(
    ["CreativeWork"],
    {
        "name": _TEXT,
        "url": {**_TEXT, "format": "uri"},
        "publisher": _node(["Organization"], {"name": _TEXT}),
        "creditText": _TEXT,
    },
)

#: The JSON-LD of a role or occupation page: a schema.org Occupation. Properties the item
#: has no data for are left out.
OCCUPATION_JSONLD_SCHEMA = {
    "type": "object",
    "description": "A schema.org Occupation (https://schema.org/Occupation) in JSON-LD, to "
    "embed in a page in a script element of type `application/ld+json`. Properties the item "
    "has no data for are left out.",
    "properties": {
        "@context": _one_of([SCHEMA_ORG]),
        "@type": _one_of(["Occupation"]),
        "name": _TEXT,
        "alternateName": _TEXTS,
        "description": _TEXT,
        "url": {
            **_TEXT,
            "format": "uri",
            "description": "The page's absolute URL, from the server's `PUBLIC_BASE_URL`; "
            "left out when the server has none set (the API does not guess its own address).",
        },
        "occupationalCategory": {"type": "array", "items": _CATEGORY_CODE},
        "estimatedSalary": {"type": "array", "items": _SALARY},
        "occupationLocation": {"type": "array", "items": _PLACE},
        "skills": _TEXTS,
        "qualifications": {"type": "array", "items": {"oneOf": [_TEXT, _CREDENTIAL]}},
        "educationRequirements": _TEXTS,
        "experienceRequirements": {
            "oneOf": [_TEXT, {"type": "array", "items": {"oneOf": [_TEXT, _EXPERIENCE]}}]
        },
        "responsibilities": _TEXTS,
        "subjectOf": {"type": "array", "items": _WORK},
    },
    "required": ["@context", "@type", "name"],
}
