"""Writing currencies, regions, exchange rates and salary bands."""

from compensation.models import Currency, ExchangeRate, Region, SalaryBand

from ..sync import table_upsert
from .base import as_date, as_decimal


class CompensationWriter:
    """Writes the compensation app's collections; mixed into `DatasetWriter`."""

    def _write_compensation_app(self) -> None:
        d = self.data
        currencies = self._start(Currency, ("code",))
        table_upsert(
            currencies,
            [
                {"code": c["code"], "name": c["name"], "symbol": c.get("symbol", "")}
                for c in d.get("currencies", [])
            ],
            now=self.now,
        )
        by_slug = {r["slug"]: r for r in d.get("regions", [])}

        def path(slug: str) -> str:
            parent = by_slug[slug].get("parent")
            return (path(parent) if parent else "") + slug + "/"

        regions = self._tree(
            Region,
            "regions",
            lambda r, table: {
                "slug": r["slug"],
                "name": r["name"],
                "kind": r["kind"],
                "code": r.get("code"),
                "parent_id": self._id(table, r.get("parent")),
                "path": path(r["slug"]),
                "currency_id": currencies.ids[(r["currency"],)] if "currency" in r else None,
            },
        )
        # A currency shows its latest rate, so a rate belongs to its currency.
        self._children(
            ExchangeRate,
            currencies,
            "currency_id",
            [
                {
                    "slug": x["slug"],
                    "currency_id": currencies.ids[(x["currency"],)],
                    "rate_to_usd": as_decimal(x["rate_to_usd"]),
                    "as_of": as_date(x.get("as_of")),
                    "derivation": x["derivation"],
                    "quote": x["quote"],
                    "source_id": self._id(self.sources, x["source"]),
                }
                for x in d.get("exchange_rates", [])
            ],
            ("slug",),
        )
        table_upsert(
            self._start(SalaryBand, ("slug",)),
            [
                {
                    "slug": b["slug"],
                    "role_id": self._id(self.roles, b["role"]),
                    "level_id": self._id(self.levels, b.get("level")),
                    "label": b.get("label", ""),
                    "region_id": self._id(regions, b.get("region")),
                    "currency_id": currencies.ids[(b["currency"],)],
                    "period": b.get("period", "annual"),
                    "basis": b["basis"],
                    "min_amount": as_decimal(b.get("min")),
                    "max_amount": as_decimal(b.get("max")),
                    "max_open": b.get("max_open", False),
                    "median_amount": as_decimal(b.get("median")),
                    "average_amount": as_decimal(b.get("average")),
                    "usd_equivalent_min": as_decimal(b.get("usd_equivalent_min")),
                    "usd_equivalent_max": as_decimal(b.get("usd_equivalent_max")),
                    "quote": b["quote"],
                    "interpretation": b.get("interpretation", ""),
                    "source_id": self._id(self.sources, b["source"]),
                }
                for b in d.get("salary_bands", [])
            ],
            now=self.now,
        )
