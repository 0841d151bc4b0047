"""Currencies, regions, exchange rates and salary bands."""

from django.db import models
from django.db.models import F, Q

from careerapi.db import DatasetModel, SmallCountField
from roles.models import Level, Role
from sources.models import Source

from .choices import PayBasis, PayPeriod, RegionKind

AMOUNT = {"max_digits": 14, "decimal_places": 2, "null": True, "blank": True}
GUIDE_APPROXIMATION = (
    "The source's own approximate US-dollar figure for the {end} end, as it prints it "
    '("≈ USD 75k–225k"): the guide\'s approximation, not a conversion at an exchange rate.'
)


class Currency(DatasetModel):
    """An ISO 4217 currency, with its minor unit as the standard gives it."""

    code = models.CharField(max_length=3, unique=True)
    name = models.CharField(
        max_length=100, help_text="The ISO 4217 name, unless the files name it."
    )
    symbol = models.CharField(max_length=10, blank=True)
    minor_unit = SmallCountField(
        null=True,
        blank=True,
        help_text="Digits after the decimal point (JPY 0, USD 2, BHD 3); null where ISO 4217 "
        "gives none (gold, special drawing rights).",
    )

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "currencies"

    def __str__(self):
        return self.code


class Region(DatasetModel):
    """A place in the tree world > area > country > subdivision > metro.

    `path` lists the slugs from the root ("world/europe/western-europe/gb/london/"), so
    "this region and everything inside it" is one indexed prefix match.
    """

    slug = models.SlugField(max_length=120, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=12, choices=RegionKind.choices)
    code = models.CharField(
        max_length=6,
        unique=True,
        null=True,
        blank=True,
        help_text="ISO 3166-1 alpha-2 for a country (GB), ISO 3166-2 for a subdivision (US-WA).",
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    path = models.CharField(max_length=500, db_index=True, editable=False)
    currency = models.ForeignKey(
        Currency, null=True, blank=True, on_delete=models.PROTECT, related_name="regions"
    )

    class Meta:
        ordering = ["path"]

    def __str__(self):
        return self.name


class ExchangeRate(DatasetModel):
    """How many units of `currency` one unit of `base` bought on `date`, as its source published.

    The ECB's euro reference rates: `base` is EUR, one row per currency and publication day.
    """

    slug = models.SlugField(max_length=120, unique=True)
    base = models.ForeignKey(Currency, on_delete=models.PROTECT, related_name="+")
    currency = models.ForeignKey(Currency, on_delete=models.PROTECT, related_name="rates")
    date = models.DateField()
    rate = models.DecimalField(
        max_digits=20, decimal_places=8, help_text="Units of `currency` for one unit of `base`."
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-date", "currency__code"]
        indexes = [models.Index(fields=["date", "currency"], name="rate_date_currency")]
        constraints = [
            models.CheckConstraint(condition=Q(rate__gt=0), name="rate_positive"),
            models.UniqueConstraint(fields=["base", "currency", "date"], name="rate_once_a_day"),
        ]

    def __str__(self):
        return f"{self.date}: 1 {self.base} = {self.rate} {self.currency}"


class SalaryBand(DatasetModel):
    """Pay for a role (and level) in a region, exactly as one source states it.

    Amounts are kept as given: a band may have only a median, or a range whose maximum is
    open-ended ("$350k+"). Conflicting figures from different sources are separate bands.
    """

    slug = models.SlugField(max_length=120, unique=True)
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="salary_bands")
    level = models.ForeignKey(
        Level, null=True, blank=True, on_delete=models.PROTECT, related_name="salary_bands"
    )
    label = models.CharField(max_length=200, blank=True, help_text="Who the figure is for.")
    region = models.ForeignKey(
        Region, null=True, blank=True, on_delete=models.PROTECT, related_name="salary_bands"
    )
    currency = models.ForeignKey(Currency, on_delete=models.PROTECT, related_name="salary_bands")
    period = models.CharField(max_length=10, choices=PayPeriod.choices, default=PayPeriod.ANNUAL)
    basis = models.CharField(max_length=20, choices=PayBasis.choices, db_index=True)
    min_amount = models.DecimalField(**AMOUNT)
    max_amount = models.DecimalField(**AMOUNT)
    max_open = models.BooleanField(default=False, help_text="The maximum is open-ended.")
    median_amount = models.DecimalField(**AMOUNT)
    average_amount = models.DecimalField(**AMOUNT)
    usd_equivalent_min = models.DecimalField(
        **AMOUNT, help_text=GUIDE_APPROXIMATION.format(end="low")
    )
    usd_equivalent_max = models.DecimalField(
        **AMOUNT, help_text=GUIDE_APPROXIMATION.format(end="high")
    )
    quote = models.TextField()
    interpretation = models.TextField(blank=True)
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="salary_bands")

    class Meta:
        ordering = ["role", "level__position", "slug"]
        indexes = [
            models.Index(fields=["role", "level"], name="band_role_level"),
            models.Index(fields=["region", "role"], name="band_region_role"),
            models.Index(fields=["min_amount", "max_amount"], name="band_amounts"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(min_amount__isnull=False)
                | Q(max_amount__isnull=False)
                | Q(median_amount__isnull=False)
                | Q(average_amount__isnull=False),
                name="band_has_an_amount",
            ),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gt": 0}),
                    name=f"band_{field}_positive",
                )
                for field in ("min_amount", "max_amount", "median_amount", "average_amount")
            ],
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{low}__isnull": True})
                    | Q(**{f"{high}__isnull": True})
                    | Q(**{f"{low}__lte": F(high)}),
                    name=f"band_{low}_lte_{high}",
                )
                for low, high in (
                    ("min_amount", "max_amount"),
                    ("min_amount", "median_amount"),
                    ("median_amount", "max_amount"),
                    ("min_amount", "average_amount"),
                    ("average_amount", "max_amount"),
                    ("usd_equivalent_min", "usd_equivalent_max"),
                )
            ],
            models.CheckConstraint(
                condition=Q(max_open=False) | Q(max_amount__isnull=False),
                name="band_open_max_has_max",
            ),
        ]

    def __str__(self):
        return self.slug
