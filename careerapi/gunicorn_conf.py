"""gunicorn settings for careerapi: `gunicorn -c careerapi/gunicorn_conf.py careerapi.wsgi`.

With several workers, prometheus-client keeps each worker's metrics in files under
`PROMETHEUS_MULTIPROC_DIR` (which must exist, and be emptied before gunicorn starts).
When a worker exits, its live gauges must be dropped, or /metrics keeps reporting them.
"""

import os

from prometheus_client import multiprocess


def child_exit(server, worker):
    """gunicorn hook, run in the master after a worker exits."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(worker.pid)


# The API answers an overlong query itself, with a 400 problem document naming the
# parameter (values are capped at 200 characters, the query at MAX_QUERY_LENGTH), so
# gunicorn must not cut such requests off first with its own HTML 414 page.
limit_request_line = 0
