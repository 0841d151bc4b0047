"""The occupation page's route, mounted under /api/v1/ by careerapi/urls.py beside the
occupations app's list at the same prefix."""

from careerapi.api.routers import Router

from .views import OccupationPageViewSet

router = Router()
router.register("occupations", OccupationPageViewSet, basename="occupation")

urlpatterns = router.urls
