"""The base every API view builds on: read-only, slug lookups, strict query parameters."""

import re

from django.http import Http404
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.mixins import ListModelMixin, RetrieveModelMixin
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework.viewsets import GenericViewSet

from .caching import CachedResponses
from .filters import QUERY_TOO_LONG, SLUG_PATTERN
from .pagination import MAX_PAGE_SIZE, OneQueryPagination
from .rows import RowWriter

MAX_PARAMETER_LENGTH = 200
MAX_QUERY_LENGTH = 4096  # the whole query string (gunicorn_conf.py: below its line bound)
PAGINATION_PARAMETERS = {"page", "page_size"}
#: Filters for which an empty value means something (no search at all).
EMPTY_ALLOWED = {"search"}
_POSITIVE_INT = re.compile(r"^[1-9][0-9]*$")
FORMAT_NOT_OFFERED = (
    "this endpoint answers JSON only: format=jsonld (schema.org JSON-LD) is offered by a role "
    "page (/api/v1/roles/{slug}/) and an occupation page (/api/v1/occupations/{code}/)."
)


class QueryParameterCheck:
    """Reject what a filter backend would otherwise ignore or choke on.

    Unknown parameter names (a typo would silently return everything), NUL bytes (PostgreSQL
    refuses them in text), empty and overlong values, and malformed or out-of-range page
    numbers all answer 400 naming the parameter. Only GET and HEAD are checked: any other
    method is a 405 whatever its query string.
    """

    #: Parameters each action reads itself, beyond the list's filterset and pagination,
    #: e.g. {"retrieve": ("currency",), "match": ("skills", "page", "page_size")}.
    action_query_parameters: dict[str, tuple[str, ...]] = {}

    def filter_parameters(self) -> set[str]:
        """The parameters of the list's filterset."""
        filterset_class = getattr(self, "filterset_class", None)
        if getattr(self, "action", None) != "list" or filterset_class is None:
            return set()
        return set(filterset_class.base_filters)

    def allowed_query_parameters(self) -> set[str]:
        action = getattr(self, "action", None)
        allowed = set(self.action_query_parameters.get(action, ())) | self.filter_parameters()
        if action == "list" and getattr(self, "pagination_class", None) is not None:
            allowed |= PAGINATION_PARAMETERS
        return allowed

    def check_query_parameters(self, request) -> None:
        errors: dict[str, str] = {}
        allowed = self.allowed_query_parameters()
        # A filterset would read an empty value as "no filter"; the views' own parameters
        # say themselves what is wrong with an empty one.
        no_empty = self.filter_parameters() - EMPTY_ALLOWED
        for name, values in request.query_params.lists():
            if "\x00" in name or any("\x00" in value for value in values):
                errors[name.replace("\x00", "\\x00")] = "contains a NUL byte."
            elif name == "format" and name not in allowed:
                errors[name] = FORMAT_NOT_OFFERED
            elif name not in allowed:
                errors[name] = unknown_parameter_message(allowed)
            elif any(len(value) > MAX_PARAMETER_LENGTH for value in values):
                errors[name] = f"longer than {MAX_PARAMETER_LENGTH} characters."
            elif name in no_empty and not all(value.strip() for value in values):
                errors[name] = "empty value (leave the parameter out instead)."
            elif name in PAGINATION_PARAMETERS:
                error = page_error(name, values)
                if error:
                    errors[name] = error
        if not errors and len(request.META.get("QUERY_STRING", "")) > MAX_QUERY_LENGTH:
            # Many short values: no one parameter is at fault, so name the query itself.
            message = f"the query string is longer than {MAX_QUERY_LENGTH} characters."
            raise ValidationError({"query": message}, code=QUERY_TOO_LONG)
        if errors:
            raise ValidationError(errors)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if request.method in ("GET", "HEAD"):
            self.check_query_parameters(request)


def unknown_parameter_message(allowed: set[str]) -> str:
    """The error of a query parameter the endpoint does not take: those it takes."""
    return f"unknown query parameter (this endpoint takes: {', '.join(sorted(allowed)) or 'none'})."


def item_not_found(name: str, value) -> NotFound:
    """The 404 of a detail URL whose slug (or code) names no item of this collection."""
    return NotFound(f"No {name} {value}.")


def lookup_canonical(value: str, pattern: str) -> str:
    """`value` spelt as `pattern` has it: as given, else in lower case (slugs), else in
    upper case (currency codes), as the filters resolve slugs and codes
    (`SlugListField.resolve`); as given when no spelling fits (a 404 then)."""
    for spelling in (value, value.lower(), value.upper()):
        if re.fullmatch(pattern, spelling):
            return spelling
    return value


def page_error(name: str, values: list[str]) -> str | None:
    if len(values) > 1:
        return "given more than once."
    if not _POSITIVE_INT.match(values[0]):
        return "must be a whole number from 1."
    if name == "page_size" and int(values[0]) > MAX_PAGE_SIZE:
        return f"at most {MAX_PAGE_SIZE}."
    return None


class DatasetContext:
    """Serializers are given the dataset stamp the request is answered from, so what they
    read per dataset (`dataset.memo`) is read for that stamp."""

    def get_serializer_context(self):
        dataset = getattr(self.request, "dataset", None)
        return {**super().get_serializer_context(), "dataset": dataset}


class CollectionViewSet(CachedResponses, QueryParameterCheck, DatasetContext, GenericViewSet):
    """A collection whose items are looked up by slug; its actions come from the mixins."""

    lookup_field = "slug"
    lookup_value_regex = SLUG_PATTERN.strip("^$")

    def initial(self, request, *args, **kwargs):
        # The route matched the lookup in any case (careerapi.api.routers): read it as the
        # lists spell it, so every lookup below finds the canonical item.
        lookup = self.lookup_url_kwarg or self.lookup_field
        if lookup in self.kwargs:
            self.kwargs[lookup] = lookup_canonical(self.kwargs[lookup], self.lookup_value_regex)
        super().initial(request, *args, **kwargs)

    def get_object(self):
        try:
            return super().get_object()
        except Http404:  # "No Role matches the given query.": say which role
            lookup = self.lookup_url_kwarg or self.lookup_field
            name = self.get_queryset().model._meta.verbose_name
            raise item_not_found(name, self.kwargs[lookup]) from None


class ReadOnlyViewSet(RetrieveModelMixin, ListModelMixin, CollectionViewSet):
    """A read-only collection: list and detail."""


class RowList:
    """ViewSet mixin: the list reads plain rows, counted in the page's query, and writes
    them with the serializer's fields (`RowWriter`), not a model instance per item."""

    pagination_class = OneQueryPagination

    def list(self, request, *args, **kwargs):
        # The view's queryset says in which order nested lists come (its prefetches).
        writer = RowWriter(self.get_serializer(), queryset=self.get_queryset())
        page = self.paginate_queryset(writer.rows(self.filter_queryset(self.get_queryset())))
        return self.get_paginated_response(writer.write_many(page))


class RowDetail:
    """ViewSet mixin: the detail is written from rows too, its nested lists read one query
    each (an item that nests hundreds of rows: an occupation's titles, tasks, technologies).
    The export writes such items so as well."""

    def retrieve(self, request, *args, **kwargs):
        queryset = self.get_queryset()
        writer = RowWriter(self.get_serializer(), queryset=queryset)
        lookup = self.lookup_url_kwarg or self.lookup_field
        rows = list(writer.rows(queryset.filter(**{self.lookup_field: self.kwargs[lookup]})))
        if not rows:
            raise item_not_found(queryset.model._meta.verbose_name, self.kwargs[lookup])
        return Response(writer.write(rows[0]))


class OpenToAnyone:
    """View mixin for what describes the API rather than serves its data: the schema, its
    documentation pages and the problem catalogue. They answer whatever Authorization or
    X-API-Key a request carries, unread (a deployment behind an HTTP Basic proxy sends
    Basic on every request, and a 401's `type` must not answer 401 itself), even when keys
    are required, and count against no quota (so carry no RateLimit headers): a 429's
    `type` must not answer 429."""

    authentication_classes = ()
    permission_classes = ()  # none: anyone (not AllowAny, which the schema lists twice)
    throttle_classes = ()


class ApiView(CachedResponses, QueryParameterCheck, APIView):
    """A read-only endpoint that is not a model collection (index, dataset, changes, export)."""
