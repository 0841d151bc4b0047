"""The BLS OEWS release read from its files (loader/releases/oews.py): both forms of the
committed extract (tests/data/oews/) give one release, with the figures the BLS publishes;
broken copies are refused, naming the file and the line or cell."""

import gzip
import shutil
import sqlite3
import tempfile
from pathlib import Path

import pycountry
import pytest

from loader.releases.oews import DATATYPES, OewsInvalid, OewsRelease, is_oews_file, oews_read
from loader.releases.us_states import USPS_BY_FIPS, iso_3166_2

EXTRACT = Path(__file__).resolve().parents[1] / "data" / "oews"
SQLITE = EXTRACT / "sqlite" / "oews-2025.sqlite.gz"
FLAT = EXTRACT / "flat"
FLAT_NAMES = [
    "oe.area",
    "oe.data.0.Current",
    "oe.datatype",
    "oe.footnote",
    "oe.industry",
    "oe.occupation",
    "oe.release",
]
SOFTWARE_WA = "OEUS5300000000000151252"  # Software Developers, Washington
DC_METRO = "Washington-Arlington-Alexandria, DC-VA-MD-WV"


def flat_files(directory: Path = FLAT) -> list[tuple[str, Path]]:
    return [(path.name, path) for path in sorted(directory.glob("oe.*"))]


@pytest.fixture(scope="module")
def release() -> OewsRelease:
    return oews_read([(SQLITE.name, SQLITE)])


def cell(release: OewsRelease, series_id: str) -> dict[str, tuple[str | None, str | None]]:
    """A cell's (value, footnote) by datatype name."""
    (found,) = [cell for cell in release.cells if cell.series_id == series_id]
    return dict(zip(DATATYPES, zip(found.values, found.footnotes, strict=True), strict=True))


def test_the_sqlite_and_the_flat_files_give_one_release(release):
    flat = oews_read(flat_files())

    assert flat == release
    assert release.files == ["oews-2025.sqlite.gz"]
    assert flat.files == FLAT_NAMES


def test_the_extract_holds_nine_areas_26_occupations_and_their_cells(release):
    assert (release.release, release.period) == ("2025A01", "May 2025")
    assert len(release.areas) == 9
    assert len(release.occupations) == 26
    assert len(release.cells) == 144
    assert sorted(release.footnotes) == ["1", "2", "3", "4", "5", "8"]
    assert release.footnotes["8"] == "Estimate not released."
    assert [c.series_id for c in release.cells] == sorted(c.series_id for c in release.cells)
    assert [a.code for a in release.areas] == sorted(a.code for a in release.areas)
    assert [o.code for o in release.occupations] == sorted(o.code for o in release.occupations)
    assert (
        {len(c.values) for c in release.cells} == {len(c.footnotes) for c in release.cells} == {17}
    )


def test_areas_know_their_kind_and_states(release):
    areas = {area.code: area for area in release.areas}

    assert (areas["0000000"].kind, areas["0000000"].states) == ("national", ())
    assert (areas["5300000"].kind, areas["5300000"].states) == ("state", ("WA",))
    assert (areas["1100000"].name, areas["1100000"].states) == ("District of Columbia", ("DC",))
    dc_metro = areas["0047900"]
    assert (dc_metro.kind, dc_metro.name) == ("metro", DC_METRO)
    assert dc_metro.states == ("DC", "VA", "MD", "WV")
    assert (areas["0042660"].kind, areas["0042660"].states) == ("metro", ("WA",))
    nonmetro = areas["5300006"]
    assert nonmetro.name == "Western Washington nonmetropolitan area"
    assert (nonmetro.kind, nonmetro.states) == ("nonmetro", ("WA",))


def test_published_figures_are_the_text_the_bls_publishes(release):
    # OEUS5300000000000151252: Software Developers in Washington, May 2025.
    assert release.cells[[c.series_id for c in release.cells].index(SOFTWARE_WA)].values == (
        *("107030", "1.8", "82.23", "171040", "1.2"),
        *("46.54", "63.60", "80.07", "101.86", "122.76"),
        *("96810", "132290", "166540", "211860", "255350"),
        *("30.141", "2.78"),
    )
    software = cell(release, SOFTWARE_WA)
    assert software["annual_median"] == ("166540", None)
    assert software["hourly_p25"] == ("63.60", None)  # the trailing zero kept
    assert {note for _, note in software.values()} == {None}
    # OEUN0000000000000000000: all occupations, national. Jobs per 1,000 and the location
    # quotient do not apply to the nation: absent, not unpublished.
    national = cell(release, "OEUN0000000000000000000")
    assert national["employment"] == ("155495730", None)
    assert national["annual_median"] == ("50980", None)
    assert national["jobs_per_1000"] == national["location_quotient"] == (None, None)


def test_an_unpublished_value_is_none_with_the_footnote_saying_why(release):
    # OEUS5300000000000252021: elementary school teachers, Washington: paid annually only.
    teachers = cell(release, "OEUS5300000000000252021")
    assert teachers["hourly_median"] == (None, "4")
    assert teachers["annual_median"] == ("102350", None)
    # OEUS5300000000000291224: radiologists, Washington: wages at or above the top of the
    # published range (open-ended), employment published.
    radiologists = cell(release, "OEUS5300000000000291224")
    assert radiologists["annual_median"] == radiologists["hourly_mean"] == (None, "5")
    assert radiologists["employment"] == ("1480", None)
    # OEUM0042660000000151251: computer programmers, Seattle: wages not released.
    programmers = cell(release, "OEUM0042660000000151251")
    assert programmers["annual_mean"] == (None, "8")
    assert programmers["employment"] == ("1990", None)
    # OEUM0047900000000291218: obstetricians in the DC metro: employment not released.
    assert cell(release, "OEUM0047900000000291218")["employment"] == (None, "8")


def test_no_value_is_a_dash_and_only_unpublished_ones_carry_a_footnote(release):
    pairs = [pair for c in release.cells for pair in zip(c.values, c.footnotes, strict=True)]

    assert not [value for value, _ in pairs if value in ("-", "0", "")]
    assert {note for value, note in pairs if value is not None} == {None}
    assert {note for value, note in pairs if value is None} == {None, "4", "5", "8"}


def test_occupations_keep_their_place_in_the_soc_hierarchy(release):
    occupations = {occupation.code: occupation for occupation in release.occupations}

    assert occupations["15-1252"].title == "Software Developers"
    assert {code: occupations[code].level for code in occupations if code[:2] in ("00", "15")} == {
        "00-0000": "total",
        "15-0000": "major",
        "15-1200": "minor",
        "15-1210": "broad",
        "15-1211": "detailed",
        "15-1250": "broad",
        "15-1251": "detailed",
        "15-1252": "detailed",
        "15-1253": "detailed",
        "15-1299": "detailed",  # OEWS has no broad group 15-1290
    }
    # 13-1020 (buyers and purchasing agents) is published as a detailed occupation.
    assert occupations["13-1020"].level == "detailed"
    assert occupations["29-1000"].level == "minor"
    # Every code's major group is held, and a minor group above each broad or detailed code
    # (15-1200 above 15-1252, but 29-1000 above 29-1218: SOC minor groups end in 00 or 000).
    for code, occupation in occupations.items():
        assert code[:2] + "-0000" in occupations
        if occupation.level in ("broad", "detailed"):
            assert {code[:5] + "00", code[:4] + "000"} & set(occupations), code
    assert "29-1210" in occupations  # the broad group of 29-1218 and 29-1224
    assert {c.occupation for c in release.cells} <= set(occupations)


def test_the_gzip_is_inflated_to_a_temporary_file_removed_afterwards(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    assert oews_read([(SQLITE.name, SQLITE)]).cells
    assert list(tmp_path.iterdir()) == []


def test_data_lines_of_an_earlier_year_are_passed_over(tmp_path, release):
    directory = shutil.copytree(FLAT, tmp_path / "flat")
    path = directory / "oe.data.0.Current"
    lines = path.read_bytes().decode().split("\r\n")
    line = lines[at(lines, SOFTWARE_WA + "04")]
    lines.insert(1, line.replace("\t2025\t", "\t2024\t").replace("171040", "165000"))
    path.write_bytes("\r\n".join(lines).encode())

    assert oews_read(flat_files(directory)) == release


def test_one_form_is_read_at_a_time():
    with pytest.raises(OewsInvalid, match="give one form"):
        oews_read([(SQLITE.name, SQLITE), *flat_files()])
    with pytest.raises(OewsInvalid, match="not a file of an OEWS release"):
        oews_read([("oe.series", FLAT / "oe.area")])


def test_oews_files_are_known_by_their_names():
    assert is_oews_file("oews-2025.sqlite.gz")
    assert is_oews_file("data/oews-2025.sqlite")
    assert all(is_oews_file(name) for name in FLAT_NAMES)
    assert not is_oews_file("oe.series")
    assert not is_oews_file("oews.sqlite.gz")


def test_the_state_table_gives_iso_3166_2_codes():
    assert len(USPS_BY_FIPS) == 54
    assert (USPS_BY_FIPS["53"], USPS_BY_FIPS["11"], USPS_BY_FIPS["72"]) == ("WA", "DC", "PR")
    for usps in USPS_BY_FIPS.values():
        assert pycountry.subdivisions.get(code=iso_3166_2(usps)) is not None, usps


# Refusals of the flat files. Each edit changes the lines of one file (CRLF-separated, the
# last one empty) and returns the line number it broke.


def at(lines: list[str], series: str) -> int:
    """The index of the data line of a 25-character series id."""
    return next(index for index, line in enumerate(lines) if line.startswith(series + " "))


def set_fields(lines: list[str], series: str, **fields: str) -> int:
    index = at(lines, series)
    cells = lines[index].split("\t")
    for name, text in fields.items():
        cells[("series_id", "year", "period", "value", "footnote_codes").index(name)] = text
    lines[index] = "\t".join(cells)
    return index + 1


def truncated_line(lines):
    index = at(lines, SOFTWARE_WA + "04")
    lines[index] = "\t".join(lines[index].split("\t")[:3])
    return index + 1


def duplicated_line(lines):
    index = at(lines, SOFTWARE_WA + "04")
    lines.insert(index + 1, lines[index])
    return index + 2


def unknown_area(lines):
    index = at(lines, SOFTWARE_WA + "04")
    lines[index] = lines[index].replace("OEUS5300000", "OEUS5300099")
    return index + 1


def unknown_occupation(lines):
    index = at(lines, SOFTWARE_WA + "04")
    lines[index] = lines[index].replace(SOFTWARE_WA, SOFTWARE_WA[:-1] + "9")
    return index + 1


def bad_header(lines):
    lines[0] = lines[0].replace("area_name", "name")
    return 1


def bad_data_header(lines):
    lines[0] = lines[0].replace("value", "amount")
    return 1


def unknown_metro_state(lines):
    index = next(index for index, line in enumerate(lines) if DC_METRO in line)
    lines[index] = lines[index].replace("DC-VA-MD-WV", "DC-VA-MD-XX")
    return index + 1


@pytest.mark.parametrize(
    ("name", "edit", "reason"),
    [
        ("oe.data.0.Current", truncated_line, "3 columns, not 5"),
        ("oe.data.0.Current", bad_data_header, "the header must be"),
        (
            "oe.data.0.Current",
            lambda lines: set_fields(lines, SOFTWARE_WA + "04", value="   17I040"),
            "value '17I040' is neither a number nor '-'",
        ),
        (
            "oe.data.0.Current",
            lambda lines: set_fields(lines, SOFTWARE_WA + "04", value="-"),
            "'-' (not published) without a footnote",
        ),
        (
            "oe.data.0.Current",
            lambda lines: set_fields(lines, SOFTWARE_WA + "04", value="-", footnote_codes="7"),
            "footnote '7' is not in the footnote table",
        ),
        ("oe.data.0.Current", unknown_area, "area S 5300099 is not in the area table"),
        ("oe.data.0.Current", unknown_occupation, "occupation 151259 is not in the occupation"),
        ("oe.data.0.Current", duplicated_line, f"{SOFTWARE_WA}04 is given twice"),
        (
            "oe.data.0.Current",
            lambda lines: set_fields(lines, SOFTWARE_WA + "04", year="2026"),
            "data of 2026A01, but oe.release names 2025A01",
        ),
        ("oe.area", bad_header, "the header must be"),
        ("oe.area", unknown_metro_state, "does not end with the USPS codes of its states"),
    ],
    ids=[
        "truncated-line",
        "data-header",
        "not-a-number",
        "dash-without-footnote",
        "unknown-footnote",
        "unknown-area",
        "unknown-occupation",
        "duplicate",
        "mixed-release",
        "area-header",
        "metro-state",
    ],
)
def test_a_broken_flat_file_is_refused_at_its_line(tmp_path, name, edit, reason):
    directory = shutil.copytree(FLAT, tmp_path / "flat")
    path = directory / name
    lines = path.read_bytes().decode().split("\r\n")
    number = edit(lines)
    path.write_bytes("\r\n".join(lines).encode())

    with pytest.raises(OewsInvalid) as raised:
        oews_read(flat_files(directory))

    assert raised.value.where == f"{name}: line {number}"
    assert reason in raised.value.reason


def test_a_data_file_cut_short_is_refused_at_its_last_line(tmp_path):
    directory = shutil.copytree(FLAT, tmp_path / "flat")
    path = directory / "oe.data.0.Current"
    raw = path.read_bytes()
    path.write_bytes(raw[:-20])  # the last line loses its value's end, its footnote, its CRLF
    last = raw.count(b"\n")

    with pytest.raises(OewsInvalid) as raised:
        oews_read(flat_files(directory))

    assert raised.value.where == f"oe.data.0.Current: line {last}"
    assert "cut short" in raised.value.reason


def test_a_flat_release_without_a_release_or_a_file_is_refused(tmp_path):
    directory = shutil.copytree(FLAT, tmp_path / "flat")
    (directory / "oe.release").write_bytes(b"release_date\tdescription\r\n")
    with pytest.raises(OewsInvalid, match=r"^oe\.release: names no release$"):
        oews_read(flat_files(directory))

    (directory / "oe.footnote").unlink()
    with pytest.raises(OewsInvalid, match=r"the flat files lack oe\.footnote$"):
        oews_read(flat_files(directory))


# Refusals of the SQLite form.


def test_a_gzip_cut_short_is_refused(tmp_path):
    path = tmp_path / "oews-2025.sqlite.gz"
    path.write_bytes(SQLITE.read_bytes()[:5000])

    with pytest.raises(OewsInvalid) as raised:
        oews_read([(path.name, path)])

    assert raised.value.where == "oews-2025.sqlite.gz"
    assert "cut short" in raised.value.reason


@pytest.mark.parametrize("name", ["oews-2025.sqlite.gz", "oews-2025.sqlite"])
def test_a_file_that_is_no_database_is_refused(tmp_path, name):
    path = tmp_path / name
    text = b"series_id\tyear\tperiod\tvalue\tfootnote_codes\r\n" * 100
    path.write_bytes(gzip.compress(text) if name.endswith(".gz") else text)

    with pytest.raises(OewsInvalid) as raised:
        oews_read([(name, path)])

    assert raised.value.where == name
    assert "not a whole SQLite database" in raised.value.reason


def database_copy(tmp_path: Path, *statements: str) -> Path:
    """An ungzipped copy of the extract's database, changed by `statements`."""
    path = tmp_path / "oews-2025.sqlite"
    with gzip.open(SQLITE) as packed:
        path.write_bytes(packed.read())
    with sqlite3.connect(path) as db:
        for statement in statements:
            db.execute(statement)
    db.close()
    return path


@pytest.mark.parametrize(
    ("statement", "where", "reason"),
    [
        (
            f"UPDATE cell SET v04 = '171,040' WHERE key = '{SOFTWARE_WA}'",
            f"cell {SOFTWARE_WA}",
            "value '171,040' is neither a number nor '-'",
        ),
        (
            f"UPDATE cell SET v04 = '-' WHERE key = '{SOFTWARE_WA}'",
            f"cell {SOFTWARE_WA}",
            "'-' (not published) without a footnote",
        ),
        (
            "INSERT INTO cell (key, v01) VALUES ('OEUS5300000000000151259', '10')",
            "cell OEUS5300000000000151259",
            "occupation 151259 is not in the occupation table",
        ),
        (
            "INSERT INTO cell (key, v01) VALUES ('OEUS4100000000000151252', '10')",
            "cell OEUS4100000000000151252",
            "area S 4100000 is not in the area table",
        ),
        ("DELETE FROM meta WHERE name = 'release_code'", "meta", "the release code None"),
        ("DROP TABLE footnote", "", "has no table footnote"),
    ],
    ids=[
        "not-a-number",
        "dash-without-footnote",
        "unknown-occupation",
        "unknown-area",
        "no-release",
        "no-footnote-table",
    ],
)
def test_a_broken_database_is_refused_at_its_cell(tmp_path, statement, where, reason):
    path = database_copy(tmp_path, statement)

    with pytest.raises(OewsInvalid) as raised:
        oews_read([(path.name, path)])

    assert raised.value.where == "oews-2025.sqlite" + (f": {where}" if where else "")
    assert reason in raised.value.reason
