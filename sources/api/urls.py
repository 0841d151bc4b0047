"""Routes of the sources app's API, mounted under /api/v1/ by careerapi/urls.py."""

from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("sources", views.SourceViewSet)

urlpatterns = router.urls
