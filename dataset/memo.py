"""Per-process memos of what requests read again and again, valid for one loaded dataset.

The data only changes when a dataset is loaded, so a table that a request would otherwise
query every time (the roles' slugs, the latest exchange rates, every role's skill weights)
can be read once per app process and kept until the next load. `@dataset_memo` does that for
a function: called with `dataset=<stamp>` (the stamp a request is answered from,
`request.dataset`), it computes once per stamp and arguments, and a new stamp computes afresh,
so an answer never mixes a memo of one load with the rows of another. With `dataset=None`
(no dataset loaded yet, or outside a request: the loader, the export) nothing is memoised.
"""

import functools
import inspect
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from .versions import DatasetStamp, version_watch

P = ParamSpec("P")
T = TypeVar("T")

_memos: dict[tuple, tuple[DatasetStamp, object]] = {}


def dataset_memo(function: Callable[P, T]) -> Callable[..., T]:
    """`function(**arguments)`, memoised per process for `dataset` (see the module).

    The arguments are keyword-only and hashable (models, strings, tuples): they are part of
    the key. Only the latest stamp's value is kept for each key. A function that itself
    reads memos declares a `dataset` parameter, and is given the stamp.
    """
    wants_dataset = "dataset" in inspect.signature(function).parameters

    @functools.wraps(function)
    def memoised(*, dataset: DatasetStamp | None, **arguments) -> T:
        given = {**arguments, "dataset": dataset} if wants_dataset else arguments
        if dataset is None:
            return function(**given)
        key = (memoised, *sorted(arguments.items()))
        held = _memos.get(key)
        if held is not None and held[0] == dataset:
            return held[1]
        value = function(**given)
        _memos[key] = (dataset, value)
        return value

    return memoised


def dataset_memos_clear() -> None:
    """Forget every memo and the stamp this process holds (tests that edit rows without a
    load, or empty the cache)."""
    _memos.clear()
    version_watch.forget()
