"""OpenAPI schema customisations, all in one place.

- Every operation documents its error responses as `application/problem+json` with the
  `Problem` component, because `problem_exception_handler` answers every error that way and
  generation cannot see an exception handler.
- Query parameters that a view reads itself (not through its filterset) are declared with
  `@extend_schema` next to the view.
- Every parameter has a description and an example. A filter's description is its label,
  which drf-spectacular drops for a filter whose schema is given (`@extend_schema_field`:
  slug, code, boolean and amount filters); a path parameter's names its model. Examples
  are real values of the seed dataset (`examples.PARAMETER_EXAMPLES`), or an enum's or a
  boolean's first value.
- The JSON-LD of the role and occupation pages is described as written (`@context`,
  `@type`), which no serializer field can be named: `OccupationJsonLdSerializer` stands for
  it and `OCCUPATION_JSONLD_SCHEMA` is its schema. It is asked for with Accept (the 200's
  `application/ld+json`); the `format` those pages also take, for links, is said in their
  descriptions but not declared: a generated client would offer it as an argument and then
  read the JSON-LD as the JSON (openapi-python-client parses a 200 by its first media type).
- A list's example is its first page on the seed dataset (`Pagination`): the example item
  as its one result, its count there (`examples.LIST_COUNTS`), no `previous`, and a `next`
  that keeps the list's required parameters.
- A slug filter's pattern takes any case, as filters match slugs in any case (`region=GB`);
  a path's slug stays lower case, as the router matches a path as it is written.
- Every query parameter shows the limits `QueryParameterCheck` enforces on all of them
  (`maxLength`; no empty value, so `minItems: 1` on repeatable ones; no NUL byte, which
  PostgreSQL cannot store in text), which generation cannot see because they are checked
  outside the filtersets.
- Every field of a response is `required`: a serializer writes every field it has (and the
  row writers the same keys), so generated clients need not ask whether one was sent. Model
  fields that may be null or blank come out of the REST framework as `required=False`, which
  generation would take for "may be absent"; only a field declared with `required=False`
  (a problem's `errors`, an error's `suggestions`) may be left out.
- A query parameter whose values are those of an enum component refers to the component
  (`enums_shared`), so a generated client has one enum per concept (`PayBasisEnum` for a
  band's `basis` and the `basis` filter), not one more per parameter. Two enums never have
  the same values; `WagesPeriodEnum` (annual, hourly: what BLS publishes) is not
  `PayPeriodEnum` (a band may be quoted monthly), as the settings' override says.
- The security requirement every operation shares is declared once, at the document's level
  (`security_hoisted`): it means the same, and generators that read operations' own
  requirements (openapi-python-client) then accept a plain client where anonymous calls are
  allowed, not only an authenticated one. The problem catalogue reads no key and counts no
  quota: its operations say `security: []`, and document no 401 or 429.
- A detail route matches its slug or code in any case (`careerapi.api.routers`, a
  case-insensitive group in the URL's regex); its path parameter's pattern is the spelling
  the lists give (the view's `lookup_value_regex`), as a slug filter's is.
- The schema is OpenAPI 3.1, where "or null" is JSON Schema's `null` type: OpenAPI 3.0's
  `nullable: true` beside a reference means nothing without a `type` (linters reject it,
  and generators that add the type drop the null). Schemas written by hand for the REST
  framework's pages (`next`, `previous`) still say `nullable`: `nullable_as_null_type`
  rewrites what is left in 3.1's terms.
- A string with a format that may also be blank (a source's `url`) is "the format, or an
  empty string": drf-spectacular writes `oneOf`, but a format does not assert in JSON Schema,
  so "" would match both branches and break `oneOf`; `blank_alternative_any_of` makes it
  `anyOf`.
"""

import copy

from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.openapi import AutoSchema as SpectacularAutoSchema
from drf_spectacular.plumbing import force_instance
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

from .errors import PROBLEM_CONTENT_TYPE
from .examples import (
    LIST_COUNTS,
    PARAMETER_EXAMPLES,
    PARAMETER_EXAMPLES_BY_COLLECTION,
    collection_of,
)
from .jsonld import OCCUPATION_JSONLD_SCHEMA
from .links import LinkField
from .problem_examples import problem_examples
from .views import EMPTY_ALLOWED, MAX_PARAMETER_LENGTH

NO_NUL_PATTERN = r"^[^\x00]*$"


class SuggestedItemSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="The item's type: skill, region, role ...")
    slug = serializers.CharField(help_text="The value to give instead (a slug, or a code).")
    name = serializers.CharField(help_text="The item's name.")

    class Meta:
        ref_name = "SuggestedItem"


class ParameterErrorSerializer(serializers.Serializer):
    parameter = serializers.CharField(
        allow_null=True,
        help_text="The query or path parameter to blame (`query`: the query string as a "
        "whole), or the header (`X-API-Key` or `Authorization` of a failing or missing key, "
        "`Accept` of a 406, `Host` of a host this server does not serve).",
    )
    detail = serializers.CharField(help_text="What is wrong with it.")
    code = serializers.CharField(allow_blank=True)
    suggestions = SuggestedItemSerializer(
        many=True,
        required=False,
        help_text="With code `unknown` (a slug or code that names nothing): up to five items "
        "it probably meant, those whose names start with its words first (skill=aws: the AWS "
        "skills), else those closest in spelling (region=seatle: Seattle). Absent when "
        "nothing is close.",
    )


class ProblemSerializer(serializers.Serializer):
    """RFC 9457 problem details."""

    type = LinkField(
        help_text="The problem type: a page of the API's problem catalogue (/api/problems/) "
        "that says what it means, or about:blank for the errors the server answers before "
        "the API (414, 431)."
    )
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    errors = ParameterErrorSerializer(many=True, required=False)

    class Meta:
        ref_name = "Problem"


ERROR_RESPONSES = {
    400: "A query parameter is unknown or has an invalid value; `errors` names each one. "
    "Also when the query string as a whole is over 4,096 characters (`errors` names "
    "`query`, code `query_too_long`) or has more than 1,000 fields (code `too_many_fields`).",
    401: "The API key is unknown, revoked or expired, the Authorization header uses another "
    "scheme than `Bearer` or `Api-Key`, or no key was sent while keys are required "
    "(`WWW-Authenticate: Bearer, Api-Key`).",
    404: "No such item, or a page past the last one.",
    405: "The API is read-only: only GET, HEAD and OPTIONS are allowed.",
    406: "The Accept header asks for a format other than JSON.",
    414: "The request line (method, path and query string) is over 8,190 bytes: refused by "
    "the server before the API reads it. The API's own bound on the query string is lower "
    "(4,096 characters, a 400), so only a request far past it gets this answer.",
    429: "The quota of this API key (or, without a key, of this client IP) is used up: "
    "`Retry-After` and `RateLimit-Reset` say in how many seconds it resets. Also when this "
    "client IP sent too many unknown, revoked or expired keys: requests with a key are "
    "then refused until `Retry-After` has passed.",
    431: "More than 50 request headers, or one over 8,190 bytes: refused by the server.",
    500: "The server failed; the failure is logged.",
    503: "The database is unreachable; `Retry-After` says when to try again.",
}


class OccupationJsonLdSchema(OpenApiSerializerExtension):
    """The `OccupationJsonLd` component: the pages' JSON-LD as `jsonld.py` writes it."""

    target_class = "careerapi.api.jsonld.OccupationJsonLdSerializer"

    def map_serializer(self, auto_schema, direction):
        return copy.deepcopy(OCCUPATION_JSONLD_SCHEMA)  # the generator edits what it is given


class AutoSchema(SpectacularAutoSchema):
    """Adds the problem responses to every operation, and the query parameters' limits.

    Hooked at `_get_response_bodies` because `@extend_schema(responses=...)` replaces
    `get_response_serializers` on the view's schema, which would drop them there.
    """

    def _get_parameters(self):
        parameters = super()._get_parameters()
        filterset_class = getattr(self.view, "filterset_class", None)
        filters = filterset_class.base_filters if filterset_class is not None else {}
        for parameter in parameters:
            self._describe(parameter, filters.get(parameter["name"]))
            if parameter["in"] != "query":
                continue
            schema = parameter["schema"]
            _limit(schema, allow_empty=parameter["name"] in EMPTY_ALLOWED)
            max_terms = getattr(filters.get(parameter["name"]), "max_terms", None)
            if max_terms is not None:
                schema["maxItems"] = max_terms
        # For the links of the list's example (`_get_paginator`), asked for after this.
        self._required_query = {
            parameter["name"]: example_of(parameter)
            for parameter in parameters
            if parameter["in"] == "query" and parameter.get("required")
        }
        return parameters

    def _describe(self, parameter: dict, filter_) -> None:
        """Give the parameter the description and the example it lacks."""
        if not parameter.get("description"):
            if filter_ is not None:
                parameter["description"] = filter_.extra.get("help_text") or filter_.label
            elif parameter["in"] == "path":
                model = getattr(getattr(self.view, "queryset", None), "model", None)
                if model is not None:
                    parameter["description"] = (
                        f"Which {model._meta.verbose_name}: its `{parameter['name']}`, as "
                        "the list gives it."
                    )
        if "example" not in parameter and "examples" not in parameter:
            example = parameter_example(self.path, parameter)
            if example is not None:
                parameter["example"] = example

    def _get_paginator(self):
        paginator = super()._get_paginator()
        if paginator is not None:  # a list's example is its first page on the seed dataset
            paginator.example_path = self.path
            paginator.example_query = getattr(self, "_required_query", {})
            paginator.example_count = LIST_COUNTS.get(self.path, 1)
        return paginator

    def _map_basic_serializer(self, serializer, direction):
        schema = super()._map_basic_serializer(serializer, direction)
        if direction == "response":
            # Declared fields, with the arguments they were declared with (`_kwargs`, which
            # the REST framework keeps to copy them): `required` there is the serializer's
            # own word, not one derived from a model field's blank or null.
            declared = force_instance(serializer)._declared_fields
            schema["required"] = [
                name
                for name in schema["properties"]
                if name not in declared or declared[name]._kwargs.get("required") is not False
            ]
        return schema

    def _get_response_bodies(self, direction="response"):
        bodies = super()._get_response_bodies(direction=direction)
        for code, description in ERROR_RESPONSES.items():
            if str(code) not in bodies and self._may_answer(code):
                examples = problem_examples(view=self.view, path=self.path, status=code)
                bodies[str(code)] = self._get_response_for_code(
                    OpenApiResponse(ProblemSerializer, description=description, examples=examples),
                    str(code),
                    media_types=[PROBLEM_CONTENT_TYPE],
                    direction=direction,
                )
        return bodies

    def _may_answer(self, status: int) -> bool:
        """Whether the operation can answer `status`: a view that reads no key (the problem
        catalogue, `OpenToAnyone`) is no 401, one that counts no quota no 429."""
        if status == 401:
            return bool(self.view.authentication_classes)
        if status == 429:
            return bool(self.view.throttle_classes)
        return True

    def _resolve_path_parameters(self, variables):
        # A detail route matches its lookup in any case (careerapi.api.routers); the schema
        # gives the spelling the lists give, the view's `lookup_value_regex`.
        parameters = super()._resolve_path_parameters(variables)
        lookup = getattr(self.view, "lookup_url_kwarg", None) or getattr(
            self.view, "lookup_field", None
        )
        canonical = getattr(self.view, "lookup_value_regex", None)
        for parameter in parameters:
            if parameter["name"] == lookup and canonical and "pattern" in parameter["schema"]:
                parameter["schema"]["pattern"] = f"^{canonical}$"
        return parameters


def example_of(parameter: dict):
    """The parameter's example, or the first of its named examples."""
    if "example" in parameter:
        return parameter["example"]
    named = list(parameter.get("examples", {}).values())
    return named[0]["value"] if named else None


def parameter_example(path: str, parameter: dict):
    """An example of the parameter of the operation at `path`: a listed value of the seed
    dataset, else an enum's or a boolean's first value; a list of one for a list."""
    collection = collection_of(path)
    name, schema = parameter["name"], parameter["schema"]
    value = PARAMETER_EXAMPLES_BY_COLLECTION.get(collection, {}).get(name)
    item = schema.get("items", schema)
    if value is None and "enum" in item:
        # Not a descending or relevance sort key: one that applies without a search.
        plain = [v for v in item["enum"] if v and not str(v).startswith(("-", "relevance"))]
        value = (plain or item["enum"])[0]
    elif value is None and item.get("type") == "boolean":
        value = True
    elif value is None:
        value = PARAMETER_EXAMPLES.get(name)
    if value is None:
        return None
    return [value] if schema.get("type") == "array" else value


def _limit(schema: dict, *, allow_empty: bool) -> None:
    """A query parameter's schema with the length limits every value is checked against."""
    if schema.get("type") == "array":
        schema.setdefault("minItems", 1)
        _limit(schema["items"], allow_empty=allow_empty)
    elif schema.get("type") == "string" and "enum" not in schema:
        schema.setdefault("maxLength", MAX_PARAMETER_LENGTH)
        if not allow_empty:
            schema.setdefault("minLength", 1)
        if "pattern" not in schema and "format" not in schema:
            schema["pattern"] = NO_NUL_PATTERN


def enums_shared(result: dict, generator, **kwargs) -> dict:
    """Postprocessing hook: a parameter's inline enum becomes a reference to the enum
    component with the same values (after drf-spectacular's own enum hook made them)."""
    schemas = result.get("components", {}).get("schemas", {})
    by_values = {
        frozenset(component["enum"]): name
        for name, component in schemas.items()
        if "enum" in component and None not in component["enum"]
    }
    for operations in result["paths"].values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                schema = parameter["schema"]
                values = schema.get("items", schema)
                name = by_values.get(frozenset(values.get("enum", ())))
                if name is not None:
                    values.pop("enum")
                    values.pop("type", None)
                    values["$ref"] = f"#/components/schemas/{name}"
    return result


def security_hoisted(result: dict, generator, **kwargs) -> dict:
    """Postprocessing hook: the security requirement of every operation that reads a key,
    when they all have the same, stated once for the document instead; an operation that
    reads none (the problem catalogue) then says so itself (`security: []`)."""
    operations = [
        operation for methods in result["paths"].values() for operation in methods.values()
    ]
    secured = [operation for operation in operations if "security" in operation]
    requirements = {repr(operation["security"]) for operation in secured}
    if len(requirements) == 1:
        result["security"] = secured[0]["security"]
        for operation in operations:
            if "security" in operation:
                del operation["security"]
            else:
                operation["security"] = []
    return result


def _each_schema(node, visit) -> None:
    """Calls `visit` on every object in the document, depth first."""
    if isinstance(node, dict):
        visit(node)
        for value in node.values():
            _each_schema(value, visit)
    elif isinstance(node, list):
        for value in node:
            _each_schema(value, visit)


def nullable_as_null_type(result: dict, generator, **kwargs) -> dict:
    """Postprocessing hook: any `nullable: true` left (schemas written by hand, in OpenAPI
    3.0's terms) becomes 3.1's null type: `type: [string, "null"]`."""

    def rewrite(node: dict) -> None:
        if node.pop("nullable", False) is True:
            kind = node.get("type")
            if isinstance(kind, str):
                node["type"] = [kind, "null"]
            elif isinstance(kind, list) and "null" not in kind:
                kind.append("null")

    _each_schema(result, rewrite)
    return result


def blank_alternative_any_of(result: dict, generator, **kwargs) -> dict:
    """Postprocessing hook: `oneOf: [{format ...}, {maxLength: 0}]` becomes `anyOf`."""

    def rewrite(node: dict) -> None:
        branches = node.get("oneOf")
        if branches and {"type": "string", "maxLength": 0} in branches:
            node["anyOf"] = node.pop("oneOf")

    _each_schema(result, rewrite)
    return result
