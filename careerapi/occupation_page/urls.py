"""The occupation page's route, mounted under /api/v1/ by careerapi/urls.py beside the
occupations app's list at the same prefix."""

from rest_framework.routers import SimpleRouter

from .views import OccupationPageViewSet

router = SimpleRouter()
router.register("occupations", OccupationPageViewSet, basename="occupation")

urlpatterns = router.urls
