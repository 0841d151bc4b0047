"""Routes of the sources app's API, mounted under /api/v1/ by careerapi/urls.py."""

from careerapi.api.routers import Router

from . import views

router = Router()
router.register("sources", views.SourceViewSet)

urlpatterns = router.urls
