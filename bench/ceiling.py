"""The ceiling view "A": what the stack costs when the API does no work at all.

It answers the bytes of a typical API page, rendered once before the run (bench/run.py
saves the 50-role list page to the file named by BENCH_CEILING_BODY), through the same
middleware as the API. Every endpoint's req/s is reported as a ratio to it.
"""

import os
from functools import lru_cache
from pathlib import Path

from django.http import HttpResponse

BODY_ENV = "BENCH_CEILING_BODY"
# Without a captured page (e.g. under the test client): an empty page of the same shape.
EMPTY_PAGE = b'{"count":0,"next":null,"previous":null,"results":[]}'


@lru_cache
def _body(path: str) -> bytes:
    return Path(path).read_bytes() if path else EMPTY_PAGE


def ceiling(request):
    return HttpResponse(_body(os.environ.get(BODY_ENV, "")), content_type="application/json")
