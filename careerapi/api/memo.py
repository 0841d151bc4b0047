"""Per-process memos of small lookup tables, valid for one loaded dataset.

The data only changes when a dataset is loaded, so a table a request would otherwise query
every time (slug -> id of the roles, the latest exchange rates) can be read once per app
process and kept until the next load. A memo is keyed by the current dataset stamp
(version and load time, see `careerapi.api.caching`), so a load anywhere makes every process
read the table afresh on its next request; before the first load nothing is memoised.
"""

from collections.abc import Callable
from typing import TypeVar

from .caching import DatasetStamp, local_responses, request_stamp
from .version_watch import version_watch

T = TypeVar("T")

_memos: dict[str, tuple[DatasetStamp, object]] = {}


def dataset_memo(name: str, build: Callable[[], T]) -> T:
    """`build()`'s result, computed once per process for the dataset loaded now."""
    stamp = request_stamp()
    if stamp is None:
        return build()
    held = _memos.get(name)
    if held is not None and held[0] == stamp:
        return held[1]
    value = build()
    _memos[name] = (stamp, value)
    return value


class References:
    """What rows point at, as JSON written from rows shows it: tables kind -> id -> shown,
    read by `read()` and memoised per dataset under `name`.

    A row written outside a load may point at an id the memo lacks: then the tables are
    read again (for this object only; the next load replaces the memo anyway).
    """

    def __init__(self, name: str, read: Callable[[], dict[str, dict]]):
        self._read = read
        self._tables = dataset_memo(name, read)

    def get(self, kind: str, row_id):
        if row_id is None:
            return None
        found = self._tables[kind].get(row_id)
        if found is None:
            self._tables = self._read()
            found = self._tables[kind][row_id]
        return found


def dataset_memos_clear() -> None:
    """Forget every memo, the responses this process kept and the version it holds (tests
    that edit rows without a load, or empty the cache)."""
    _memos.clear()
    local_responses.clear()
    version_watch.forget()
