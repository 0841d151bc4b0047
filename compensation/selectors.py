"""What the compensation app's answers read per loaded dataset, memoised by
`dataset_memo`: call each with `dataset=request.dataset` (or None to read afresh).

`exchange_rates_of` is not: a request may name any of 7,000 days, and only the latest
(`exchange_rates_latest`) is asked for by most."""

from datetime import date

from django.db.models import Max, Min, Subquery

from dataset.memo import dataset_memo

from .models import Currency, ExchangeRate, Region
from .services import RatesOfDay


@dataset_memo
def currency_minor_units() -> dict[str, int | None]:
    """Every currency's ISO 4217 minor unit, by code."""
    return dict(Currency.objects.values_list("code", "minor_unit"))


@dataset_memo
def exchange_rate_span() -> tuple[date, date] | None:
    """The first and the latest day the dataset holds rates of, or None without rates."""
    span = ExchangeRate.objects.aggregate(first=Min("date"), latest=Max("date"))
    return None if span["latest"] is None else (span["first"], span["latest"])


def exchange_rates_of(*, day: date) -> RatesOfDay | None:
    """The rates of the latest publication day on or before `day` (None: none so early),
    in one query."""
    published = ExchangeRate.objects.filter(date__lte=day).order_by("-date").values("date")[:1]
    rates = list(
        ExchangeRate.objects.filter(date=Subquery(published)).select_related(
            "base", "currency", "source"
        )
    )
    if not rates:
        return None
    return RatesOfDay(date=rates[0].date, rates={rate.currency.code: rate for rate in rates})


@dataset_memo
def exchange_rates_latest() -> RatesOfDay | None:
    """The rates of the latest day held: what a conversion without `rate_date` uses."""
    return exchange_rates_of(day=date.max)


@dataset_memo
def regions_also_inside() -> dict[int, frozenset[int]]:
    """Each region's id -> the regions inside it that its path does not show: those `also_in`
    it or in a region under it (a metro area that spans states, in its other states), with
    what is under them. Most regions have none; a filter takes its path and these."""
    paths = dict(Region.objects.order_by().values_list("id", "path"))
    by_path = {path: region_id for region_id, path in paths.items()}
    found: dict[int, set[int]] = {}
    for region_id, other_id in Region.also_in.through.objects.values_list(
        "from_region_id", "to_region_id"
    ):
        spanning = {r for r, path in paths.items() if path.startswith(paths[region_id])}
        # The other region and every region above it hold the spanning one …
        steps = paths[other_id].rstrip("/").split("/")
        for depth in range(1, len(steps) + 1):
            above = by_path.get("/".join(steps[:depth]) + "/")
            # … unless their path already does.
            if above is not None and not paths[region_id].startswith(paths[above]):
                found.setdefault(above, set()).update(spanning)
    return {region_id: frozenset(ids) for region_id, ids in found.items()}


@dataset_memo
def region_keys() -> dict[str, int]:
    """Every region's slug, ISO 3166 code and OEWS area code -> its id."""
    keys: dict[str, int] = {}
    for region_id, *names in Region.objects.order_by().values_list(
        "id", "slug", "code", "area_code"
    ):
        keys.update({name: region_id for name in names if name})
    return keys
