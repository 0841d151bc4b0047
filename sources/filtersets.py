"""Filters for the sources collection."""

from careerapi.api.filters import BaseFilterSet, SearchFilter

from .models import Source


class SourceFilterSet(BaseFilterSet):
    search = SearchFilter(fields=("title", "publisher", "covers"))

    class Meta:
        model = Source
        fields = []
