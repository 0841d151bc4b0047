"""Generate a large synthetic dataset in the loader's own format, for benchmarks.

    .venv/bin/python bench/scale_dataset.py --out /tmp/scale [--scale 1.0] [--seed 1]

At `--scale 1.0` it writes 500 companies, 10,000 roles, 2,000 skills, a ladder per company,
a region tree of real ISO 3166 countries with their ISO 4217 currencies, 1,000,000 salary
bands, interview processes and 100,000 questions; counts scale linearly, with a floor that
keeps every API endpoint populated at tiny scales (a CI smoke run uses 0.0005).

The output is JSON (it parses far faster than YAML), big collections split over several
files. Everything comes from one seeded `random.Random`, so the same arguments give the
same bytes. Every item names a source titled "Generated benchmark data": this is not
career data and never belongs in fixtures/.
"""

import argparse
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: bench/ is not a package on the path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.scale.generator import Generator, write_dataset
from bench.scale.vocabulary import COUNTS, scaled

__all__ = ["COUNTS", "Generator", "main", "scaled", "write_dataset"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True, help="Folder to write (replaced).")
    parser.add_argument("--scale", type=float, default=1.0, help="1.0 = 1,000,000 salary bands.")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.scale <= 0:
        parser.error("--scale must be positive")
    summary = write_dataset(args.out, scale=args.scale, seed=args.seed)
    for name, count in summary["counts"].items():
        print(f"{name:<22} {count:>9,}")
    print(f"{'levels (in ladders)':<22} {summary['levels']:>9,}")
    total = sum(summary["files"].values())
    print(f"{len(summary['files'])} files, {total / 1e6:,.1f} MB in {args.out}")
    print(f"{summary['seconds']:.1f} s")


if __name__ == "__main__":
    sys.exit(main())
