"""Route of the suggestions endpoint, mounted under /api/v1/ by careerapi/urls.py."""

from django.urls import path

from .views import SuggestView

urlpatterns = [path("suggest/", SuggestView.as_view(), name="suggest")]
