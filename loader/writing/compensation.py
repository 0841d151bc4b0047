"""Writing currencies, regions, exchange rates and salary bands."""

from collections.abc import Iterator

from compensation.models import Currency, ExchangeRate, Region, SalaryBand

from ..sync import TableSync, table_upsert
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
        bands = self._start(SalaryBand, ("slug",))
        table_upsert(bands, self._band_rows(regions, currencies), now=self.now)

    def _band_rows(self, regions: TableSync, currencies: TableSync) -> Iterator[dict]:
        """Bands are most of a large dataset: local names, and rows made as they are used."""
        role_ids, level_ids, region_ids = self.roles.ids, self.levels.ids, regions.ids
        currency_ids, source_ids = currencies.ids, self.sources.ids
        for b in self.data.get("salary_bands", []):
            get = b.get
            level, region = get("level"), get("region")
            yield {
                "slug": b["slug"],
                "role_id": role_ids[(b["role"],)],
                "level_id": None if level is None else level_ids[(level,)],
                "label": get("label", ""),
                "region_id": None if region is None else region_ids[(region,)],
                "currency_id": currency_ids[(b["currency"],)],
                "period": get("period", "annual"),
                "basis": b["basis"],
                "min_amount": as_decimal(get("min")),
                "max_amount": as_decimal(get("max")),
                "max_open": get("max_open", False),
                "median_amount": as_decimal(get("median")),
                "average_amount": as_decimal(get("average")),
                "usd_equivalent_min": as_decimal(get("usd_equivalent_min")),
                "usd_equivalent_max": as_decimal(get("usd_equivalent_max")),
                "quote": b["quote"],
                "interpretation": get("interpretation", ""),
                "source_id": source_ids[(b["source"],)],
            }
