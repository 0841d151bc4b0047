"""gunicorn refuses requests no API call needs (careerapi/gunicorn_conf.py) before reading
them whole: an overlong request line or header block costs a worker almost nothing, so
anonymous clients sending them cannot pin the workers while others wait."""

import socket
import threading
import time

from .processes import http_get, http_json

MEGABYTE = 1024 * 1024


def send_raw(
    port: int, head: bytes, body_bytes: int = 0, timeout: float = 30
) -> tuple[float, bytes]:
    """Send `head` and then `body_bytes` more bytes of request line (`a`s) on a raw
    connection, reading the answer meanwhile: (seconds until the server closed, its answer)."""
    conn = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    started = time.monotonic()

    def send():
        try:
            conn.sendall(head)
            chunk = b"a" * 65536
            for _ in range(body_bytes // len(chunk)):
                conn.sendall(chunk)
        except OSError:
            pass  # the server stopped reading: what this test wants

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    answer = b""
    try:
        while data := conn.recv(65536):
            answer += data
    except OSError:
        pass  # a reset after the answer: the server closed with our bytes unread
    elapsed = time.monotonic() - started
    conn.close()
    sender.join(5)
    return elapsed, answer


def test_an_overlong_request_line_is_refused_at_once_and_livez_stays_fast(served):
    # Two clients each start a 48 MB request line: one per worker.
    results = []
    threads = [
        threading.Thread(
            target=lambda: results.append(
                send_raw(served.port, b"GET /api/v1/skills/?search=", 48 * MEGABYTE)
            )
        )
        for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    started = time.monotonic()
    assert http_get(served.base + "/livez", timeout=5)[0] == 200
    assert time.monotonic() - started < 1
    for thread in threads:
        thread.join(40)
    assert len(results) == 2
    for elapsed, answer in results:
        assert elapsed < 3, f"the server read {elapsed:.1f} s of an overlong line"
        if answer:  # a reset may beat the answer to the client; if it came, it is a 414
            assert answer.startswith(b"HTTP/1.1 414"), answer[:200]


def test_a_query_over_the_api_bound_is_the_api_own_400(served):
    query = "&".join(["category=language"] * 300)  # 5,399 characters, each value short
    status, headers, problem = http_json(f"{served.base}/api/v1/skills/?{query}")
    assert status == 400
    assert headers["Content-Type"] == "application/problem+json"
    assert [(e["parameter"], e["code"]) for e in problem["errors"]] == [("query", "query_too_long")]


def test_too_many_headers_are_refused(served):
    headers = b"".join(b"X-Filler-%d: x\r\n" % n for n in range(60))
    elapsed, answer = send_raw(
        served.port, b"GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers + b"\r\n"
    )
    assert answer.startswith(b"HTTP/1.1 4"), answer[:200]
    assert elapsed < 3
