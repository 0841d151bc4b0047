"""Routes of the dataset endpoints, mounted under /api/v1/ by careerapi/urls.py."""

from django.urls import path

from .views import ChangeListView, DatasetView, ExportView

urlpatterns = [
    path("dataset/", DatasetView.as_view(), name="dataset"),
    path("changes/", ChangeListView.as_view(), name="changes"),
    path("export/", ExportView.as_view(), name="export"),
]
