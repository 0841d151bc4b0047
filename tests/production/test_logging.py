"""Under gunicorn with the production settings (JSON logs): a request Django rejects as
suspicious is one WARNING line in the server's log, never an ERROR with a traceback."""

import json
import uuid

from .processes import http_get, wait_until


def test_a_disallowed_host_is_a_400_problem_and_one_warning_line(served):
    host = f"evil-{uuid.uuid4().hex[:12]}.example"
    start = served.log.stat().st_size

    status, headers, body = http_get(served.base + "/api/v1/", headers={"Host": host})

    assert status == 400, served.log_tail()
    assert headers["Content-Type"] == "application/problem+json"
    assert json.loads(body)["status"] == 400
    request_id = headers["X-Request-ID"]

    def logged() -> str | None:
        with served.log.open("rb") as log:
            log.seek(start)
            text = log.read().decode(errors="replace")
        return text if request_id in text and host in text else None

    text = wait_until(logged, timeout=5)
    mentions = [line for line in text.splitlines() if "DisallowedHost" in line]
    assert len(mentions) == 1, text
    record = json.loads(mentions[0])
    assert record["level"] == "WARNING"
    assert record["logger"] == "django.security.DisallowedHost"
    assert host in record["message"]
    assert record["request_id"] == request_id
    assert "Traceback" not in text
