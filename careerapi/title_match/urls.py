"""Route of the title matching endpoint, mounted under /api/v1/ by careerapi/urls.py."""

from django.urls import path

from .views import TitleMatchView

urlpatterns = [path("title-match/", TitleMatchView.as_view(), name="title-match")]
