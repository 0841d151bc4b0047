"""gunicorn on 127.0.0.1, always stopped when the run ends: the project under bench.settings,
and beside it the bare ceiling (`bench.bare`), with the same workers."""

import os
import secrets
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from .database import REPO

GUNICORN = REPO / ".venv" / "bin" / "gunicorn"


def environment(database_url: str, redis_url: str) -> dict:
    """The production stack's environment, as scripts/serve sets it, for bench.settings."""
    return dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="bench.settings",
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        SECRET_KEY=os.environ.get("SECRET_KEY") or secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
    )


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def _ready(base: str) -> bool:
    try:
        with urllib.request.urlopen(base + "/readyz", timeout=5) as response:
            return response.status == 200
    except (OSError, urllib.error.HTTPError):
        return False


class Server:
    def __init__(self, process: subprocess.Popen, base: str, log: Path):
        self.process, self.base, self.log = process, base, log

    def drain(self, *, quick_ms: float = 50, timeout: float = 180) -> float:
        """Wait until the workers have finished the requests wrk left queued; return seconds.

        wrk stops sending, not the server working: after a slow endpoint the workers may
        still owe seconds of answers, which the next endpoint would be measured against.
        /livez queues behind them, so two quick answers in a row mean the workers are idle.
        """
        start = time.monotonic()
        quick = 0
        while quick < 2 and time.monotonic() - start < timeout:
            sent = time.monotonic()
            try:
                with urllib.request.urlopen(self.base + "/livez", timeout=timeout) as response:
                    response.read()
            except (OSError, urllib.error.HTTPError):
                time.sleep(0.1)
            quick = quick + 1 if (time.monotonic() - sent) * 1000 < quick_ms else 0
        return time.monotonic() - start

    def workers(self) -> list[int]:
        """Pids of the master's children: the workers."""
        found = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                if int(stat.rsplit(")", 1)[1].split()[1]) == self.process.pid:
                    found.append(int(entry.name))
        return sorted(found)

    def log_tail(self, lines: int = 30) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def log_truncate(self) -> None:
        """Drop the request log written so far (gunicorn appends, so this is safe)."""
        os.truncate(self.log, 0)


def peak_rss_kib(pid: int) -> int | None:
    """VmHWM: the most resident memory the process ever had."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None
    return None


@contextmanager
def running(env: dict, port: int, workers: int, ceiling_body: Path, *, bare: bool = False):
    """gunicorn (sync workers) on 127.0.0.1:port until the block ends, however it ends.

    `bare`: the minimal Django process of `bench.bare` instead of the project, the same
    gunicorn with the same workers but none of the project's gunicorn settings.
    """
    base = f"http://127.0.0.1:{port}"
    if not _port_free(port):
        raise SystemExit(f"bench: something already listens on 127.0.0.1:{port}; use --port")
    with tempfile.TemporaryDirectory(prefix="careerapi-bench-") as scratch:
        scratch = Path(scratch)
        (scratch / "prometheus").mkdir()
        (scratch / "static").mkdir()
        env = dict(
            env,
            PROMETHEUS_MULTIPROC_DIR=str(scratch / "prometheus"),
            STATIC_ROOT=str(scratch / "static"),
            BENCH_CEILING_BODY=str(ceiling_body),
        )
        log = scratch / "gunicorn.log"
        app = "bench.bare.wsgi" if bare else "careerapi.wsgi"
        command = [str(GUNICORN), app, "--bind", f"127.0.0.1:{port}"]
        command += ["--workers", str(workers), "--worker-class", "sync", "--graceful-timeout", "10"]
        if bare:
            env["DJANGO_SETTINGS_MODULE"] = "bench.bare.settings"
        else:
            command += ["--config", "python:careerapi.gunicorn_conf"]
        command += ["--no-control-socket"]  # several servers may run side by side
        with log.open("ab") as output:
            # Its own session: a Ctrl-C meant for the harness reaches gunicorn only through
            # the stop below, after the requests in flight.
            process = subprocess.Popen(
                command,
                cwd=REPO,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        server = Server(process, base, log)
        try:
            deadline = time.monotonic() + 120
            while not _ready(base):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit(f"bench: gunicorn did not start:\n{server.log_tail()}")
                time.sleep(0.3)
            yield server
        finally:
            _stop(process)


def _stop(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    except ProcessLookupError:
        pass
