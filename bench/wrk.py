"""One bounded wrk run over a list of paths (bench/wrk.lua), as a dict of figures."""

import json
import subprocess
import tempfile
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "wrk.lua"


def run(
    base: str,
    paths: list[str],
    *,
    seconds: int,
    connections: int,
    threads: int,
    header: tuple[str, str] | None = None,
) -> dict:
    threads = max(1, min(threads, connections))
    with tempfile.NamedTemporaryFile("w", prefix="bench-", suffix=".paths") as listing:
        listing.write("\n".join(paths) + "\n")
        listing.flush()
        command = ["wrk", f"--threads={threads}", f"--connections={connections}"]
        command += [f"--duration={seconds}s", "--timeout=10s", "--latency"]
        command += [f"--script={SCRIPT}", base, "--", listing.name, str(threads)]
        command += list(header or ())
        output = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    for line in output.stdout.splitlines():
        if line.startswith("BENCH_JSON "):
            result = json.loads(line.removeprefix("BENCH_JSON "))
            result["statuses"] = {int(code): n for code, n in result["statuses"].items()}
            result["distinct_urls"] = len(paths)
            return result
    raise SystemExit(f"bench: wrk failed:\n{output.stdout}\n{output.stderr}")
