"""Routes of the interviews app's API, mounted under /api/v1/ by careerapi/urls.py."""

from careerapi.api.routers import Router

from . import views

router = Router()
router.register("interview-processes", views.InterviewProcessViewSet)
router.register("competencies", views.CompetencyViewSet)
router.register("topics", views.TopicViewSet)
router.register("questions", views.QuestionViewSet)

urlpatterns = router.urls
