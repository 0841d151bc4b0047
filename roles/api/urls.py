"""Routes of the roles app's API, mounted under /api/v1/ by careerapi/urls.py."""

from careerapi.api.routers import Router

from . import views

router = Router()
router.register("families", views.FamilyViewSet)
router.register("companies", views.CompanyViewSet)
router.register("skills", views.SkillViewSet)
router.register("ladders", views.LadderViewSet)
router.register("levels", views.LevelViewSet)
router.register("roles", views.RoleViewSet)

urlpatterns = router.urls
