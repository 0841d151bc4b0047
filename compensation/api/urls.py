"""Routes of the compensation app's API, mounted under /api/v1/ by careerapi/urls.py."""

from careerapi.api.routers import Router

from . import views

router = Router()
router.register("regions", views.RegionViewSet)
router.register("currencies", views.CurrencyViewSet)
router.register("exchange-rates", views.ExchangeRateViewSet)
router.register("salary-bands", views.SalaryBandViewSet)
router.register("market-pay", views.MarketPayViewSet)

urlpatterns = router.urls
