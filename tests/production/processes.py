"""Real processes for the production tests (conftest.py makes fixtures of them):
scripts/serve (gunicorn), a redis-server of their own, a TCP proxy in front of PostgreSQL
that a test can cut, and helpers to run management commands on scratch databases.

These tests always need PostgreSQL (127.0.0.1:5432 here and in CI), even when the rest of
the suite runs on SQLite. The databases they use are named after the suite's database
(`<name>_serve`, `<name>_loads`), or after PRODUCTION_TEST_DATABASE_URL when it is set, so
two suites on one server do not share them. Every process is stopped by a finalizer and
every wait is bounded.
"""

import contextlib
import functools
import http.client
import http.cookiejar
import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg

REPO = Path(__file__).resolve().parent.parent.parent
PYTHON = REPO / ".venv" / "bin" / "python"
SERVE_PORTS = range(8100, 8200)
REDIS_PORTS = range(6390, 6490)
START_TIMEOUT = 120  # seconds for scripts/serve to migrate, load and answer
STOP_TIMEOUT = 20


def postgres_url(suffix: str) -> str:
    """A scratch PostgreSQL database URL for these tests, e.g. `<base>_serve`."""
    base = os.environ.get("PRODUCTION_TEST_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    if not base.startswith(("postgres://", "postgresql://")):
        base = "postgres://postgres@127.0.0.1:5432/careerapi"
    parts = urlsplit(base)
    name = parts.path.lstrip("/") or "careerapi"
    return urlunsplit(parts._replace(path=f"/{name}_{suffix}"))


def postgres_drop(url: str) -> None:
    """Drop the database at `url` (and end its sessions), if it exists."""
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port(ports: range) -> int:
    """A port in `ports` nobody listens on at 127.0.0.1 (taken ports are skipped)."""
    for port in ports:
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"No free port in {ports}")


def http_get(url: str, timeout: float = 10, headers: dict | None = None) -> tuple[int, dict, bytes]:
    """GET without raising on 4xx/5xx: (status, headers, body)."""
    try:
        request = urllib.request.Request(url, headers=headers or {})
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def http_json(url: str, timeout: float = 10) -> tuple[int, dict, dict]:
    status, headers, body = http_get(url, timeout=timeout)
    return status, headers, json.loads(body)


class SourceAddressHandler(urllib.request.HTTPHandler):
    """Connects from `address`: any of 127.0.0.0/8 reaches the server on 127.0.0.1, so a
    test can be a client address of its own (the throttles count per address)."""

    def __init__(self, address: str):
        super().__init__()
        self.address = address

    def http_open(self, req):
        connect = functools.partial(http.client.HTTPConnection, source_address=(self.address, 0))
        return self.do_open(connect, req)


class Browser:
    """urllib with a cookie jar, from one client address; 4xx and 5xx are returned."""

    def __init__(self, base: str, address: str = "127.0.0.1"):
        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            SourceAddressHandler(address), urllib.request.HTTPCookieProcessor(self.cookies)
        )

    def request(self, path: str, form: dict | None = None, headers: dict | None = None):
        """(status, headers, body) of a GET, or of a form POST when `form` is given."""
        data = urllib.parse.urlencode(form, doseq=True).encode() if form is not None else None
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def cookie(self, name: str) -> str | None:
        return next((cookie.value for cookie in self.cookies if cookie.name == name), None)

    def post(self, path: str, form: dict):
        """A form POST with the CSRF token (the cookie's secret, which Django accepts)."""
        if self.cookie("csrftoken") is None:
            self.request(path)  # the page sets the CSRF cookie
        return self.request(path, {**form, "csrfmiddlewaretoken": self.cookie("csrftoken")})

    def login(self, username: str, password: str):
        return self.post("/admin/login/", {"username": username, "password": password})


def wait_until(check, timeout: float, interval: float = 0.2):
    """Call `check` until it returns a true value (returned) or `timeout` seconds pass."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = check()
        except (OSError, urllib.error.URLError):
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"Gave up after {timeout} s waiting for {check}")
        time.sleep(interval)


def stop_process_group(process: subprocess.Popen) -> None:
    """SIGTERM the process's group, then SIGKILL what is left after STOP_TIMEOUT."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(STOP_TIMEOUT)
    except ProcessLookupError:
        pass


class Server:
    """scripts/serve on a free port, its output in a log file."""

    def __init__(self, *, database_url: str, redis_url: str, log: Path, **env: str):
        self.port = free_port(SERVE_PORTS)
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
            "PORT": str(self.port),
            "WEB_CONCURRENCY": "2",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "ANON_RATE": "",
            # The bounds the tests count on, whatever the caller's environment says.
            "DATABASE_CONNECT_TIMEOUT": "3",
            "DATABASE_STATEMENT_TIMEOUT": "5",
            "DATASET_VERSION_CHECK_SECONDS": "5",
            "PUBLIC_BASE_URL": "",
            # The public labour-market data as the suite's extracts hold it, as the loads the
            # tests run (test settings) read it: CI loads the real releases once, elsewhere.
            "ONET_FILES": str(REPO / "tests" / "data" / "onet" / "db_29_2_text.zip"),
            "OEWS_FILES": str(REPO / "tests" / "data" / "oews" / "sqlite" / "oews-2025.sqlite.gz"),
            **env,
        }
        self.process: subprocess.Popen | None = None

    def start(self) -> "Server":
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                [str(REPO / "scripts" / "serve")],
                cwd=REPO,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: stopped as one
            )
        try:
            wait_until(self.ready, START_TIMEOUT, interval=0.5)
        except TimeoutError:
            self.stop()
            raise AssertionError(f"scripts/serve did not start:\n{self.log_tail()}") from None
        return self

    def ready(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"scripts/serve exited:\n{self.log_tail()}")
        return http_get(self.base + "/readyz", timeout=5)[0] == 200

    def stop(self) -> int | None:
        if self.process is not None:
            stop_process_group(self.process)
            return self.process.returncode
        return None

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])


class RedisServer:
    """A redis-server of our own on a free port, which a test may stop and start again."""

    def __init__(self):
        self.port = free_port(REDIS_PORTS)
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> "RedisServer":
        command = [shutil.which("redis-server") or "redis-server", "--bind", "127.0.0.1"]
        command += ["--port", str(self.port), "--save", "", "--appendonly", "no"]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        wait_until(self._answers, 10, interval=0.1)
        return self

    def _answers(self) -> bool:
        with socket.create_connection(("127.0.0.1", self.port), timeout=1) as conn:
            conn.sendall(b"PING\r\n")
            return conn.recv(16).startswith(b"+PONG")

    def stop(self) -> None:
        if self.process is not None:
            stop_process_group(self.process)
            self.process = None

    def pause(self) -> None:
        """SIGSTOP: connections stay open and nothing answers (a stalled server)."""
        os.killpg(self.process.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.killpg(self.process.pid, signal.SIGCONT)


class TcpProxy:
    """Forwards 127.0.0.1:<port> to a target; `cut()` drops every connection and refuses
    new ones (as a database host gone from the network would), `restore()` undoes it.
    `stall()` keeps every connection open and accepts new ones but forwards nothing (a hung
    server whose host still answers TCP), `flow()` undoes that."""

    def __init__(self, target: tuple[str, int]):
        self.target = target
        self.port = free_port(range(15432, 15532))
        self.listener: socket.socket | None = None
        self.connections: set[socket.socket] = set()
        self.lock = threading.Lock()
        self.flowing = threading.Event()
        self.flowing.set()

    def stall(self) -> None:
        self.flowing.clear()

    def flow(self) -> None:
        self.flowing.set()

    def restore(self) -> None:
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(64)
        self.listener = listener
        threading.Thread(target=self._accept, args=(listener,), daemon=True).start()

    def cut(self) -> None:
        listener, self.listener = self.listener, None
        if listener is not None:
            _close(listener)  # shutdown() first: it wakes the thread blocked in accept()
        with self.lock:
            for conn in self.connections:
                _close(conn)
            self.connections.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return  # the listener was closed: cut
            self.flowing.wait()
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                _close(client)
                continue
            # The 5 s bound is for connecting only: a long statement (a load's commit) sends
            # nothing for longer, and only the test cuts the proxy.
            upstream.settimeout(None)
            with self.lock:
                self.connections.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    def _pipe(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                self.flowing.wait()
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for conn in (source, sink):
                _close(conn)
                with self.lock:
                    self.connections.discard(conn)


def _close(conn: socket.socket) -> None:
    with contextlib.suppress(OSError):
        conn.shutdown(socket.SHUT_RDWR)
    conn.close()


def manage(
    *args: str, database_url: str, redis_url: str | None = None, **kwargs
) -> subprocess.Popen:
    """Start `manage.py ARGS` against `database_url` (test settings, in-process cache unless
    `redis_url` is given)."""
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_REPLICA_URL"}}
    env |= {"DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "careerapi.settings.test"}
    if redis_url is not None:
        env["REDIS_URL"] = redis_url
    return subprocess.Popen(
        [str(PYTHON), "manage.py", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def manage_run(
    *args: str, database_url: str, redis_url: str | None = None, timeout: float = 120
) -> str:
    """Run `manage.py ARGS` to the end; its stdout, or an assertion error with stderr."""
    process = manage(*args, database_url=database_url, redis_url=redis_url)
    try:
        out, err = process.communicate(timeout=timeout)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 0, f"manage.py {' '.join(args)} failed:\n{err}"
    return out


def served_dataset_load(files: str, *, redis_url: str) -> str:
    """`load_dataset FILES` into the database the `served` app reads, announced on its Redis."""
    return manage_run(
        "load_dataset", files, database_url=postgres_url("serve"), redis_url=redis_url
    )


@contextlib.contextmanager
def scratch_database_loaded(suffix: str):
    """A scratch database (`<base>_<suffix>`) with the fixtures/ dataset loaded, as deploys
    do it (migrate + load); dropped afterwards."""
    url = postgres_url(suffix)
    postgres_drop(url)
    manage_run("deploy_prepare", "--create-database", database_url=url, timeout=300)
    try:
        yield url
    finally:
        postgres_drop(url)


def dataset_export(database_url: str) -> str:
    """The database's dataset as `export_dataset` writes it (to compare before and after)."""
    return manage_run("export_dataset", database_url=database_url)
