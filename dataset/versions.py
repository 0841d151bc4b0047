"""Which dataset is loaded: its stamp, read from the cache or the database, and published.

Every API answer is fixed by the dataset version it was computed from, so every request
reads the stamp first (`DatasetStamp`: version and load time). A load publishes the new
stamp (`dataset_stamp_publish`): it stores it in the shared cache under `STAMP_KEY` and
announces it on `VERSION_CHANNEL`. Reading it (`dataset_stamp_read`) asks the cache, and the
database when the cache does not have it.

Asking Redis for the stamp on every request is a round trip that a cached answer or a 304
otherwise would not make, so each app process holds it between loads (`version_watch`): it
subscribes to the channel once and, per request, only looks for a message on the socket it
already holds, which costs no round trip. It reads the stamp again when a message came, when
it has just subscribed, when its subscription failed, and at least every `VERIFY_SECONDS`
anyway (a connection can die without a word). Without Redis (the local-memory cache of
development and tests) or while it is unreachable, nothing is held and every request reads
the stamp.

The cache's copy expires after `DATASET_VERSION_CHECK_SECONDS`, so a load whose
announcement was lost (Redis stalled while it published) is seen by every server within
that plus `VERIFY_SECONDS`. Until then a server may still answer from its cache under the
old version, which is consistent: a cached body is stored with the version it was rendered
from. What it computes afresh goes through `dataset_consistent`, which checks the version
the rows were read at, so a computed answer is always labelled with the version of the
data it was computed from. While the database is unreachable, the last
stamp known (`STAMP_LAST_KEY`, or this process's) keeps cached answers and 304s going.
"""

import contextlib
import hashlib
import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from django.conf import settings
from django.core.cache import cache
from django.db import (
    DEFAULT_DB_ALIAS,
    InterfaceError,
    OperationalError,
    connections,
    router,
    transaction,
)
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from .models import DatasetVersion

logger = logging.getLogger(__name__)

#: The shared cache's copy of the stamp: a plain (version, loaded_at) pair, so servers of
#: another release (a rolling deploy) can read it.
STAMP_KEY = "careerapi:dataset-stamp"
#: The same pair with no expiry: the stamp to answer from while the database is unreachable.
STAMP_LAST_KEY = "careerapi:dataset-stamp-last"
VERSION_CHANNEL = "careerapi:dataset-version"
VERIFY_SECONDS = 5.0
#: After a failed subscription, how long to serve without one before trying again.
RETRY_SECONDS = 5.0
#: How long to wait for Redis to confirm a subscription.
CONFIRM_SECONDS = 0.5

_UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)
T = TypeVar("T")


def version_after(parent: str | None, *, content_hash: str) -> str:
    """The version of a load of files hashing to `content_hash` after version `parent`.

    Chained, not the files' hash alone: loading A, then B, then A again must not bring A's
    version back, whose ETags and cached bodies carry A's first load (its `updated_at`).
    """
    return hashlib.sha256(f"{parent or ''}\n{content_hash}".encode()).hexdigest()


@dataclass(frozen=True)
class DatasetStamp:
    """Which dataset is loaded, and when it was."""

    version: str
    loaded_at: datetime


def dataset_stamp_publish(*, version: str, loaded_at: datetime) -> None:
    """Make `version` the current dataset for every app server (after its load committed)."""
    _stamp_store((version, loaded_at))
    version_announce(version)


def _stamp_store(pair: tuple) -> None:
    global _last_read
    _last_read = pair
    cache.set(STAMP_KEY, pair, timeout=settings.DATASET_VERSION_CHECK_SECONDS)
    cache.set(STAMP_LAST_KEY, pair, timeout=None)


def version_announce(version: str) -> None:
    """Tell every app process that `version` was just stored as the current one."""
    publish = getattr(cache, "publish", None)  # only the Redis cache has it
    if publish is not None:
        publish(VERSION_CHANNEL, version)


#: The last stamp this process read or published: the fallback of last resort.
_last_read: tuple | None = None


def dataset_stamp_read(cached: tuple | None = None) -> DatasetStamp | None:
    """The loaded dataset's stamp: `cached` (the value of `STAMP_KEY`, read by the caller
    in a round trip of its own), else the cache's, else one query (then cached briefly).

    With the database unreachable, the last stamp known (see the module); with none known,
    the database's error is raised.
    """
    pair = cached if cached is not None else cache.get(STAMP_KEY)
    if pair is None:
        try:
            stamp = _stamp_query(using=router.db_for_read(DatasetVersion))
        except (OperationalError, InterfaceError):
            pair = cache.get(STAMP_LAST_KEY) or _last_read
            if pair is None:
                raise
            return DatasetStamp(*pair)
        if stamp is None:
            return None
        pair = (stamp.version, stamp.loaded_at)
        _stamp_store(pair)
    return DatasetStamp(*pair)


def dataset_stamp_superseded(held: DatasetStamp, current: DatasetStamp) -> None:
    """The database said `current` where this process held `held`: read it again, and
    when the cache's copy is the stale one, drop it so the next reader takes the database's."""
    version_watch.forget()
    if current.loaded_at > held.loaded_at:
        cache.delete(STAMP_KEY)


def _stamp_query(*, using: str) -> DatasetStamp | None:
    rows = DatasetVersion.objects.using(using).order_by("-loaded_at")
    row = rows.values_list("version", "loaded_at").first()
    return DatasetStamp(*row) if row is not None else None


@contextlib.contextmanager
def dataset_snapshot():
    """A transaction in which every read sees one load: yields the stamp of that load.

    For long reads (the export). On PostgreSQL the transaction is REPEATABLE READ (and READ
    ONLY: reading is all it does), so a load committing meanwhile is not seen halfway;
    SQLite's read transactions are snapshots already. It runs on the database reads go to
    (the replica, when there is one), so the stamp is that of the rows read.
    """
    using = router.db_for_read(DatasetVersion)
    connection = connections[using]
    if connection.in_atomic_block:  # the caller's transaction is the snapshot
        yield _stamp_query(using=using)
        return
    with transaction.atomic(using=using):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        yield _stamp_query(using=using)


#: How often an answer is computed again while loads land under it, before giving up.
CONSISTENT_ATTEMPTS = 3


def dataset_consistent(compute: Callable[[DatasetStamp], T], *, held: DatasetStamp) -> T:
    """`compute(stamp)`, checked to have read the rows of `stamp`'s load and of no other.

    Only a load writes the dataset tables, in one transaction that also records its new
    version, and a version never comes back (`version_after`). So rows read while the
    database's version was V, from first read to last, are V's. The version is read after
    the answer (one query, cheaper than a transaction around it), and before it when reads
    go to a replica, which may be behind the stamp the cache holds; on the primary the held
    stamp is the floor, since it is published only after its load committed. When the
    version moved (a load committed meanwhile, or the stamp held was stale), the answer is
    computed again from the version read. Raises OperationalError (a 503) if loads keep
    landing.
    """
    using = router.db_for_read(DatasetVersion)
    stamp = held if using == DEFAULT_DB_ALIAS else _stamp_query(using=using) or held
    for _ in range(CONSISTENT_ATTEMPTS):
        answer = compute(stamp)
        if _version_query(using=using) == stamp.version:
            return answer
        stamp = _stamp_query(using=using) or stamp
    raise OperationalError("the dataset changed while this answer was computed; retry")


def _version_query(*, using: str) -> str | None:
    """The latest version, in SQL of our own: the ORM would cost twice the round trip."""
    with connections[using].cursor() as cursor:
        cursor.execute(_LATEST_VERSION_SQL)
        row = cursor.fetchone()
    return row[0] if row else None


_LATEST_VERSION_SQL = (
    f"SELECT version FROM {DatasetVersion._meta.db_table} ORDER BY loaded_at DESC LIMIT 1"
)


class VersionWatch:
    """One process's view of the current dataset stamp (thread-safe)."""

    def __init__(self):
        self._lock = threading.Lock()
        self._pid = os.getpid()
        self._pubsub = None
        self._stamp = None
        self._read_at = 0.0
        self._retry_at = 0.0
        self._generation = 0  # messages (and lost subscriptions) seen

    def current(
        self, read: Callable[[], DatasetStamp | None] = dataset_stamp_read
    ) -> DatasetStamp | None:
        """The stamp held, or `read()`'s (kept when a subscription will say it changed)."""
        with self._lock:
            held = self._held()
            generation = self._generation
        if held is not None:
            return held
        stamp = read()
        with self._lock:
            # Not if a message came meanwhile: the stamp read may be the one it replaced.
            if self._pubsub is not None and self._generation == generation:
                self._stamp, self._read_at = stamp, time.monotonic()
        return stamp

    def _held(self):
        if self._pid != os.getpid():  # a forked worker: the parent's socket is not ours
            self._pid, self._pubsub, self._stamp = os.getpid(), None, None
        if self._pubsub is None:
            self._subscribe()
            return None
        try:
            # Asking the socket first costs one non-blocking read; get_message's way through
            # redis-py's layers costs several times that, on every request.
            if self._pubsub.connection.can_read(timeout=0):
                while (message := self._pubsub.get_message(timeout=0)) is not None:
                    if message["type"] == "message":
                        self._stamp, self._generation = None, self._generation + 1
        except _UNAVAILABLE:
            self._drop()
            return None
        if self._stamp is not None and time.monotonic() - self._read_at > VERIFY_SECONDS:
            self._stamp = None
        return self._stamp

    def forget(self) -> None:
        """Read the stamp again on the next request (tests that empty the cache)."""
        with self._lock:
            self._stamp, self._generation = None, self._generation + 1

    def _subscribe(self) -> None:
        now = time.monotonic()
        make = getattr(cache, "pubsub", None)
        if make is None or now < self._retry_at or not cache.available():
            return
        pubsub = None
        try:
            pubsub = make()
            pubsub.subscribe(VERSION_CHANNEL)
            confirmed = pubsub.get_message(timeout=CONFIRM_SECONDS)
            if confirmed is None or confirmed["type"] != "subscribe":
                raise RedisTimeoutError("no confirmation of the subscription")
        except _UNAVAILABLE as error:
            logger.warning("Not watching the dataset version (%s); reading it per request.", error)
            self._retry_at = now + RETRY_SECONDS
            if pubsub is not None:
                pubsub.reset()
            return
        self._pubsub = pubsub

    def _drop(self) -> None:
        with contextlib.suppress(*_UNAVAILABLE):
            self._pubsub.reset()
        self._pubsub, self._stamp = None, None
        self._generation += 1
        self._retry_at = time.monotonic() + RETRY_SECONDS


version_watch = VersionWatch()


def dataset_version_current() -> DatasetVersion | None:
    """The most recently loaded dataset version, from the database (not the cache)."""
    return DatasetVersion.objects.order_by("-loaded_at").first()
