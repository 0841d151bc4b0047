"""Admin for the compensation app: currencies, regions, exchange rates and salary bands.

The data is normally written by `manage.py load_dataset` from the files in `fixtures/`.
The loader makes the database hold exactly what those files say, so an edit made here is
overwritten (and a row added here is removed) on the next load: for a lasting change, edit
the fixture files. `Region.path` is derived by the loader from the parents, so it is
read-only here.
"""

from django.contrib import admin

from careerapi.admin import DatasetAdmin, RelatedOnly

from .models import Currency, ExchangeRate, Region, SalaryBand


@admin.register(Currency)
class CurrencyAdmin(DatasetAdmin):
    list_display = ("code", "name", "symbol", "updated_at")
    search_fields = ("code", "name")
    ordering = ("code",)


@admin.register(Region)
class RegionAdmin(DatasetAdmin):
    list_display = ("name", "slug", "kind", "code", "parent", "currency", "path", "updated_at")
    list_filter = ("kind", ("currency", RelatedOnly))
    list_select_related = ("parent", "currency")
    search_fields = ("slug", "name", "code", "path")
    ordering = ("path",)
    readonly_fields = ("path", "updated_at")
    autocomplete_fields = ("parent", "currency")


@admin.register(ExchangeRate)
class ExchangeRateAdmin(DatasetAdmin):
    list_display = ("slug", "currency", "rate_to_usd", "as_of", "source", "updated_at")
    list_filter = (("currency", RelatedOnly), ("source", RelatedOnly))
    list_select_related = ("currency", "source")
    search_fields = ("slug", "currency__code", "currency__name", "derivation", "quote")
    ordering = ("currency__code", "-as_of")
    autocomplete_fields = ("currency", "source")


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
    autocomplete_fields = ("role", "level", "region", "currency", "source")
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
