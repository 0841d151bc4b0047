"""scripts/dev serve: `PORT` chooses the port, checked to be free before anything is installed,
and `PYTHON` the Python, checked first of all.

The script runs from a copy in an empty folder: should the check fail to stop it, it goes on
to install there (and fails, with no lock files), never in the project's virtualenv.
"""

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings


@pytest.fixture
def dev_script(tmp_path) -> Path:
    script = tmp_path / "scripts" / "dev"
    script.parent.mkdir()
    shutil.copy(Path(settings.BASE_DIR) / "scripts" / "dev", script)
    return script


def serve(script: Path, port: str, python: str = sys.executable) -> subprocess.CompletedProcess:
    env = {**os.environ, "PORT": port, "PYTHON": python}
    return subprocess.run(
        ["bash", str(script), "serve"], env=env, capture_output=True, text=True, timeout=120
    )


def test_a_port_in_use_is_refused_before_installing(dev_script):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])

        result = serve(dev_script, port)

    assert result.returncode == 1
    assert f"Port {port} on 127.0.0.1 is in use" in result.stderr
    assert "PORT=8001 scripts/dev serve" in result.stderr
    assert not (dev_script.parent.parent / ".venv").exists()  # nothing installed


@pytest.mark.parametrize("port", ["http", "0", "70000", "80 80"])
def test_a_port_that_is_no_port_number_is_refused(dev_script, port):
    result = serve(dev_script, port)

    assert result.returncode == 1
    assert "PORT must be a TCP port number" in result.stderr
    assert not (dev_script.parent.parent / ".venv").exists()


def test_a_free_port_goes_on_to_the_install(dev_script):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = str(probe.getsockname()[1])  # free again once closed

    result = serve(dev_script, port)

    # In the empty folder the install finds no lock file: past the check, it fails there.
    assert "in use" not in result.stderr and "PORT must be" not in result.stderr
    assert (dev_script.parent.parent / ".venv" / "bin" / "python").exists()
    assert "requirements/dev.lock" in result.stderr


def _free_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return str(probe.getsockname()[1])


def fake_python(path, script: str):
    """An executable at `path` that runs `script` (sh) in place of a Python."""
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(0o755)
    return path


def test_a_missing_python_is_named_not_taken_for_a_port_in_use(dev_script, tmp_path):
    missing = str(tmp_path / "no-such-python3")

    result = serve(dev_script, _free_port(), python=missing)

    assert result.returncode == 1
    assert "careerapi needs Python 3.11 or newer" in result.stderr
    assert f"{missing} was not found" in result.stderr
    assert "in use" not in result.stderr
    assert not (dev_script.parent.parent / ".venv").exists()


def test_a_python_older_than_3_11_is_named_before_the_port_check(dev_script, tmp_path):
    old = fake_python(
        tmp_path / "python3.9", "[ \"$1\" = --version ] && echo 'Python 3.9.2' && exit 0\nexit 1"
    )

    result = serve(dev_script, _free_port(), python=str(old))

    assert result.returncode == 1
    assert f"careerapi needs Python 3.11 or newer; {old} is Python 3.9.2." in result.stderr
    assert "in use" not in result.stderr
    assert not (dev_script.parent.parent / ".venv").exists()


def test_a_port_probe_that_fails_is_not_taken_for_a_port_in_use(dev_script, tmp_path):
    # Passes the version check, then fails to run the probe (a broken install, say).
    broken = fake_python(tmp_path / "python3", '[ "$1" = -c ] && exit 0\nexit 5')

    result = serve(dev_script, _free_port(), python=str(broken))

    assert result.returncode == 1
    assert "Could not check whether port" in result.stderr and "(exit 5)" in result.stderr
    assert "in use" not in result.stderr
