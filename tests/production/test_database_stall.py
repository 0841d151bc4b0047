"""A stalled database (it accepts connections and then says nothing) costs each worker at
most one bounded wait (careerapi/postgresql): then `/livez`, cached answers and 304s are
served, everything else is a quick 503, and service comes back by itself when it answers.

Every request below has a client timeout: one that hangs fails the test."""

import threading
import urllib.error
import uuid

from .processes import http_get, http_json, wait_until

CACHED = "/api/v1/roles/?page_size=3"
QUICK = 2.0  # seconds: what "at once" allows on a loaded machine
# DATABASE_STATEMENT_TIMEOUT (5) + the client's second, and the time to connect again.
BOUND = 6 + 3


def uncached(served) -> str:
    return f"{served.base}/api/v1/roles/?search={uuid.uuid4().hex[:12]}"


def quick_503(served) -> bool:
    """Whether an answer that needs the database is a 503 at once."""
    try:
        status, headers, _ = http_get(uncached(served), timeout=QUICK)
    except (TimeoutError, urllib.error.URLError):
        return False
    return status == 503 and headers["Retry-After"] == "5"


def both_workers_wait_once(served) -> None:
    """Two requests at once, so each worker meets the stall (and gives up) once."""
    answers = []

    def ask():
        answers.append(http_get(uncached(served), timeout=BOUND + 5)[0])

    threads = [threading.Thread(target=ask) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert answers == [503, 503], served.log_tail()


def test_a_stalled_database_costs_one_bounded_wait_then_quick_answers(served, database_proxy):
    status, headers, _ = http_json(served.base + CACHED)
    assert status == 200
    etag = headers["ETag"]
    assert http_get(uncached(served))[0] == 200

    database_proxy.stall()
    try:
        both_workers_wait_once(served)
        wait_until(lambda: all(quick_503(served) for _ in range(6)), timeout=2 * BOUND)

        # Past the cache's copy of the dataset version (DATASET_VERSION_CHECK_SECONDS):
        # the last one known still answers.
        for _ in range(3):
            for _ in range(4):
                assert http_get(served.base + "/livez", timeout=QUICK)[0] == 200
                status, _, body = http_get(served.base + CACHED, timeout=QUICK)
                assert status == 200 and b'"results"' in body
                revalidated = http_get(
                    served.base + CACHED, timeout=QUICK, headers={"If-None-Match": etag}
                )
                assert revalidated[0] == 304
                assert quick_503(served)
            status, _, ready = http_json(served.base + "/readyz", timeout=QUICK)
            assert status == 503 and ready["checks"]["database"]["status"] == "failed"
            threading.Event().wait(2)
    finally:
        database_proxy.flow()

    # The probe finds the database again: no restart, no wait per request.
    wait_until(lambda: http_get(uncached(served), timeout=QUICK)[0] == 200, timeout=15)
    assert http_get(served.base + "/readyz", timeout=QUICK)[0] == 200
