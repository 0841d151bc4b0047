#!/usr/bin/env python3
"""Benchmark harness: gunicorn (production stack, bench.settings) driven by wrk on 127.0.0.1.

    .venv/bin/python bench/run.py --scale 1.0 --runs 3     # the reference measurement
    .venv/bin/python bench/run.py --smoke                  # what .ci/run runs (tiny, ~30 s)

Loads a dataset into an empty database (timed), starts gunicorn with 2 sync workers, and
beside it the bare ceiling's gunicorn (bench/bare: Django with only SecurityMiddleware and
CommonMiddleware, no app, no database), warms up, then measures each endpoint with wrk for
a bounded time: the two ceilings, A_bare and A_stack (the same captured bytes, the second
through the project's whole stack), the role list uncached and cached, role pages, salary
bands by role + level + region in USD, question search, skill match, market pay, occupation
pages, suggestions, title match and a 304 revalidation. Prints per endpoint req/s, p50/p99
latency, the ratios to A_bare and to A_stack of the same run, queries per request and
non-2xx/3xx responses (medians of --runs), then each worker's peak RSS, the load time and
the targets (judged against A_bare). Exits 1 when an endpoint answered anything else than
expected, 0 otherwise: figures are reported, never asserted.
"""

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import database, endpoints, report, server, wrk

SMOKE_SCALE = 0.0005
REDIS_URL = "redis://127.0.0.1:6379/11"
WARMUP_PATHS = 200  # per endpoint, in the warm-up mix


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0],
        epilog="Without --scale, --dataset or --no-load, the seed fixtures (fixtures/) load.",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument(
        "--scale",
        type=float,
        help="generate the scale dataset with bench/scale_dataset.py (1.0 = 10,000 roles, "
        "1,000,000 salary bands; cached under ~/.cache/careerapi-bench) and load it",
    )
    source.add_argument("--dataset", type=Path, help="load this dataset folder")
    source.add_argument(
        "--no-load", action="store_true", help="measure what the database already holds"
    )
    parser.add_argument("--seed", type=int, default=1, help="generator and URL choice (1)")
    parser.add_argument("--database", choices=("postgres", "sqlite"), default="postgres")
    parser.add_argument(
        "--database-url",
        help="default: postgres://postgres@127.0.0.1:5432/careerapi_bench (created if "
        "missing), or an SQLite file under the temp dir; _smoke appended with --smoke",
    )
    parser.add_argument("--redis-url", default=REDIS_URL, help=f"the cache ({REDIS_URL})")
    parser.add_argument("--runs", type=int, default=3, help="median of N runs (3)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per endpoint (10)")
    parser.add_argument("--warmup", type=int, default=5, help="seconds of warm-up mix (5)")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections (8)")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1, help="wrk threads")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn sync workers (2)")
    parser.add_argument(
        "--port", type=int, default=8200, help="127.0.0.1 port (8200); A_bare's is the next"
    )
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument(
        "--only",
        type=lambda value: set(value.split(",")),
        help="measure only these endpoints (comma-separated keys, e.g. roles-list-cached); "
        "the ceilings are always measured",
    )
    parser.add_argument(
        "--smoke",
        action="store_true",
        help=f"CI: scale {SMOKE_SCALE}, 1 run of 2 s each, 1 s warm-up; fails unless every "
        "endpoint answered as expected",
    )
    args = parser.parse_args(argv)
    if args.smoke:
        args.runs, args.duration, args.warmup = 1, 2, 1
        if args.dataset is None and not args.no_load and args.scale is None:
            args.scale = SMOKE_SCALE
    return args


SMOKE_PUBLIC_DATA = {
    "ONET_FILES": str(database.REPO / "tests" / "data" / "onet" / "db_29_2_text.zip"),
    "OEWS_FILES": str(database.REPO / "tests" / "data" / "oews" / "sqlite" / "oews-2025.sqlite.gz"),
}


def dataset_source(args) -> tuple[Path | None, str]:
    """The folder to load (None: --no-load) and how to describe it."""
    if args.no_load:
        return None, "as the database holds it (--no-load)"
    if args.dataset is not None:
        return args.dataset, str(args.dataset)
    if args.scale is None:
        return database.SEED_FIXTURES, "seed fixtures (fixtures/)"
    made = database.generated(args.scale, args.seed)
    if made is None:
        note = "seed fixtures: bench/scale_dataset.py is missing, so no scale dataset"
        print(f"bench: {note}", file=sys.stderr)
        return database.SEED_FIXTURES, note
    folder, seconds = made
    made_how = f"generated in {seconds:.1f} s" if seconds else "reused"
    return folder, f"scale {args.scale:g}, seed {args.seed} ({made_how}: {folder})"


def pick(env: dict, seed: int) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        command = [str(database.PYTHON), "-m", "bench.pick", "--out", out.name]
        command += ["--seed", str(seed)]
        result = subprocess.run(command, cwd=database.REPO, env=env, capture_output=True)
        if result.returncode != 0:
            raise SystemExit(f"bench: picking URLs failed:\n{result.stderr.decode()}")
        return json.loads(Path(out.name).read_text())


def measure(args, srv, bare, ceiling_body: Path, env: dict) -> tuple[dict, dict, dict]:
    """Everything measured while gunicorn runs (`srv` the project, `bare` the bare ceiling):
    what was measured, the runs, the project's worker peaks."""
    picked = pick(env, args.seed)
    status, headers, body = endpoints.get(srv.base, endpoints.ROLE_PAGE_PATH)
    if status != 200 or not headers.get("ETag"):
        raise SystemExit(f"bench: {endpoints.ROLE_PAGE_PATH} answered {status} (no ETag?)")
    ceiling_body.write_bytes(body)
    measured = endpoints.endpoints(picked["urls"], headers["ETag"])
    if args.only:
        unknown = args.only - {e.key for e in measured}
        if unknown:
            raise SystemExit(f"bench: --only: no endpoint {', '.join(sorted(unknown))}")
        measured = [e for e in measured if e.key in endpoints.CEILINGS or e.key in args.only]
    empty = [e.key for e in measured if not e.paths]
    if empty:
        raise SystemExit(f"bench: the dataset gives no URL for {', '.join(empty)}")

    problems = []

    # Checked before the warm-up (fail fast), counted after it (warm processes).
    def server_of(e):
        return bare if e.bare else srv

    samples = {e.key: endpoints.sample(server_of(e).base, e, args.redis_url, 0) for e in measured}
    for e in measured:
        got = samples[e.key]
        if any(status != e.expected_status for status in got.statuses):
            problems.append(f"{e.label}: answered {got.statuses} to {e.paths[0]}")
        if e.bare:
            continue
        if len(got.queries) != len(got.statuses):
            problems.append(f"{e.label}: no {endpoints.QUERIES_HEADER} header (bench.settings?)")
        elif not e.cached and not all(got.queries):
            problems.append(f"{e.label}: a fresh URL ran no query ({got.queries}): cached?")
    for ceiling in (srv, bare):
        if endpoints.get(ceiling.base, endpoints.CEILING_PATH)[2] != body:
            problems.append(f"the ceiling view at {ceiling.base} does not serve the captured page")
    if problems:
        raise SystemExit("bench: before the run:\n  " + "\n  ".join(problems))

    threads = min(args.threads, args.connections)
    load = {"connections": args.connections, "threads": threads}
    if args.warmup:
        mix = [path for e in measured for path in e.paths[:WARMUP_PATHS]]
        wrk.run(srv.base, mix, seconds=args.warmup, **load)
    samples = {e.key: endpoints.sample(server_of(e).base, e, args.redis_url, 1) for e in measured}
    runs: dict[str, list[dict]] = {e.key: [] for e in measured}
    for run in range(1, args.runs + 1):
        ceilings: dict[str, float | None] = {"ceiling-bare": None, "ceiling": None}
        for e in measured:
            # The previous endpoint's queued requests must not count against this one.
            srv.drain()
            bare.drain()
            if not e.cached:
                endpoints.response_cache_clear(args.redis_url)
            base = server_of(e).base
            result = wrk.run(base, e.paths, seconds=args.duration, header=e.header, **load)
            if e.key in ceilings:
                ceilings[e.key] = result["requests"] / (result["duration_us"] / 1e6)
            figures = report.figures(result, e, ceilings["ceiling-bare"], ceilings["ceiling"])
            runs[e.key].append(figures)
            srv.log_truncate()  # the request log of a long run would fill the disk
            print(
                f"bench: run {run}/{args.runs} {e.label}: {figures['req_s']:.0f} req/s, "
                f"p99 {figures['p99_ms']:.1f} ms",
                file=sys.stderr,
            )
    peaks = {pid: server.peak_rss_kib(pid) for pid in srv.workers()}
    return {"counts": picked["counts"], "endpoints": measured, "samples": samples}, runs, peaks


def printed(args, setup: dict, measured: dict, runs: dict, peaks: dict) -> tuple[str, dict]:
    """The report as text, and as the dict --json writes."""
    eps, samples = measured["endpoints"], measured["samples"]
    medians = {key: report.median(figures) for key, figures in runs.items()}
    counts = measured["counts"]
    lines = [
        f"careerapi benchmark, {setup['when']}",
        f"database   {setup['database']}; cache {args.redis_url}",
        f"dataset    {setup['dataset']}",
        f"           {counts['roles']} roles, {counts['skills']} skills, "
        f"{counts['salary_bands']} salary bands, {counts['questions']} questions",
        f"server     gunicorn, {args.workers} sync workers, bench.settings (production stack, "
        "no anonymous quota); A_bare: the same gunicorn serving bench.bare",
        f"load       wrk, {args.connections} connections, {min(args.threads, args.connections)}"
        f" threads, {args.duration} s per endpoint after a {args.warmup} s warm-up; "
        + (f"median of {args.runs} runs" if args.runs > 1 else "1 run"),
        "",
        report.table(eps, medians, samples),
        "",
        "x Abare, x Astack: req/s over A_bare's and A_stack's in the same run (targets use "
        "A_bare).",
        f"queries: median of {endpoints.SAMPLES} requests after the warm-up",
        "(X-Bench-Queries). uncached: the response cache is emptied before each run, and each",
        "request takes the next of the endpoint's distinct URLs (column URLs: pages and",
        "orderings, roles, role+level+region triples, search terms, skill triples, defaults",
        "spelled out); misses: the share of responses that ran queries (missed the cache).",
    ]
    for e in eps:
        m = medians[e.key]
        if not e.cached and m["wrapped"] and (m["misses"] or 0) < report.MISSES_WANTED:
            lines.append(
                f"NOTE {e.key}: more requests than its {m['distinct_urls']} URLs, so "
                f"{1 - (m['misses'] or 0):.0%} were cache hits: a larger --scale gives more URLs"
            )
        if m["unexpected"] or m["socket_errors"]:
            lines.append(
                f"PROBLEM {e.key}: {m['unexpected']} responses other than "
                f"{e.expected_status}, {m['socket_errors']} socket errors"
            )
    lines.append("")
    for pid, kib in sorted(peaks.items()):
        lines.append(f"worker {pid:<8} peak RSS (VmHWM) {_mb(kib)}")
    load, reload = setup["load_seconds"], setup["reload_seconds"]
    lines.append(
        "dataset load  "
        + (
            f"{load:.1f} s (manage.py load_dataset into an empty, migrated database; "
            f"target <= 120 s), again unchanged {reload:.1f} s (target <= 30 s)"
            if load is not None
            else "not timed (--no-load)"
        )
    )
    lines += [
        "",
        "targets (ratio to A_bare, medians)" + (" -- smoke: not meaningful" * args.smoke),
    ]
    judged = report.targets(eps, medians, samples, peaks)
    for target, shown, met in judged:
        verdict = {True: "met", False: "NOT MET", None: "no figure"}[met]
        lines.append(f"  {verdict:<9} {target.text:<50} {shown}")
    document = {
        "setup": setup | {"counts": counts, "arguments": _jsonable(vars(args))},
        "endpoints": {
            e.key: {
                "label": e.label,
                "example_url": e.paths[0],
                "cached": e.cached,
                "queries_sampled": samples[e.key].queries,
                "median": medians[e.key],
                "runs": runs[e.key],
            }
            for e in eps
        },
        "workers_peak_rss_kib": {str(pid): kib for pid, kib in peaks.items()},
        "dataset_load_seconds": load,
        "dataset_reload_seconds": reload,
        "targets": [
            {"target": target.text, "figures": shown, "met": met} for target, shown, met in judged
        ],
    }
    return "\n".join(lines), document


def _mb(kib: int | None) -> str:
    return "-" if kib is None else f"{kib / 1024:.1f} MB"


def _jsonable(values: dict) -> dict:
    def plain(value):
        if isinstance(value, Path):
            return str(value)
        return sorted(value) if isinstance(value, set) else value  # --only

    return {key: plain(value) for key, value in values.items()}


def bench(args) -> int:
    if args.database_url:
        db = database.Database(args.database_url)
    else:
        db = database.Database.default(
            args.database, "careerapi_bench_smoke" if args.smoke else "careerapi_bench"
        )
    env = server.environment(db.url, args.redis_url)
    if args.smoke:  # the public data as the tests' extracts hold it: answers, not timings
        env |= SMOKE_PUBLIC_DATA
    folder, described = dataset_source(args)
    load_seconds = reload_seconds = None
    if folder is not None:
        print(f"bench: loading {folder} into {db.label}", file=sys.stderr)
        load_seconds, reload_seconds = database.load(db, folder, env)
        # Responses of earlier datasets can never be served again: free the memory.
        endpoints.response_cache_clear(args.redis_url)
    setup = {
        "when": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "database": db.label,
        "dataset": described,
        "load_seconds": load_seconds,
        "reload_seconds": reload_seconds,
    }
    with tempfile.TemporaryDirectory(prefix="careerapi-bench-") as scratch:
        ceiling_body = Path(scratch) / "ceiling.json"
        with (
            server.running(env, args.port, args.workers, ceiling_body) as srv,
            server.running(env, args.port + 1, args.workers, ceiling_body, bare=True) as bare,
        ):
            measured, runs, peaks = measure(args, srv, bare, ceiling_body, env)
    text, document = printed(args, setup, measured, runs, peaks)
    print(text)
    if args.json:
        args.json.write_text(json.dumps(document, indent=2) + "\n")
    failed = any(
        figures["unexpected"] or figures["socket_errors"]
        for figures_of_runs in runs.values()
        for figures in figures_of_runs
    )
    if failed:
        print("bench: FAILED: some endpoint answered other than expected", file=sys.stderr)
    return 1 if failed else 0


def _stop(signum, frame):
    raise KeyboardInterrupt  # so every `finally` (gunicorn's stop) runs


def main(argv: list[str] | None = None) -> int:
    args = arguments(argv)
    signal.signal(signal.SIGTERM, _stop)
    started = time.monotonic()
    try:
        status = bench(args)
    except KeyboardInterrupt:
        print("bench: interrupted; gunicorn stopped", file=sys.stderr)
        return 130
    print(f"bench: done in {time.monotonic() - started:.0f} s", file=sys.stderr)
    return status


if __name__ == "__main__":
    sys.exit(main())
