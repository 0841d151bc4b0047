"""The benchmark's database and dataset: generate, create (afresh), migrate, load (timed)."""

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
PYTHON = REPO / ".venv" / "bin" / "python"
GENERATOR = REPO / "bench" / "scale_dataset.py"
SEED_FIXTURES = REPO / "fixtures"
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/{name}"
# Only databases with this prefix are ever dropped, whatever --database-url says.
OWN_DATABASE_PREFIX = "careerapi_bench"


@dataclass(frozen=True)
class Database:
    url: str

    @classmethod
    def default(cls, engine: str, name: str) -> "Database":
        if engine == "sqlite":
            folder = Path(tempfile.gettempdir()) / "careerapi-bench"
            folder.mkdir(exist_ok=True)
            return cls(f"sqlite:///{folder / name}.sqlite3")
        return cls(POSTGRES_URL.format(name=name))

    @property
    def is_sqlite(self) -> bool:
        return self.url.startswith("sqlite:")

    @property
    def name(self) -> str:
        """The PostgreSQL database's name, or the SQLite file's path."""
        path = self.url.removeprefix("sqlite:///") if self.is_sqlite else urlsplit(self.url).path
        return path if self.is_sqlite else path.lstrip("/")

    @property
    def label(self) -> str:
        return f"SQLite {self.name}" if self.is_sqlite else f"PostgreSQL {self.name}"

    def recreate(self) -> None:
        """Start from an empty database, so the load time is that of a first load."""
        if self.is_sqlite:
            (REPO / self.name).unlink(missing_ok=True)  # relative paths are from manage.py
            return
        if not self.name.startswith(OWN_DATABASE_PREFIX):
            raise SystemExit(
                f"bench: will not drop {self.name!r}: only databases named "
                f"{OWN_DATABASE_PREFIX}* are the harness's own (or pass --no-load)"
            )
        import psycopg
        from psycopg import sql

        parts = urlsplit(self.url)
        with psycopg.connect(
            host=parts.hostname,
            port=parts.port or 5432,
            user=parts.username,
            password=parts.password,
            dbname="postgres",
            autocommit=True,
        ) as admin:
            name = sql.Identifier(self.name)
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(name))
            admin.execute(sql.SQL("CREATE DATABASE {}").format(name))


def manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    """manage.py under the bench settings; raises with its output if it fails."""
    result = subprocess.run(
        [str(PYTHON), "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        command = " ".join(args)
        raise SystemExit(f"bench: manage.py {command} failed:\n{result.stdout}{result.stderr}")
    return result


def load(database: Database, dataset: Path, env: dict) -> tuple[float, float]:
    """Empty the database, migrate, then load `dataset`, and load it again (finding nothing
    changed); returns the two loads' seconds."""
    database.recreate()
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    started = time.monotonic()
    manage(env, "load_dataset", str(dataset))
    loaded = time.monotonic()
    manage(env, "load_dataset", str(dataset))
    return loaded - started, time.monotonic() - loaded


def generated(scale: float, seed: int) -> tuple[Path, float] | None:
    """The scale dataset's folder (generated once per version of the generator's files,
    then reused) and the generation's seconds (0 when reused); None when
    bench/scale_dataset.py is missing."""
    if not GENERATOR.exists():
        return None
    digest = hashlib.sha256()
    for part in [GENERATOR, *sorted((REPO / "bench" / "scale").glob("*.py"))]:
        digest.update(part.read_bytes())
    version = digest.hexdigest()[:12]
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "careerapi-bench"
    folder = cache / f"scale-{scale:g}-seed-{seed}-{version}"
    done = folder / ".complete"
    if done.exists():
        return folder, 0.0
    shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    command = [str(PYTHON), str(GENERATOR), "--out", str(folder)]
    command += ["--scale", str(scale), "--seed", str(seed)]
    if subprocess.run(command, cwd=REPO, stdout=sys.stderr).returncode != 0:
        raise SystemExit("bench: bench/scale_dataset.py failed")
    done.touch()
    return folder, time.monotonic() - started
