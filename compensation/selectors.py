"""What the compensation app's answers read per loaded dataset, memoised by
`dataset_memo`: call each with `dataset=request.dataset` (or None to read afresh).

`exchange_rates_of` is not: a request may name any of 7,000 days, and only the latest
(`exchange_rates_latest`) is asked for by most."""

from datetime import date

from django.db.models import Max, Min, Subquery

from dataset.memo import dataset_memo

from .models import Currency, ExchangeRate
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
