"""Django's PostgreSQL backend, with every wait on the server bounded.

A server that refuses connections fails fast by itself. One that stalls (accepts, then
says nothing: a hung pooler, a frozen host whose kernel still acknowledges packets) would
hold a sync worker until gunicorn kills it, so nothing else, not even `/livez` or a cached
answer, gets through that worker. Here:

- connecting is bounded by libpq's `connect_timeout` (OPTIONS), idle connections to a host
  gone from the network are dropped by TCP keepalives and `tcp_user_timeout` (OPTIONS);
- every other wait (a statement, a fetch, a commit) is bounded by `wait_timeout` seconds
  (OPTIONS), after which the connection is closed and the error is an OperationalError
  (a 503, careerapi/api/errors.py);
- after such a timeout the process stops trying (`DatabaseStall`): until a background
  probe reaches the server again, asking for a connection fails at once, so each worker
  loses at most one request's bound to a stall and answers everything else at once.

`statements_unbounded()` lifts the bounds for work that is long by nature (a dataset load).
"""

import contextlib
import logging
import os
import socket
import threading
import time
import types

import psycopg
from django.db import connections
from django.db.backends.postgresql import base

logger = logging.getLogger(__name__)

#: How often the probe of a stalled server tries again, and its bound when none is set.
PROBE_SECONDS = 1.0
PROBE_CONNECT_SECONDS = 5


class DatabaseStall:
    """One process's knowledge that a database stalled, and the probe that ends it."""

    def __init__(self, alias: str):
        self.alias = alias
        self.since: float | None = None
        self._lock = threading.Lock()

    def check(self) -> None:
        if self.since is not None:
            raise psycopg.OperationalError(
                f"the database stopped answering {time.monotonic() - self.since:.0f} s ago;"
                " not trying again until it answers a probe"
            )

    def trip(self, params: dict, bound: float | None) -> None:
        with self._lock:
            if self.since is not None:
                return
            self.since = time.monotonic()
        logger.error("Database %r stopped answering; answering 503 until it is back.", self.alias)
        probe_params = {"connect_timeout": PROBE_CONNECT_SECONDS, **params}
        threading.Thread(target=self._probe, args=(probe_params, bound), daemon=True).start()

    def _probe(self, params: dict, bound: float | None) -> None:
        while True:
            time.sleep(PROBE_SECONDS)
            try:
                with BoundedConnection.connect(**params) as probe:
                    probe.wait_timeout = bound or PROBE_CONNECT_SECONDS
                    probe.execute("SELECT 1")
            except psycopg.Error:
                continue
            logger.warning("Database %r answers again.", self.alias)
            self.since = None
            return


class BoundedConnection(psycopg.Connection):
    """A psycopg connection on which no wait lasts longer than `wait_timeout` seconds."""

    wait_timeout: float | None = None
    stall: DatabaseStall | None = None
    stall_params: dict | None = None

    def wait(self, gen, interval=psycopg.connection._WAIT_INTERVAL, timeout=None):
        try:
            return super().wait(gen, interval, self.wait_timeout if timeout is None else timeout)
        except psycopg.errors._WaitTimeout:
            # The protocol is mid-message: the connection cannot be used again.
            self.close()
            if self.stall is not None:
                self.stall.trip(self.stall_params, self.wait_timeout)
            raise psycopg.OperationalError(
                f"the database did not answer within {self.wait_timeout} s"
            ) from None


class DatabaseWrapper(base.DatabaseWrapper):
    #: psycopg as Django's backend sees it, except that it connects with BoundedConnection.
    Database = types.SimpleNamespace(**{**vars(psycopg), "connect": BoundedConnection.connect})
    _stalls: dict[str, DatabaseStall] = {}

    @property
    def stall(self) -> DatabaseStall:
        return self._stalls.setdefault(self.alias, DatabaseStall(self.alias))

    def get_connection_params(self):
        params = super().get_connection_params()
        params.pop("wait_timeout", None)  # ours, not libpq's
        return params

    def get_new_connection(self, conn_params):
        self.stall.check()
        bound = self.settings_dict["OPTIONS"].get("wait_timeout")
        try:
            connection = super().get_new_connection(conn_params)
        except psycopg.errors.ConnectionTimeout:
            self.stall.trip(conn_params, bound)
            raise
        connection.wait_timeout = bound
        connection.stall, connection.stall_params = self.stall, conn_params
        return connection


@contextlib.contextmanager
def statements_unbounded(alias: str = "default"):
    """Lift the client's and the server's statement bounds on `alias` for work that is long
    by nature (a dataset load, migrations). Enter it outside any transaction."""
    connection = connections[alias]
    if connection.vendor != "postgresql":
        yield
        return
    connection.ensure_connection()
    raw = connection.connection
    bound, raw.wait_timeout = getattr(raw, "wait_timeout", None), None
    # A server busy with a large write reads slowly: data it has not yet taken would count
    # against `tcp_user_timeout` and drop the connection mid-load.
    tcp_bound = _tcp_user_timeout(raw, 0)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = 0")
        yield
    finally:
        raw.wait_timeout = bound
        if connection.connection is raw and not raw.closed:
            if tcp_bound is not None:
                _tcp_user_timeout(raw, tcp_bound)
            with connection.cursor() as cursor:
                cursor.execute("RESET statement_timeout")  # the connection's own setting


def _tcp_user_timeout(raw: psycopg.Connection, milliseconds: int) -> int | None:
    """Set the connection's TCP_USER_TIMEOUT; the previous value, or None where there is none
    (a Unix socket, a platform without the option)."""
    option = getattr(socket, "TCP_USER_TIMEOUT", None)
    if option is None:
        return None
    try:
        # A socket on a duplicate of the descriptor (its family read from it): closing it
        # leaves the connection's open.
        with socket.socket(fileno=os.dup(raw.fileno())) as sock:
            if sock.family not in (socket.AF_INET, socket.AF_INET6):
                return None
            previous = sock.getsockopt(socket.IPPROTO_TCP, option)
            sock.setsockopt(socket.IPPROTO_TCP, option, milliseconds)
            return previous
    except OSError:
        return None
