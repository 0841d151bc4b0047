"""What is measured: each endpoint's URLs, whether it must miss the response cache, and a
few requests before the run that check its answers and count its queries."""

import statistics
import urllib.error
import urllib.request
from dataclasses import dataclass

from .query_count import HEADER as QUERIES_HEADER

CEILING_PATH = "/bench/ceiling/"
# The typical page the ceiling serves, and the endpoint measured through the response cache.
ROLE_PAGE_PATH = "/api/v1/roles/?page_size=50"
# careerapi/api/caching.py: RESPONSE_KEY, under the cache's ":1:" key prefix.
RESPONSE_CACHE_PATTERN = "*careerapi:response:*"
SAMPLES = 3


@dataclass(frozen=True)
class Endpoint:
    key: str
    label: str
    paths: list[str]
    cached: bool  # False: every request must miss the response cache
    expected_status: int = 200
    header: tuple[str, str] | None = None
    is_list: bool = False
    bare: bool = False  # served by the bare ceiling's process (bench.bare), not the project


CEILINGS = ("ceiling-bare", "ceiling")


def endpoints(picked: dict[str, list[str]], etag: str) -> list[Endpoint]:
    """The two ceilings first (every ratio is to them), then the API's endpoints."""
    return [
        Endpoint("ceiling-bare", "A_bare: bare Django", [CEILING_PATH], cached=True, bare=True),
        Endpoint("ceiling", "A_stack: ceiling view, project stack", [CEILING_PATH], cached=True),
        Endpoint(
            "roles-list-uncached",
            "roles list, 50/page, uncached",
            picked["roles-list-uncached"],
            cached=False,
            is_list=True,
        ),
        Endpoint(
            "roles-list-cached",
            "roles list, 50/page, cached",
            [ROLE_PAGE_PATH],
            cached=True,
            is_list=True,
        ),
        Endpoint("role-detail", "role detail, uncached", picked["role-detail"], cached=False),
        Endpoint(
            "salary-bands",
            "salary bands role+level+region USD, uncached",
            picked["salary-bands"],
            cached=False,
            is_list=True,
        ),
        Endpoint(
            "question-search",
            "question search, uncached",
            picked["question-search"],
            cached=False,
            is_list=True,
        ),
        Endpoint(
            "skill-match",
            "skill match (3), uncached",
            picked["skill-match"],
            cached=False,
            is_list=True,  # paginated, like the other lists
        ),
        Endpoint(
            "market-pay",
            "market pay, occupation + area, uncached",
            picked["market-pay"],
            cached=False,
            is_list=True,
        ),
        Endpoint(
            "occupation-page", "occupation page, uncached", picked["occupation-page"], cached=False
        ),
        Endpoint("suggest", "suggest (prefix), uncached", picked["suggest"], cached=False),
        Endpoint("title-match", "title match, uncached", picked["title-match"], cached=False),
        Endpoint(
            "revalidation-304",
            "304 revalidation (If-None-Match)",
            [ROLE_PAGE_PATH],
            cached=True,
            expected_status=304,
            header=("If-None-Match", etag),
        ),
    ]


def get(base: str, path: str, header: tuple[str, str] | None = None):
    """(status, headers, body) of one GET; 3xx and 4xx/5xx are answers, not exceptions."""
    request = urllib.request.Request(base + path, headers={"Accept": "application/json"})
    if header:
        request.add_header(*header)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def response_cache_clear(redis_url: str) -> int:
    """Delete every cached API response (nothing else), so fresh URLs really miss."""
    import redis

    client = redis.Redis.from_url(redis_url)
    keys = list(client.scan_iter(match=RESPONSE_CACHE_PATTERN, count=1000))
    for start in range(0, len(keys), 1000):
        client.delete(*keys[start : start + 1000])
    return len(keys)


@dataclass(frozen=True)
class Sample:
    statuses: list[int]
    queries: list[int]

    @property
    def median_queries(self) -> float | None:
        return statistics.median(self.queries) if self.queries else None


def sample(base: str, endpoint: Endpoint, redis_url: str, nth: int) -> Sample:
    """A few requests as the run will send them: for an uncached endpoint, URLs no request
    has asked for (the `nth` few from the end of its list: the warm-up sends the first
    ones, and each worker keeps copies of what it served) after the response cache is
    emptied; for a cached one, its URL after a first request filled it."""
    if endpoint.bare:  # nothing to count: the bare process has no database
        return Sample([get(base, endpoint.paths[0])[0]], [])
    if endpoint.cached:
        get(base, endpoint.paths[0], endpoint.header)
        paths = endpoint.paths[:1] * SAMPLES
    else:
        response_cache_clear(redis_url)
        end = len(endpoint.paths) - nth * SAMPLES
        paths = endpoint.paths[max(0, end - SAMPLES) : end]
    statuses, queries = [], []
    for path in paths:
        status, headers, _ = get(base, path, endpoint.header)
        statuses.append(status)
        if headers.get(QUERIES_HEADER) is not None:
            queries.append(int(headers[QUERIES_HEADER]))
    return Sample(statuses, queries)
