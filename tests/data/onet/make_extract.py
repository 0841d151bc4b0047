"""Write tests/data/onet/db_29_2_text.zip, the O*NET extract the tests read, from the real
O*NET 29.2 text release:

    python tests/data/onet/make_extract.py [path/to/db_29_2_text.zip]

The extract holds the nine files the project reads, each with its header and, byte for byte,
the lines of the occupations in KEPT (Related Occupations: the lines where both occupations
are kept); Job Zone Reference and Read Me whole. Members are sorted, stored uncompressed and
dated 1980-01-01, so that running the script again gives the same bytes.
"""

import io
import sys
import zipfile
from pathlib import Path

RELEASE = Path(__file__).resolve().parents[3] / "public-data" / "onet" / "db_29_2_text.zip"
OUT = Path(__file__).with_name("db_29_2_text.zip")
FOLDER = "db_29_2_text"
#: Software and computing, two physicians, a teacher, an actor and a buyer; and the
#: occupations that list the technologies the fixtures' skills are (PyTorch, Prometheus …).
KEPT = {
    b"15-1252.00",
    b"15-1253.00",
    b"15-1251.00",
    b"15-1211.00",
    b"15-1299.08",
    b"29-1218.00",
    b"29-1224.00",
    b"25-2021.00",
    b"27-2011.00",
    b"13-1021.00",
    b"15-2051.00",
    b"15-1299.07",
    b"17-2112.02",
}
WHOLE = ("Read Me.txt", "Job Zone Reference.txt")
BY_OCCUPATION = (
    "Occupation Data.txt",
    "Alternate Titles.txt",
    "Sample of Reported Titles.txt",
    "Task Statements.txt",
    "Technology Skills.txt",
    "Job Zones.txt",
)
RELATED = "Related Occupations.txt"


def extract(raw: bytes, name: str) -> bytes:
    """The file's header and the lines it keeps, unchanged (line ends included)."""
    if name in WHOLE:
        return raw
    header, *lines = io.BytesIO(raw).readlines()
    columns = 2 if name == RELATED else 1
    kept = [line for line in lines if KEPT.issuperset(line.split(b"\t")[:columns])]
    return b"".join([header, *kept])


def main(release: Path) -> None:
    with zipfile.ZipFile(release) as source:
        files = {
            name: source.read(f"{FOLDER}/{name}") for name in (*WHOLE, *BY_OCCUPATION, RELATED)
        }
    with zipfile.ZipFile(OUT, "w") as out:
        for name in sorted(files):
            info = zipfile.ZipInfo(f"{FOLDER}/{name}", date_time=(1980, 1, 1, 0, 0, 0))
            info.create_system = 3  # Unix, whatever the platform, as are the permissions
            info.external_attr = 0o644 << 16
            out.writestr(info, extract(files[name], name), compress_type=zipfile.ZIP_STORED)
    print(f"{OUT}: {OUT.stat().st_size} bytes")
    with zipfile.ZipFile(OUT) as written:
        for info in written.infolist():
            lines = written.read(info).count(b"\n")
            print(f"  {info.filename}: {lines} lines")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else RELEASE)
