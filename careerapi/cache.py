"""A Redis cache that fails soft: with Redis unreachable the API keeps serving, uncached.

Django's RedisCache raises on a connection error, which would turn every request into a 500
while Redis is down. `FailSoftRedisCache` logs the outage once, answers reads with misses
and drops writes, and after a failure leaves Redis alone for `RETRY_SECONDS` (so a hung
server costs one socket timeout per worker, not one per request). What degrades: rendered
responses and the dataset version are not cached (every request queries PostgreSQL), and
the request quotas, whose counters live in the cache, let every request through (fail open)
until Redis is back.

It also keeps one Redis client per connection pool: Django's client builds a new
`redis.Redis` (and its table of ~170 reply callbacks) for every operation, which cost more
than the round trip itself on a cached answer.
"""

import functools
import logging
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError, OSError)


def _fail_soft(fallback):
    """Run the cache operation; on a connection failure return `fallback(*args, **kwargs)`."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, *args, **kwargs):
            if self._down_until > time.monotonic():
                return fallback(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except UNAVAILABLE as error:
                self._mark_down(error)
                return fallback(*args, **kwargs)
            if self._down_since is not None:
                logger.warning("Redis cache reachable again at %s.", self._location)
                self._down_since = None
            return result

        return wrapper

    return decorate


def _none(*args, **kwargs):
    return None


def _false(*args, **kwargs):
    return False


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django's Redis client, with one `redis.Redis` per pool instead of one per operation.

    A `redis.Redis` is safe to share between threads: each command takes a connection from
    the pool. The pool notices a fork (gunicorn's workers) and opens new connections.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailSoftRedisCache(RedisCache):
    """RedisCache whose operations degrade to misses and no-ops while Redis is unreachable."""

    RETRY_SECONDS = 1.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._location = server
        self._down_since: float | None = None
        self._down_until = 0.0

    def available(self) -> bool:
        """False while a recent failure keeps Redis left alone (see `RETRY_SECONDS`)."""
        return self._down_until <= time.monotonic()

    def pubsub(self):
        """A new publish/subscribe connection to the cache's Redis (the caller closes it)."""
        return self._cache.get_client(write=True).pubsub()

    def _publish(self, channel: str, message: str) -> int:
        return self._cache.get_client(write=True).publish(channel, message)

    def _mark_down(self, error: Exception) -> None:
        now = time.monotonic()
        if self._down_since is None:
            self._down_since = now
            logger.error(
                "Redis cache unreachable at %s (%s): serving without cache, quotas fail open.",
                self._location,
                error,
            )
        self._down_until = now + self.RETRY_SECONDS

    get = _fail_soft(lambda key, default=None, version=None: default)(RedisCache.get)
    get_many = _fail_soft(lambda *args, **kwargs: {})(RedisCache.get_many)
    has_key = _fail_soft(_false)(RedisCache.has_key)
    set = _fail_soft(_none)(RedisCache.set)
    set_many = _fail_soft(lambda *args, **kwargs: [])(RedisCache.set_many)
    add = _fail_soft(_false)(RedisCache.add)
    touch = _fail_soft(_false)(RedisCache.touch)
    delete = _fail_soft(_false)(RedisCache.delete)
    delete_many = _fail_soft(_none)(RedisCache.delete_many)
    publish = _fail_soft(lambda channel, message: 0)(_publish)
    clear = _fail_soft(_false)(RedisCache.clear)
    # A counter that cannot be read counts as just started: a quota lets the request through.
    incr = _fail_soft(lambda key, delta=1, version=None: delta)(RedisCache.incr)
