"""`@dataset_memo`: computed once per process for the dataset a request is answered from."""

from datetime import UTC, datetime

from dataset.memo import dataset_memo
from dataset.versions import DatasetStamp

ONE = DatasetStamp("1" * 64, datetime(2026, 1, 1, tzinfo=UTC))
TWO = DatasetStamp("2" * 64, datetime(2026, 1, 2, tzinfo=UTC))


def counting():
    calls = []

    @dataset_memo
    def table(*, kind: str) -> list:
        calls.append(kind)
        return [kind, len(calls)]

    return table, calls


def test_a_memo_is_computed_once_per_dataset_and_arguments():
    table, calls = counting()

    assert table(dataset=ONE, kind="a") is table(dataset=ONE, kind="a")
    assert table(dataset=ONE, kind="b") == ["b", 2]
    assert calls == ["a", "b"]


def test_another_dataset_computes_afresh_and_no_dataset_is_never_memoised():
    table, calls = counting()
    first = table(dataset=ONE, kind="a")

    assert table(dataset=TWO, kind="a") is not first
    assert table(dataset=None, kind="a") is not table(dataset=None, kind="a")
    assert calls == ["a", "a", "a", "a"]


def test_a_memo_that_reads_memos_is_given_the_dataset():
    seen = []

    @dataset_memo
    def nested(*, dataset) -> int:
        seen.append(dataset)
        return len(seen)

    nested(dataset=ONE)
    nested(dataset=ONE)
    nested(dataset=None)

    assert seen == [ONE, None]
