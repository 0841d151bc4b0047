"""Salary bands as JSON straight from database rows: the salary-band list's fast path.

A band list is a page of a table that may hold millions of rows, filtered by role, level
and region. Building a model instance and running a nested serializer per band costs more
than the query, so the list reads plain rows (`values()`) and writes the same JSON as
`SalaryBandSerializer` (tests/compensation/test_band_rows.py compares the two on every
band). The small tables a band points at (roles, levels, regions, currencies, sources) are
memoised per dataset, so a page is the count plus one query on the bands table alone.
"""

from decimal import Decimal
from types import SimpleNamespace

from django.db.models import QuerySet

from careerapi.api.rendering import datetime_json
from compensation.models import Currency, Region, SalaryBand
from dataset.memo import References, dataset_memo
from dataset.versions import DatasetStamp
from roles.models import Level, Role
from roles.selectors import source_refs_read

from .conversion import Conversion
from .serializers import ExchangeRateSerializer

BAND_COLUMNS = (
    "slug",
    "role_id",
    "level_id",
    "label",
    "region_id",
    "currency_id",
    "period",
    "basis",
    "min_amount",
    "max_amount",
    "max_open",
    "median_amount",
    "average_amount",
    "usd_equivalent_min",
    "usd_equivalent_max",
    "quote",
    "interpretation",
    "source_id",
    "updated_at",
)
AMOUNTS = ("min_amount", "max_amount", "median_amount", "average_amount")


def _number(value: Decimal | None) -> float | None:
    # REST_FRAMEWORK["COERCE_DECIMAL_TO_STRING"] is off: decimals are JSON numbers.
    return None if value is None else float(value)


@dataset_memo
def _references() -> dict[str, dict]:
    """What a band shows of the rows it points at, by id."""
    return {
        "role": dict(Role.objects.order_by().values_list("id", "slug")),
        "currency": dict(Currency.objects.order_by().values_list("id", "code")),
        "level": {
            row["id"]: {"slug": row["slug"], "name": row["name"], "code": row["code"]}
            for row in Level.objects.order_by().values("id", "slug", "name", "code")
        },
        "region": {
            row["id"]: {"slug": row["slug"], "name": row["name"], "code": row["code"]}
            for row in Region.objects.order_by().values("id", "slug", "name", "code")
        },
        "source": source_refs_read(),
    }


class BandRows:
    """Turns rows of `BAND_COLUMNS` into the dicts `SalaryBandSerializer` would return
    (`SalaryBandSummarySerializer` without `with_role`)."""

    def __init__(
        self,
        conversion: Conversion | None,
        *,
        dataset: DatasetStamp | None,
        with_role: bool = True,
    ):
        self.conversion, self.with_role, self.dataset = conversion, with_role, dataset
        self.refs = References(_references, dataset=dataset)

    def band(self, row: dict) -> dict:
        code = self.refs.get("currency", row["currency_id"])
        converted, note = self._converted(row, code)
        band = {"slug": row["slug"]}
        if self.with_role:  # not inside its role's page (`SalaryBandSummarySerializer`)
            band["role"] = self.refs.get("role", row["role_id"])
        return band | {
            "level": self.refs.get("level", row["level_id"]),
            "label": row["label"],
            "region": self.refs.get("region", row["region_id"]),
            "currency": code,
            "period": row["period"],
            "basis": row["basis"],
            "min_amount": _number(row["min_amount"]),
            "max_amount": _number(row["max_amount"]),
            "max_open": row["max_open"],
            "median_amount": _number(row["median_amount"]),
            "average_amount": _number(row["average_amount"]),
            "usd_equivalent_min": _number(row["usd_equivalent_min"]),
            "usd_equivalent_max": _number(row["usd_equivalent_max"]),
            "quote": row["quote"],
            "interpretation": row["interpretation"],
            "source": self.refs.get("source", row["source_id"]),
            "converted": converted,
            "conversion_note": note,
            "updated_at": datetime_json(row["updated_at"]),
        }

    def _converted(self, row: dict, code: str) -> tuple[dict | None, str | None]:
        if self.conversion is None:
            return None, None
        band = SimpleNamespace(currency=SimpleNamespace(code=code), **{a: row[a] for a in AMOUNTS})
        amounts = self.conversion.convert(band)
        if amounts is None:
            return None, self.conversion.note(band)
        return {
            "currency": amounts.currency,
            "min": _number(amounts.min),
            "max": _number(amounts.max),
            "median": _number(amounts.median),
            "average": _number(amounts.average),
            "rate": _number(amounts.rate),
            "rates_used": _rates_json(amounts.rates_used, dataset=self.dataset),
        }, None


@dataset_memo
def _rates_written() -> dict[tuple, list]:
    return {}


def _rates_json(rates, *, dataset: DatasetStamp | None) -> list:
    """The exchange rates a conversion used, as JSON, written once per dataset."""
    written = _rates_written(dataset=dataset)
    key = tuple(rate.pk for rate in rates)
    if key not in written:
        written[key] = ExchangeRateSerializer(rates, many=True).data
    return written[key]


def band_rows(queryset: QuerySet[SalaryBand]) -> QuerySet:
    """The queryset as rows of `BAND_COLUMNS`, for `BandRows.band`."""
    return queryset.select_related(None).values(*BAND_COLUMNS)
