"""The O*NET text release read by loader/releases/onet.py: the committed extract
(tests/data/onet/) as a zip and as loose files, the facts it holds, and each malformed input
refused with its file and line."""

import dataclasses
import io
import zipfile
from pathlib import Path

import pytest

from loader.releases.onet import (
    FILE_NAMES,
    AlternateTitle,
    JobZoneReference,
    OccupationJobZone,
    OnetInvalid,
    RelatedOccupation,
    ReportedTitle,
    Task,
    TechnologySkill,
    is_onet_file,
    onet_read,
)

EXTRACT = Path(__file__).parents[1] / "data" / "onet" / "db_29_2_text.zip"
FOLDER = "db_29_2_text"
MAX_BYTES = 1_000_000
with zipfile.ZipFile(EXTRACT) as _extract:
    #: The extract's files, by name, as bytes.
    MEMBERS = {Path(info.filename).name: _extract.read(info) for info in _extract.infolist()}
#: Rows of each file in the extract, its header left out (tests/data/onet/README.md).
ROWS = {
    "Occupation Data.txt": 13,
    "Job Zone Reference.txt": 5,
    "Job Zones.txt": 13,
    "Alternate Titles.txt": 633,
    "Sample of Reported Titles.txt": 104,
    "Task Statements.txt": 283,
    "Technology Skills.txt": 2115,
    "Related Occupations.txt": 37,
}
#: Each file's rows in the release read from it.
FIELDS = {
    "Occupation Data.txt": "occupations",
    "Job Zone Reference.txt": "job_zone_reference",
    "Job Zones.txt": "job_zones",
    "Alternate Titles.txt": "alternate_titles",
    "Sample of Reported Titles.txt": "reported_titles",
    "Task Statements.txt": "tasks",
    "Technology Skills.txt": "technology_skills",
    "Related Occupations.txt": "related",
}


def zipped(members: dict[str, bytes], **options) -> bytes:
    """A zip of these files under the release's folder, as O*NET ships them."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", **options) as archive:
        for name, data in members.items():
            archive.writestr(f"{FOLDER}/{name}", data)
    return buffer.getvalue()


def loose(members: dict[str, bytes]) -> list[tuple[str, bytes]]:
    return [(f"onet/{name}", data) for name, data in members.items()]


def edited(name: str, number: int, old: bytes, new: bytes) -> dict[str, bytes]:
    """The extract's files with `old` made `new` in line `number` (1 is the header) of `name`."""
    lines = io.BytesIO(MEMBERS[name]).readlines()
    assert old in lines[number - 1]
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    return MEMBERS | {name: b"".join(lines)}


def refusal(files: list[tuple[str, bytes]], max_bytes: int = MAX_BYTES) -> OnetInvalid:
    with pytest.raises(OnetInvalid) as raised:
        onet_read(files, max_bytes=max_bytes)
    return raised.value


@pytest.fixture(scope="module")
def release():
    return onet_read([(str(EXTRACT), EXTRACT.read_bytes())], max_bytes=MAX_BYTES)


def test_every_row_of_the_extract_is_read_in_file_order(release):
    assert (release.version, release.released) == ("29.2", "February 2025")
    assert release.files == ["db_29_2_text.zip"]
    for name, field in FIELDS.items():
        rows = getattr(release, field)
        assert len(rows) == ROWS[name] == MEMBERS[name].count(b"\n") - 1, name
        firsts = [line.split(b"\t", 1)[0].decode() for line in MEMBERS[name].splitlines()[1:]]
        column = "zone" if field == "job_zone_reference" else "code"
        assert [str(getattr(row, column)) for row in rows] == firsts, name


def test_occupations_and_their_job_zones(release):
    developers = next(o for o in release.occupations if o.code == "15-1252.00")
    assert developers.title == "Software Developers"
    assert developers.description.startswith("Research, design, and develop computer and network")
    assert OccupationJobZone("15-1252.00", 4, "2021-11", "Analyst - Preliminary") in (
        release.job_zones
    )
    four = release.job_zone_reference[3]
    assert isinstance(four, JobZoneReference)
    assert (four.zone, four.name, four.svp_range) == (
        4,
        "Job Zone Four: Considerable Preparation Needed",
        "(7.0 to < 8.0)",
    )


def test_tasks_keep_their_type_and_respondents_or_none(release):
    tasks = {task.task_id: task for task in release.tasks}
    assert tasks[21661] == Task(
        code="15-1252.00",
        task_id=21661,
        statement="Analyze information to determine, recommend, and plan installation of a new "
        "system or modification of an existing system.",
        kind="",
        incumbents_responding=None,
        date="2020-11",
        domain_source="Analyst",
    )
    assert tasks[12878] == Task(
        "13-1021.00",
        12878,
        "Purchase, for further processing or for resale, farm products, such as milk, grains, "
        "or Christmas trees.",
        "core",
        71,
        "2013-07",
        "Incumbent",
    )
    assert {task.kind for task in release.tasks} == {"core", "supplemental", ""}


def test_titles_keep_their_sources_and_flags(release):
    assert release.alternate_titles[0] == AlternateTitle(
        "13-1021.00", "Agriculture Industry Coordinator", "", ("10",)
    )
    assert release.alternate_titles[2].sources == ("02", "04", "06")
    assert AlternateTitle(
        "15-1211.00", "Automatic Data Processing Planner (ADP Planner)", "ADP Planner", ("08",)
    ) in (release.alternate_titles)
    assert release.reported_titles[0] == ReportedTitle("13-1021.00", "Buyer", True)
    assert {title.shown_in_my_next_move for title in release.reported_titles} == {True, False}


def test_technology_skills_and_related_occupations(release):
    python = TechnologySkill(
        code="15-1252.00",
        example="Python",
        commodity_code=43232405,
        commodity_title="Object or component oriented development software",
        hot=True,
        in_demand=True,
    )
    assert python in release.technology_skills
    assert [r for r in release.related if r.code == "15-1252.00"][:4] == [
        RelatedOccupation("15-1252.00", "15-1299.08", "Primary-Short", 1),
        RelatedOccupation("15-1252.00", "15-1251.00", "Primary-Short", 2),
        RelatedOccupation("15-1252.00", "15-1211.00", "Primary-Short", 3),
        RelatedOccupation("15-1252.00", "15-1253.00", "Primary-Short", 5),
    ]
    assert release.related[-1] == RelatedOccupation("29-1224.00", "29-1218.00", "Supplemental", 20)


def test_the_zip_and_the_loose_files_give_one_release(release):
    from_files = onet_read(loose(MEMBERS), max_bytes=MAX_BYTES)
    deflated = zipped(MEMBERS, compression=zipfile.ZIP_DEFLATED)
    from_deflated = onet_read([("db_29_2_text.zip", deflated)], max_bytes=MAX_BYTES)

    assert from_files.files == sorted(FILE_NAMES)  # as the extract's sorted members
    assert dataclasses.replace(from_files, files=release.files) == release
    assert from_deflated == release


def test_lf_line_ends_read_as_crlf_do(release):
    lf = {name: data.replace(b"\r\n", b"\n") for name, data in MEMBERS.items()}
    assert lf["Task Statements.txt"] != MEMBERS["Task Statements.txt"]

    assert dataclasses.replace(onet_read(loose(lf), max_bytes=MAX_BYTES), files=["lf"]) == (
        dataclasses.replace(release, files=["lf"])
    )


def test_the_release_files_are_known_by_their_names():
    assert is_onet_file("/downloads/db_29_2_text.zip")
    assert is_onet_file("db_30_1_text.zip")
    assert is_onet_file("onet/Task Statements.txt")
    assert is_onet_file("Read Me.txt")
    assert not is_onet_file("db_29_2_excel.zip")
    assert not is_onet_file("Work Styles.txt")
    assert not is_onet_file("eurofxref-hist.zip")


REFUSALS = {
    "a line one column short": (
        edited("Task Statements.txt", 12, b"\tSupplemental\t", b"\t"),
        "Task Statements.txt: line 12",
        "6 columns, not the 7 of the header",
    ),
    "a line one column long": (
        edited("Job Zones.txt", 3, b"\tAnalyst", b"\tAnalyst\tAnalyst"),
        "Job Zones.txt: line 3",
        "5 columns, not the 4 of the header",
    ),
    "an empty line": (
        edited("Sample of Reported Titles.txt", 4, b"13-1021.00\tGrain Merchandiser\tY", b""),
        "Sample of Reported Titles.txt: line 4",
        "0 columns, not the 3",
    ),
    "a header that differs": (
        edited("Occupation Data.txt", 1, b"Title", b"Occupation Title"),
        "Occupation Data.txt: line 1",
        "the header is not O*NET's",
    ),
    "an occupation code of another shape": (
        edited("Occupation Data.txt", 3, b"15-1211.00", b"15-1211"),
        "Occupation Data.txt: line 3",
        "'15-1211' is not an O*NET-SOC code",
    ),
    "an occupation listed twice": (
        edited("Occupation Data.txt", 3, b"15-1211.00", b"13-1021.00"),
        "Occupation Data.txt: line 3",
        "13-1021.00 is listed twice",
    ),
    "a task of an unknown occupation": (
        edited("Task Statements.txt", 5, b"13-1021.00", b"99-9999.00"),
        "Task Statements.txt: line 5",
        "unknown occupation 99-9999.00",
    ),
    "an alternate title of an unknown occupation": (
        edited("Alternate Titles.txt", 2, b"13-1021.00", b"15-1252.01"),
        "Alternate Titles.txt: line 2",
        "unknown occupation 15-1252.01",
    ),
    "a related occupation unknown": (
        edited("Related Occupations.txt", 38, b"\t29-1218.00", b"\t29-1218.01"),
        "Related Occupations.txt: line 38",
        "unknown occupation 29-1218.01",
    ),
    "a flag neither Y nor N": (
        edited("Technology Skills.txt", 3, b"\tY\tN\r", b"\ty\tN\r"),
        "Technology Skills.txt: line 3",
        "Hot Technology 'y' is neither Y nor N",
    ),
    "a reported title's flag neither Y nor N": (
        edited("Sample of Reported Titles.txt", 2, b"\tY\r", b"\tYes\r"),
        "Sample of Reported Titles.txt: line 2",
        "'Yes' is neither Y nor N",
    ),
    "a hot technology not hot for another occupation": (
        edited("Technology Skills.txt", 949, b"\tY\tY\r", b"\tN\tY\r"),
        "Technology Skills.txt: line 949",
        "Python: Hot Technology differs",
    ),
    "a task id not a number": (
        edited("Task Statements.txt", 2, b"\t12878\t", b"\t12878a\t"),
        "Task Statements.txt: line 2",
        "Task ID '12878a' is not a whole number",
    ),
    "a count of incumbents not a number": (
        edited("Task Statements.txt", 2, b"\t71\t", b"\t-71\t"),
        "Task Statements.txt: line 2",
        "'-71' is not a whole number",
    ),
    "an index not a number": (
        edited("Related Occupations.txt", 2, b"\t1\r", b"\tone\r"),
        "Related Occupations.txt: line 2",
        "Index 'one' is not a whole number",
    ),
    "a job zone the reference does not define": (
        edited("Job Zones.txt", 2, b"\t4\t", b"\t6\t"),
        "Job Zones.txt: line 2",
        "job zone 6 is not in the reference",
    ),
    "an occupation with two job zones": (
        edited("Job Zones.txt", 3, b"15-1211.00", b"13-1021.00"),
        "Job Zones.txt: line 3",
        "a second job zone for 13-1021.00",
    ),
    "a date not MM/YYYY": (
        edited("Task Statements.txt", 3, b"\t07/2013\t", b"\t2013-07\t"),
        "Task Statements.txt: line 3",
        "date '2013-07' is not MM/YYYY",
    ),
    "a month past December": (
        edited("Job Zones.txt", 2, b"\t07/2013\t", b"\t13/2013\t"),
        "Job Zones.txt: line 2",
        "date '13/2013' is not MM/YYYY",
    ),
    "a task type O*NET does not use": (
        edited("Task Statements.txt", 2, b"\tCore\t", b"\tcore\t"),
        "Task Statements.txt: line 2",
        "Task Type 'core' is not O*NET's",
    ),
    "a relatedness tier O*NET does not use": (
        edited("Related Occupations.txt", 2, b"\tPrimary-Short\t", b"\tPrimary\t"),
        "Related Occupations.txt: line 2",
        "Relatedness Tier 'Primary' is not O*NET's",
    ),
    "a title source O*NET does not define": (
        edited("Alternate Titles.txt", 4, b"\t02,04,06\r", b"\t02,11\r"),
        "Alternate Titles.txt: line 4",
        "source '02,11' is not O*NET's",
    ),
    "a Read Me without the version line": (
        edited("Read Me.txt", 1, b"O*NET 29.2 Database", b"O*NET Database"),
        "Read Me.txt: line 1",
        "not 'O*NET <version> Database'",
    ),
    "a Read Me without the release line": (
        edited("Read Me.txt", 2, b"February 2025 Release", b"February 2025"),
        "Read Me.txt: line 2",
        "not '<Month> <year> Release'",
    ),
    "bytes that are not UTF-8": (
        edited("Alternate Titles.txt", 3, b"Specialist", b"Sp\xe9cialist"),
        "Alternate Titles.txt: line 3",
        "not UTF-8 text",
    ),
}


@pytest.mark.parametrize("members, where, reason", REFUSALS.values(), ids=REFUSALS)
def test_a_malformed_file_is_refused_at_its_line(members, where, reason):
    for files in (loose(members), [("db_29_2_text.zip", zipped(members))]):
        refused = refusal(files)

        assert refused.where == where
        assert reason in refused.reason


def test_a_file_cut_short_is_refused_at_its_last_line():
    cut = MEMBERS["Technology Skills.txt"][: -len(b"Y\tN\r\n")]  # its last line loses a column
    assert refusal(loose(MEMBERS | {"Technology Skills.txt": cut})).where == (
        "Technology Skills.txt: line 2116"
    )
    # Cut at the end of a field, its last line has every column but no end.
    cut = MEMBERS["Technology Skills.txt"][: -len(b"\r\n")]
    refused = refusal(loose(MEMBERS | {"Technology Skills.txt": cut}))
    assert (refused.where, refused.reason) == (
        "Technology Skills.txt: line 2116",
        "ends mid-line: the file is cut short",
    )


@pytest.mark.parametrize("name", FILE_NAMES)
def test_a_missing_file_is_named(name):
    members = {other: data for other, data in MEMBERS.items() if other != name}

    assert refusal(loose(members)).where == name
    refused = refusal([("db_29_2_text.zip", zipped(members))])
    assert (refused.where, refused.reason) == (name, "missing from db_29_2_text.zip")


def test_a_zip_member_over_max_bytes_is_refused_before_it_is_inflated(monkeypatch):
    size = len(MEMBERS["Technology Skills.txt"])  # the extract's largest file
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda *args, **kwargs: pytest.fail("inflated"))

    refused = refusal([("db_29_2_text.zip", EXTRACT.read_bytes())], max_bytes=size - 1)

    assert refused.where == "Technology Skills.txt"
    assert f"over {size - 1} bytes" in refused.reason


def test_a_loose_file_over_max_bytes_is_refused():
    size = len(MEMBERS["Technology Skills.txt"])

    refused = refusal(loose(MEMBERS), max_bytes=size - 1)

    assert (refused.where, refused.reason) == (
        "Technology Skills.txt",
        f"over {size - 1} bytes; refused",
    )


def test_a_zip_that_cannot_be_read_is_refused():
    whole = EXTRACT.read_bytes()
    for broken in (b"not a zip", whole[: len(whole) // 2], whole[:100] + b"\0" * 100 + whole[200:]):
        refused = refusal([("db_29_2_text.zip", broken)])

        assert refused.where == "db_29_2_text.zip"
        assert "not a readable zip file" in refused.reason


def test_a_zip_with_none_of_the_files_is_refused():
    other = zipped({"Work Styles.txt": b"O*NET-SOC Code\tElement ID\r\n"})

    refused = refusal([("db_29_2_text.zip", other)])

    assert (refused.where, refused.reason) == (
        "db_29_2_text.zip",
        "holds none of the O*NET files the project reads",
    )


def test_a_file_given_twice_or_of_another_release_is_refused():
    twice = [("db_29_2_text.zip", EXTRACT.read_bytes()), *loose(MEMBERS)[:1]]
    assert refusal(twice).where == sorted(MEMBERS)[0]

    refused = refusal([("db_29_1_text.zip", EXTRACT.read_bytes())])
    assert (refused.where, refused.reason) == (
        "db_29_1_text.zip",
        "its name is not of the O*NET 29.2 its Read Me gives",
    )
    assert refusal([*loose(MEMBERS), ("Work Styles.txt", b"")]).where == "Work Styles.txt"
