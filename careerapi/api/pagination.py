"""Page-number pagination with a bounded, client-settable page size."""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Count, Window
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination

from .links import LINK_SCHEMA, page_link

MAX_PAGE_SIZE = 100
# The values `page` and `page_size` may take, as OpenAPI schema keywords.
PARAMETER_BOUNDS = {
    "page": {"minimum": 1},
    "page_size": {"minimum": 1, "maximum": MAX_PAGE_SIZE},
}


class PageNotFound(NotFound):
    """A page past the last one: a 404 whose problem document names `page`."""

    parameter = "page"


class Pagination(PageNumberPagination):
    """`?page=N&page_size=M` with M from 1 to 100; a page past the end is a 404 problem.

    Malformed or out-of-range values are rejected (400) by `QueryParameterCheck`, never
    clamped, so a client always gets the page size it asked for.
    """

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = MAX_PAGE_SIZE
    page_size_query_description = f"Items per page, 1 to {MAX_PAGE_SIZE} (default 20)."
    page_query_description = "Page number, from 1. A page past the last one is a 404."
    invalid_page_message = "Page {page_number} does not exist: {message}"
    #: What the schema's example of the list's first page shows, set for each operation by
    #: `careerapi.api.schema.AutoSchema`: the list's path and required query (their
    #: examples), so its `next` link asks for the same list, and its count on the seed
    #: dataset.
    example_path = "/api/v1/"
    example_query: dict = {}
    example_count = 1

    def paginate_queryset(self, queryset, request, view=None):
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound as error:
            raise PageNotFound(error.detail) from None

    def get_schema_operation_parameters(self, view):
        # Document the bounds `QueryParameterCheck` enforces, so a client (or schemathesis)
        # knows which values are a 400 before sending them.
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"].update(PARAMETER_BOUNDS[parameter["name"]])
        return parameters

    def get_next_link(self):
        if not self.page.has_next():
            return None
        return page_link(self.request, self.page_query_param, self.page.next_page_number())

    def get_previous_link(self):
        if not self.page.has_previous():
            return None
        return page_link(self.request, self.page_query_param, self.page.previous_page_number())

    def get_paginated_response_schema(self, schema):
        # DRF's example links point at an /accounts/ endpoint; show the list's own first
        # page. It holds one item (an example is one result), so its page size is 1.
        response = super().get_paginated_response_schema(schema)
        properties = response["properties"]
        response["required"] = list(properties)  # `next`, `previous`: null at either end
        properties["count"]["example"] = self.example_count
        next_link = None
        if self.example_count > 1:
            query = {**self.example_query, "page": 2, self.page_size_query_param: 1}
            # Sorted, as the API writes the links it answers with (`page_link`).
            next_link = f"{self.example_path}?{urlencode(sorted(query.items()), doseq=True)}"
        properties["next"].update(LINK_SCHEMA, example=next_link)
        properties["previous"].update(LINK_SCHEMA, example=None)
        return response


#: Past this a database cannot take the offset; such a page is past the last one anyway.
LARGEST_OFFSET = 2**63 - 1


class OneQueryPaginator(Paginator):
    """The page and the total count from one query: `COUNT(*) OVER ()` beside each row.

    For lists of plain rows (`values()`). Past the last page no row carries the count, so
    it is counted on its own (that page is a 404 anyway); with DISTINCT the window would
    count rows before they are made distinct, so such a list is counted on its own too.
    """

    COUNT_KEY = "_count_of_all"

    def page(self, number):
        rows = self.object_list
        try:
            number = int(number)
        except (TypeError, ValueError):
            return super().page(number)  # Django's own error for a malformed number
        bottom = (number - 1) * self.per_page
        if number < 1 or rows.query.distinct or bottom + self.per_page > LARGEST_OFFSET:
            return super().page(number)
        counted = rows.annotate(**{self.COUNT_KEY: Window(Count("*"))})
        page_rows = list(counted[bottom : bottom + self.per_page])
        if page_rows:
            self.__dict__["count"] = page_rows[0][self.COUNT_KEY]  # the cached property
            for row in page_rows:
                del row[self.COUNT_KEY]
        return self._get_page(page_rows, self.validate_number(number), self)


class OneQueryPagination(Pagination):
    """`Pagination` for lists of plain rows, counted in the page's query."""

    django_paginator_class = OneQueryPaginator
