"""gunicorn settings for careerapi: `gunicorn -c careerapi/gunicorn_conf.py careerapi.wsgi`.

With several workers, prometheus-client keeps each worker's metrics in files under
`PROMETHEUS_MULTIPROC_DIR` (which must exist, and be emptied before gunicorn starts).
When a worker exits, its live gauges must be dropped, or /metrics keeps reporting them. A
worker streaming a long answer tells gunicorn it is alive (careerapi/heartbeat.py).
"""

import os

from prometheus_client import multiprocess

from careerapi import gunicorn_errors
from careerapi.heartbeat import heartbeat_register


def post_worker_init(worker):
    """gunicorn hook, run in each worker: a long stream can tell it it is alive."""
    heartbeat_register(worker.notify)


def child_exit(server, worker):
    """gunicorn hook, run in the master after a worker exits."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        multiprocess.mark_process_dead(worker.pid)


# REQUEST BOUNDS. gunicorn's parsing cost grows faster than the request, so what no API
# request needs is refused before it is read. A query string over MAX_QUERY_LENGTH (4,096
# characters, careerapi/api/views.py) still reaches the API and gets its 400 naming the
# parameter, up to a request line of 8,190 bytes (gunicorn's largest bound); a longer line
# is gunicorn's 414. Headers: an API key, session and CSRF cookies, an ETag and a browser's
# usual set fit well within 50 fields of up to 8,190 bytes each.
limit_request_line = 8190
limit_request_fields = 50
limit_request_field_size = 8190

# FORWARDED HEADERS follow the app's settings: X-Forwarded-Proto is believed only when
# TRUST_X_FORWARDED_PROTO says the proxy in front sets it (gunicorn's default would believe
# it from any client on 127.0.0.1, and make the app build https:// links for it).
if os.environ.get("TRUST_X_FORWARDED_PROTO", "").strip().lower() in {"1", "true", "yes", "on"}:
    forwarded_allow_ips = "*"
else:
    forwarded_allow_ips = ""
    secure_scheme_headers = {}

# gunicorn's own error answers (a request it cannot parse, one over the bounds above) are
# problem documents, like the app's, instead of HTML pages: see careerapi/gunicorn_errors.py.
gunicorn_errors.install()
