"""The role page's route, mounted under /api/v1/ by careerapi/urls.py beside the roles
app's list and match at the same prefix."""

from careerapi.api.routers import Router

from .views import RolePageViewSet

router = Router()
router.register("roles", RolePageViewSet, basename="role")

urlpatterns = router.urls
