"""Telling gunicorn that a long answer is still making progress.

gunicorn kills a sync worker that stays silent longer than its timeout (30 s), and a sync
worker speaks only between requests. An answer that streams for longer while it makes
progress (the bulk export of the whole dataset: hundreds of MB with the public data) calls
`heartbeat()` as it goes, so only a stuck worker is killed. Outside gunicorn it does nothing.
"""

from collections.abc import Callable

_notify: Callable[[], None] | None = None


def heartbeat_register(notify: Callable[[], None] | None) -> None:
    """Called in each gunicorn worker (careerapi/gunicorn_conf.py) with its `notify`."""
    global _notify
    _notify = notify


def heartbeat() -> None:
    """The worker is alive and working: reset gunicorn's timeout."""
    if _notify is not None:
        _notify()
