"""Currencies, regions, exchange rates, salary bands and official market pay."""

from django.db import models
from django.db.models import F, Q

from careerapi.db import CountField, DatasetModel, SmallCountField
from occupations.models import SocGroup
from roles.models import Level, Role
from search.declaring import Searchable
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

    searchable = Searchable(type="currency", key="code")

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "currencies"

    def __str__(self):
        return self.code


class Region(DatasetModel):
    """A place in the tree world > area > country > subdivision > metro (or nonmetro area).

    `path` lists the slugs from the root ("world/europe/western-europe/gb/london/"). A metro
    area that spans states sits under its first state and is `also_in` the others, so it
    is found from each of them.
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
    area_code = models.CharField(
        max_length=7,
        unique=True,
        null=True,
        blank=True,
        help_text="The BLS OEWS area code: 0000000 for the United States, 5300000 for "
        "Washington, 0042660 for Seattle-Tacoma-Bellevue, WA (a metro area's last five "
        "digits are its CBSA code).",
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    also_in = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="spanning",
        help_text="Other regions this one lies partly in (the other states of a metro area "
        "that spans states).",
    )
    path = models.CharField(max_length=500, db_index=True, editable=False)
    currency = models.ForeignKey(
        Currency, null=True, blank=True, on_delete=models.PROTECT, related_name="regions"
    )

    searchable = Searchable(type="region")

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


WAGE = {"max_digits": 12, "decimal_places": 2, "null": True, "blank": True}
RATIO = {"max_digits": 10, "decimal_places": 3, "null": True, "blank": True}


class MarketPay(DatasetModel):
    """Official wage statistics for one occupation (a SOC code) in one area, as the U.S.
    Bureau of Labor Statistics publishes them (OEWS): a market figure, unlike a company's
    salary bands.

    A value BLS does not publish is null, and `unpublished` names it with the footnote that
    says why: 4 (the occupation is paid annually only or hourly only), 5 (at or above the
    top of the published range: open-ended) or 8 (estimate not released). A null value
    without a footnote does not apply (the national area has no location quotient).
    """

    slug = models.SlugField(max_length=140, unique=True)
    occupation = models.ForeignKey(SocGroup, on_delete=models.PROTECT, related_name="market_pay")
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="market_pay")
    release = models.CharField(max_length=10, help_text="The BLS release, e.g. 2025A01 (May 2025).")
    series_id = models.CharField(
        max_length=23,
        help_text="The BLS series id of the figures, less the two digits of each figure's "
        "datatype (01 employment … 17 location quotient).",
    )
    employment = CountField(null=True, blank=True)
    employment_rse = models.DecimalField(
        max_digits=5, decimal_places=1, null=True, blank=True, help_text="Percent."
    )
    hourly_mean = models.DecimalField(**WAGE)
    annual_mean = models.DecimalField(**WAGE)
    wage_rse = models.DecimalField(
        max_digits=5, decimal_places=1, null=True, blank=True, help_text="Percent."
    )
    hourly_p10 = models.DecimalField(**WAGE)
    hourly_p25 = models.DecimalField(**WAGE)
    hourly_median = models.DecimalField(**WAGE)
    hourly_p75 = models.DecimalField(**WAGE)
    hourly_p90 = models.DecimalField(**WAGE)
    annual_p10 = models.DecimalField(**WAGE)
    annual_p25 = models.DecimalField(**WAGE)
    annual_median = models.DecimalField(**WAGE)
    annual_p75 = models.DecimalField(**WAGE)
    annual_p90 = models.DecimalField(**WAGE)
    jobs_per_1000 = models.DecimalField(**RATIO)
    location_quotient = models.DecimalField(**RATIO)
    unpublished = models.JSONField(
        default=dict,
        blank=True,
        help_text="Each value BLS did not publish, by field name, with its footnote code.",
    )
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="market_pay")

    class Meta:
        ordering = ["slug"]
        verbose_name_plural = "market pay"
        indexes = [
            models.Index(fields=["occupation", "region"], name="market_pay_cell"),
            models.Index(fields=["region", "occupation"], name="market_pay_by_region"),
        ]

    def __str__(self):
        return self.slug
