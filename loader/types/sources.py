"""The sources in the dataset files: the documents every fact names."""

from sources.api import views
from sources.models import Source

from ..declaring import DatasetType, Value

SOURCES = DatasetType(
    "sources",
    Source,
    [
        Value("slug"),
        Value("title"),
        Value("publisher"),
        Value("file"),
        Value("url"),
        Value("covers"),
        Value("as_of"),
        Value("as_of_note"),
        Value("licence"),
        Value("citation"),
    ],
    collection="sources",
    viewset=views.SourceViewSet,
)
