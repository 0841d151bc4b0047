"""The ceiling view: the bytes of a typical API page, and no work at all.

It answers the page rendered once before the run (bench/run.py saves the 50-role list page
to the file named by BENCH_CEILING_BODY). Mounted by `bench.urls`, behind the project's
whole middleware, it is A_stack: what the stack costs when the API does no work; mounted by
`bench.bare.urls`, in a Django process with nothing else, it is A_bare. Every endpoint's
req/s is reported as a ratio to both.
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
