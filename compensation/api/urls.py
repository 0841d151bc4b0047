"""Routes of the compensation app's API, mounted under /api/v1/ by careerapi/urls.py."""

from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("regions", views.RegionViewSet)
router.register("currencies", views.CurrencyViewSet)
router.register("exchange-rates", views.ExchangeRateViewSet)
router.register("salary-bands", views.SalaryBandViewSet)
router.register("market-pay", views.MarketPayViewSet)

urlpatterns = router.urls
