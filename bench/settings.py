"""Production settings plus what the benchmark needs to measure, and nothing else.

- `bench.urls`: the project's URLs plus the ceiling view (`/bench/ceiling/`).
- `X-Bench-Queries` on every response: database queries the request made.
- No anonymous quota, so wrk from one address is never answered 429.
"""

from careerapi.settings.production import *  # noqa: F403
from careerapi.settings.production import MIDDLEWARE

ROOT_URLCONF = "bench.urls"
# Outermost, so queries made by any other middleware are counted too.
MIDDLEWARE = ["bench.query_count.QueryCountMiddleware", *MIDDLEWARE]
# An empty rate means no limit (apikeys.throttling); the environment cannot turn it back on.
ANON_RATE = ""
