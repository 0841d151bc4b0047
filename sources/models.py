"""The documents the dataset was taken from: every fact, in every app, names one."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models

from careerapi.db import DatasetModel, derived_from
from search.declaring import Searchable


class Source(DatasetModel):
    """A document the data was taken from; every fact points at one."""

    slug = models.SlugField(max_length=120, unique=True)
    title = models.CharField(max_length=300)
    publisher = models.CharField(max_length=200, blank=True)
    file = models.CharField(max_length=300, help_text="File name of the document.")
    url = models.URLField(blank=True)
    covers = models.TextField(help_text="What the document covers.")
    as_of = models.DateField(null=True, blank=True)
    as_of_note = models.TextField(blank=True)
    licence = models.TextField(blank=True, help_text="The terms the data may be reused under.")
    citation = models.CharField(
        max_length=300, blank=True, help_text="The credit line the licence asks for, verbatim."
    )

    searchable = Searchable(
        type="source", title=("title",), names=("publisher",), body=("covers",), label="title"
    )
    search_documents = GenericRelation("search.SearchDocument")

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.title

    @derived_from("title", "publisher", "as_of", "citation")
    def attribution(self) -> str:
        """The line a client shows next to a figure: the credit its licence asks for, else
        title, publisher and date where known."""
        if self.citation:
            return self.citation
        parts = [self.title, self.publisher, self.as_of.isoformat() if self.as_of else ""]
        return " — ".join(part for part in parts if part)
