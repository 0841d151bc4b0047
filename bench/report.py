"""Figures per run, their medians, the printed table, the targets and the JSON file."""

import statistics
from dataclasses import dataclass

from .endpoints import Endpoint, Sample

MISSES_WANTED = 0.95  # below this, an "uncached" figure was partly served from the cache


def figures(
    result: dict, endpoint: Endpoint, bare_rps: float | None, stack_rps: float | None
) -> dict:
    """One wrk run's figures; `ratio` is to A_bare's req/s in the same run, `ratio_stack` to
    A_stack's (the project's stack serving the same bytes)."""
    seconds = result["duration_us"] / 1e6
    rps = result["requests"] / seconds if seconds else 0.0
    statuses = result["statuses"]
    return {
        "requests": result["requests"],
        "req_s": rps,
        "p50_ms": result["latency_us"]["p50"] / 1000,
        "p99_ms": result["latency_us"]["p99"] / 1000,
        "ratio": rps / bare_rps if bare_rps else None,
        "ratio_stack": rps / stack_rps if stack_rps else None,
        # Share of responses that ran queries: cache misses, for an uncached endpoint.
        "misses": result["queried"] / result["counted"] if result["counted"] else None,
        "queries_per_miss": result["queries"] / result["queried"] if result["queried"] else None,
        "non_2xx_3xx": sum(n for code, n in statuses.items() if not 200 <= code < 400),
        "unexpected": sum(n for code, n in statuses.items() if code != endpoint.expected_status),
        "socket_errors": result["socket_errors"],
        "statuses": statuses,
        "distinct_urls": result["distinct_urls"],
        "wrapped": result["requests"] > result["distinct_urls"],
    }


def _median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def median(runs: list[dict]) -> dict:
    """Each figure's median over the runs; counts of failures are summed instead."""
    summed = ("non_2xx_3xx", "unexpected", "socket_errors", "requests")
    keys = ("req_s", "p50_ms", "p99_ms", "ratio", "ratio_stack", "misses", "queries_per_miss")
    merged = {key: _median(run[key] for run in runs) for key in keys}
    merged |= {key: sum(run[key] for run in runs) for key in summed}
    merged["wrapped"] = any(run["wrapped"] for run in runs)
    merged["distinct_urls"] = runs[0]["distinct_urls"]
    return merged


@dataclass(frozen=True)
class Target:
    text: str
    key: str | None  # endpoint, or None for every uncached list endpoint / every worker
    figure: str
    limit: float
    at_least: bool

    def met(self, value: float) -> bool:
        return value >= self.limit if self.at_least else value <= self.limit


#: Ratios are to A_bare, the bare Django process serving the same bytes.
TARGETS = [
    Target("cached GET >= 0.8 x A_bare", "roles-list-cached", "ratio", 0.8, True),
    Target("304 >= 0.9 x A_bare", "revalidation-304", "ratio", 0.9, True),
    Target("uncached role page >= 0.1 x A_bare", "role-detail", "ratio", 0.1, True),
    Target("uncached role page p99 <= 50 ms", "role-detail", "p99_ms", 50, False),
    Target("uncached role page queries <= 4", "role-detail", "queries", 4, False),
    Target("uncached role list of 50 >= 0.2 x A_bare", "roles-list-uncached", "ratio", 0.2, True),
    Target("uncached salary-band filter >= 0.2 x A_bare", "salary-bands", "ratio", 0.2, True),
    Target("uncached salary-band filter p99 <= 25 ms", "salary-bands", "p99_ms", 25, False),
    Target("skill match p99 <= 50 ms", "skill-match", "p99_ms", 50, False),
    Target("uncached market pay (one cell) >= 0.3 x A_bare", "market-pay", "ratio", 0.3, True),
    Target("uncached market pay (one cell) p99 <= 25 ms", "market-pay", "p99_ms", 25, False),
    Target("uncached occupation page p99 <= 50 ms", "occupation-page", "p99_ms", 50, False),
    Target("uncached question search >= 0.2 x A_bare", "question-search", "ratio", 0.2, True),
    Target("uncached question search p99 <= 50 ms", "question-search", "p99_ms", 50, False),
    Target("suggest p99 <= 20 ms", "suggest", "p99_ms", 20, False),
    Target("title match p99 <= 30 ms", "title-match", "p99_ms", 30, False),
    Target("queries per list request <= 4", None, "queries", 4, False),
    Target("each worker < 200 MB (peak RSS)", None, "peak_mb", 200, False),
]


def _number(value, digits: int = 1, suffix: str = "") -> str:
    return "-" if value is None else f"{value:.{digits}f}{suffix}"


def table(endpoints: list[Endpoint], medians: dict, samples: dict[str, Sample]) -> str:
    header = (
        f"{'endpoint':<46} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'x Abare':>7} "
        f"{'x Astack':>8} "
        f"{'queries':>7} {'misses':>7} {'non-2xx/3xx':>11} {'sock err':>8} {'URLs':>6}"
    )
    lines = [header, "-" * len(header)]
    for endpoint in endpoints:
        m = medians[endpoint.key]
        misses = "n/a" if endpoint.cached else _number(m["misses"] and 100 * m["misses"], 0, "%")
        lines.append(
            f"{endpoint.label:<46} {_number(m['req_s'], 0):>8} {_number(m['p50_ms']):>8} "
            f"{_number(m['p99_ms']):>8} {_number(m['ratio'], 2):>7} "
            f"{_number(m['ratio_stack'], 2):>8} "
            f"{_number(samples[endpoint.key].median_queries, 0):>7} {misses:>7} "
            f"{m['non_2xx_3xx']:>11} {m['socket_errors']:>8} "
            f"{m['distinct_urls']:>6}"
        )
    return "\n".join(lines)


def targets(
    endpoints: list[Endpoint], medians: dict, samples: dict[str, Sample], peaks_kib: dict
) -> list[tuple[Target, str, bool | None]]:
    """Each target with the figure it is judged on and whether it is met (None: no figure)."""
    judged = []
    for target in TARGETS:
        if target.figure == "queries" and target.key is not None:
            known_sample = samples.get(target.key)
            values = {target.key: known_sample and known_sample.median_queries}
        elif target.figure == "queries":
            values = {
                e.key: samples[e.key].median_queries
                for e in endpoints
                if e.is_list and not e.cached
            }
        elif target.figure == "peak_mb":
            values = {f"pid {pid}": kib / 1024 for pid, kib in peaks_kib.items() if kib}
        elif target.key in medians:
            values = {target.key: medians[target.key][target.figure]}
        else:
            values = {}  # not measured (--only)
        known = {name: value for name, value in values.items() if value is not None}
        shown = ", ".join(f"{name} {value:.2f}" for name, value in known.items()) or "-"
        met = all(target.met(value) for value in known.values()) if known else None
        judged.append((target, shown, met))
    return judged
