"""Routes of the occupations app's API, mounted under /api/v1/ by careerapi/urls.py."""

from careerapi.api.routers import Router

from . import views

router = Router()
router.register("soc-groups", views.SocGroupViewSet)
router.register("job-zones", views.JobZoneViewSet)
router.register("occupations", views.OccupationViewSet)

urlpatterns = router.urls
