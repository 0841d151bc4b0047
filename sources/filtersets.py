"""Filters for the sources collection."""

from careerapi.api.filters import BaseFilterSet, SearchFilter, relevance_ordering

from .models import Source


class SourceFilterSet(BaseFilterSet):
    search = SearchFilter()
    ordering = relevance_ordering("title", "slug", default="slug")

    class Meta:
        model = Source
        fields = []
