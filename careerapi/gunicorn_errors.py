"""gunicorn's own error answers as problem documents instead of HTML pages.

gunicorn answers a request it cannot parse (a bad request line or header: 400; a request
line or headers over its limits: 414, 431; an unsupported transfer coding: 501) and an
application that fails before sending anything (500) by itself, before Django runs, with
`gunicorn.util.write_error`, an HTML page. There is no setting or hook for that page, so
`install()` (called from `gunicorn_conf.py`, in the master before it forks the workers)
replaces the function: the workers call it as `util.write_error`, looked up on the module
at each call.

The documents have `type` "about:blank" (RFC 9457, section 4.2.1: nothing to say beyond
the status) and `title` the status' reason phrase; `detail` is gunicorn's message. This
module imports nothing of Django or of the app: it is loaded with gunicorn's settings.
"""

import json

from gunicorn import util

PROBLEM_CONTENT_TYPE = "application/problem+json"  # as careerapi.api.errors serves it
# gunicorn gives no message with a 500 (the application failed before answering).
SERVER_ERROR_DETAIL = "The server failed to answer this request."


def problem_bytes(status_int: int, reason: str, mesg: str) -> bytes:
    """The whole HTTP response gunicorn sends for an error: status line, headers, body."""
    body = {
        "type": "about:blank",
        "title": reason,
        "status": status_int,
        "detail": mesg or (SERVER_ERROR_DETAIL if status_int >= 500 else f"{reason}."),
    }
    # ASCII only (json escapes the rest), so the bytes are exactly Content-Length long and
    # whatever the client sent and gunicorn quotes back stays inert.
    content = json.dumps(body).encode("ascii")
    head = (
        f"HTTP/1.1 {status_int} {reason}\r\n"
        "Connection: close\r\n"
        f"Content-Type: {PROBLEM_CONTENT_TYPE}\r\n"
        f"Content-Length: {len(content)}\r\n"
        "\r\n"
    )
    return head.encode("latin-1") + content


def write_error(sock, status_int: int, reason: str, mesg: str) -> None:
    """`gunicorn.util.write_error`, writing a problem document."""
    util.write_nonblock(sock, problem_bytes(status_int, reason, mesg))


def install() -> None:
    """Make gunicorn's workers answer their own errors with `write_error` above."""
    util.write_error = write_error
