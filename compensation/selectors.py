"""What the compensation app's answers read per loaded dataset, memoised by
`dataset_memo`: call each with `dataset=request.dataset` (or None to read afresh)."""

from dataset.memo import dataset_memo

from .models import ExchangeRate
from .services import BASE_CURRENCY, LATEST_FIRST


@dataset_memo
def exchange_rates_latest() -> dict[str, ExchangeRate]:
    """The latest rate to USD of every currency that has one, keyed by ISO 4217 code."""
    rates = (
        ExchangeRate.objects.exclude(currency__code=BASE_CURRENCY)
        .select_related("currency", "source")
        .order_by(*LATEST_FIRST)
    )
    latest: dict[str, ExchangeRate] = {}
    for rate in rates:
        latest.setdefault(rate.currency.code, rate)
    return latest
