"""Under gunicorn with the production settings: unsafe methods get problem documents (not
CSRF pages), and gunicorn's own answers to a request it cannot parse are problem documents
too (careerapi/gunicorn_errors.py)."""

import json
import socket
import urllib.error
import urllib.request

import pytest


def send(served, method: str, path: str) -> tuple[int, dict, bytes]:
    """`method path` with an empty body, without raising on 4xx/5xx: (status, headers, body)."""
    request = urllib.request.Request(served.base + path, data=b"", method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def exchange(served, raw: bytes) -> tuple[str, dict, bytes]:
    """Send raw bytes on a new connection and read the answer to the end (the server
    closes after an error): (status line, headers, body)."""
    with socket.create_connection(("127.0.0.1", served.port), timeout=10) as conn:
        conn.sendall(raw)
        answer = b""
        while data := conn.recv(65536):
            answer += data
    head, _, body = answer.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines)
    return status_line, headers, body


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
def test_an_unsafe_method_on_an_unknown_api_path_is_a_404_problem(served, method):
    status, headers, body = send(served, method, "/api/v1/nonexistent")

    assert status == 404, served.log_tail()
    assert headers["Content-Type"] == "application/problem+json"
    assert json.loads(body)["status"] == 404


@pytest.mark.parametrize("path", ["/livez", "/readyz"])
def test_an_unsafe_method_on_a_probe_is_a_405_problem(served, path):
    status, headers, body = send(served, "POST", path)

    assert status == 405, served.log_tail()
    assert headers["Content-Type"] == "application/problem+json"
    assert headers["Allow"] == "GET, HEAD"
    assert json.loads(body)["status"] == 405


@pytest.mark.parametrize(
    "raw",
    [
        b"GET /\x00 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",  # a NUL in the request line
        b"GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\nno colon in this header\r\n\r\n",
        b"GET /livez HTTP/1.1\r\nHost: 127.0.0.1\r\nBad<Name: x\r\n\r\n",
    ],
    ids=["request-line", "header-without-colon", "header-name"],
)
def test_gunicorn_answers_a_request_it_cannot_parse_with_a_problem_document(served, raw):
    status_line, headers, body = exchange(served, raw)

    assert status_line == "HTTP/1.1 400 Bad Request"
    assert headers["Content-Type"] == "application/problem+json"
    assert headers["Connection"] == "close"
    assert int(headers["Content-Length"]) == len(body)
    problem = json.loads(body)
    assert problem["type"] == "about:blank"
    assert problem["title"] == "Bad Request"
    assert problem["status"] == 400
    assert problem["detail"].startswith("Invalid")
