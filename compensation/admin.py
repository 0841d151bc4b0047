"""Admin for the compensation app: currencies, regions, exchange rates, salary bands and
market pay.

Read-only, as every dataset admin (`careerapi.admin.DatasetAdmin`): the data is written
only by `manage.py load_dataset` from the files in `fixtures/`, the source of truth. The
admin is for browsing, searching and filtering; to change a row, edit the fixture files
and load them.
"""

from django.contrib import admin

from careerapi.admin import DatasetAdmin, RelatedOnly

from .models import Currency, ExchangeRate, MarketPay, Region, SalaryBand


@admin.register(Currency)
class CurrencyAdmin(DatasetAdmin):
    list_display = ("code", "name", "symbol", "minor_unit", "updated_at")
    search_fields = ("code", "name")
    ordering = ("code",)


@admin.register(Region)
class RegionAdmin(DatasetAdmin):
    list_display = (
        "name",
        "slug",
        "kind",
        "code",
        "area_code",
        "parent",
        "currency",
        "path",
        "updated_at",
    )
    list_filter = ("kind", ("currency", RelatedOnly))
    list_select_related = ("parent", "currency")
    search_fields = ("slug", "name", "code", "area_code", "path")
    ordering = ("path",)
    readonly_fields = ("path", "updated_at")


@admin.register(ExchangeRate)
class ExchangeRateAdmin(DatasetAdmin):
    list_display = ("date", "base", "currency", "rate", "source", "updated_at")
    list_filter = (("currency", RelatedOnly), ("source", RelatedOnly))
    list_select_related = ("base", "currency", "source")
    search_fields = ("slug", "currency__code", "currency__name")
    date_hierarchy = "date"
    ordering = ("-date", "currency__code")


@admin.register(SalaryBand)
class SalaryBandAdmin(DatasetAdmin):
    list_display = (
        "slug",
        "role",
        "level",
        "region",
        "currency",
        "period",
        "basis",
        "min_amount",
        "max_amount",
        "median_amount",
        "source",
    )
    list_filter = (
        "basis",
        "period",
        ("currency", RelatedOnly),
        "region__kind",
        ("region", RelatedOnly),
        ("role__company", RelatedOnly),
        ("source", RelatedOnly),
    )
    list_select_related = ("role__company", "level", "region", "currency", "source")
    search_fields = (
        "slug",
        "label",
        "role__slug",
        "role__title",
        "level__name",
        "level__code",
        "region__name",
        "quote",
    )
    ordering = ("role__title", "level__position", "slug")
    fieldsets = (
        (None, {"fields": ("slug", "role", "level", "label", "region", "source")}),
        (
            "Amounts",
            {
                "fields": (
                    ("currency", "period", "basis"),
                    ("min_amount", "max_amount", "max_open"),
                    ("median_amount", "average_amount"),
                    ("usd_equivalent_min", "usd_equivalent_max"),
                )
            },
        ),
        ("Evidence", {"fields": ("quote", "interpretation", "updated_at")}),
    )


@admin.register(MarketPay)
class MarketPayAdmin(DatasetAdmin):
    list_display = (
        "occupation",
        "region",
        "release",
        "employment",
        "annual_median",
        "hourly_median",
        "updated_at",
    )
    list_filter = ("release", "region__kind", "occupation__level")
    list_select_related = ("occupation", "region")
    search_fields = ("slug", "series_id", "occupation__code", "occupation__title", "region__name")
    ordering = ("occupation__code", "region__path")
