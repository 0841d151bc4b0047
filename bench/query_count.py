"""Counts the database queries of each request into an `X-Bench-Queries` header.

Every connection counts what it executes from the moment it opens (one wrapper, installed
once per connection); a request's count is the difference across it. Wrapping every
connection afresh for each request would cost each request more than some of the answers
measured.
"""

import threading

from django.db import connections
from django.db.backends.signals import connection_created

HEADER = "X-Bench-Queries"

_executed = threading.local()


def _count(execute, sql, params, many, context):
    _executed.total = getattr(_executed, "total", 0) + 1
    return execute(sql, params, many, context)


def _install(sender, connection, **kwargs):
    if _count not in connection.execute_wrappers:
        connection.execute_wrappers.append(_count)


connection_created.connect(_install)


class QueryCountMiddleware:
    """Reports the queries every connection of this thread executed during the request."""

    def __init__(self, get_response):
        self.get_response = get_response
        for connection in connections.all(initialized_only=True):  # opened before this
            _install(None, connection)

    def __call__(self, request):
        before = getattr(_executed, "total", 0)
        response = self.get_response(request)
        response[HEADER] = str(getattr(_executed, "total", 0) - before)
        return response
