"""The public releases through the loader (loader/releases/, loader/public_data.py): O*NET and
BLS OEWS in their official forms, joined to the fixtures, refused whole when broken, and
reloaded and refreshed like any dataset; with the committed extracts (tests/data/)."""

import shutil
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings

from compensation.models import MarketPay, Region
from loader.reading import DatasetInvalid
from occupations.models import Occupation, TechnologySkill
from skills.models import Skill
from sources.models import Source
from tests.conftest import database_snapshot

from .test_changes import feed

pytestmark = pytest.mark.django_db

DATA = Path(settings.BASE_DIR) / "tests" / "data"
ONET_ZIP = DATA / "onet" / "db_29_2_text.zip"
OEWS_SQLITE = DATA / "oews" / "sqlite" / "oews-2025.sqlite.gz"
OEWS_FLAT = DATA / "oews" / "flat"
#: Software Developers in Washington state: OEUS5300000000000151252 in the release.
WA_SOFTWARE_DEVELOPERS = {"employment": 107030, "hourly_mean": Decimal("82.23")}


def problems_of(load, *paths) -> list[str]:
    before = database_snapshot()
    with pytest.raises(DatasetInvalid) as raised:
        load(*paths)
    assert database_snapshot() == before  # nothing written
    return [str(problem) for problem in raised.value.problems]


def onet_copy(tmp_path: Path, edit=None) -> Path:
    """The O*NET extract as loose text files, `edit(name, lines)` applied to them."""
    folder = tmp_path / "onet"
    folder.mkdir()
    with zipfile.ZipFile(ONET_ZIP) as archive:
        for info in archive.infolist():
            name = Path(info.filename).name
            data = archive.read(info)
            if edit is not None:
                lines = data.split(b"\n")
                edit(name, lines)
                data = b"\n".join(lines)
            (folder / name).write_bytes(data)
    return folder


def flat_copy(tmp_path: Path) -> Path:
    target = tmp_path / "flat"
    shutil.copytree(OEWS_FLAT, target)
    return target


def replace_in(path: Path, old: bytes, new: bytes) -> int:
    """Replace the first line holding `old`; return its line number."""
    lines = path.read_bytes().split(b"\n")
    number = next(n for n, line in enumerate(lines, start=1) if old in line)
    lines[number - 1] = lines[number - 1].replace(old, new, 1)
    path.write_bytes(b"\n".join(lines))
    return number


# --- the official forms ------------------------------------------------------------------


def rows(model) -> list[dict]:
    return list(model.objects.order_by("pk").values())


def test_the_flat_files_and_the_sqlite_form_of_oews_give_the_same_rows(client, load):
    first = load(settings.DATASET_DIR, OEWS_SQLITE)
    by_sqlite, regions = rows(MarketPay), rows(Region)

    load(settings.DATASET_DIR, OEWS_FLAT)

    # The same rows; only the source names other files.
    assert rows(MarketPay) == by_sqlite and rows(Region) == regions
    assert feed(client, since=first.version.version) == [("sources", "bls-oews-2025a01", "updated")]
    assert len(by_sqlite) == 144
    cell = MarketPay.objects.get(slug="15-1252-us-wa")
    assert cell.series_id == "OEUS5300000000000151252"
    assert {name: getattr(cell, name) for name in WA_SOFTWARE_DEVELOPERS} == WA_SOFTWARE_DEVELOPERS


def test_the_onet_text_files_and_their_zip_give_the_same_rows(client, load, tmp_path):
    first = load(settings.DATASET_DIR, ONET_ZIP)
    occupations, technologies = rows(Occupation), rows(TechnologySkill)

    load(settings.DATASET_DIR, onet_copy(tmp_path))

    assert rows(Occupation) == occupations and rows(TechnologySkill) == technologies
    assert len(occupations) == 13 and len(technologies) == 2115
    assert feed(client, since=first.version.version) == [("sources", "onet-29-2", "updated")]


def test_an_unpublished_value_is_never_a_number(load):
    load(settings.DATASET_DIR)

    for cell in MarketPay.objects.exclude(unpublished={}):
        for field, footnote in cell.unpublished.items():
            assert getattr(cell, field) is None, (cell.slug, field)
            assert footnote in {"4", "5", "8"}
    assert {f for cell in MarketPay.objects.all() for f in cell.unpublished.values()} == {
        "4",
        "5",
        "8",
    }


# --- refused whole, naming file and line -------------------------------------------------


def test_a_truncated_onet_line_is_refused_naming_file_and_line(load, tmp_path):
    def cut(name, lines):
        if name == "Task Statements.txt":
            lines[4] = lines[4].rsplit(b"\t", 2)[0]  # the last two columns lost

    problems = problems_of(load, settings.DATASET_DIR, onet_copy(tmp_path, cut))

    assert problems == ["Task Statements.txt: line 5: 5 columns, not the 7 of the header"]


def test_an_unknown_occupation_in_onet_is_refused(load, tmp_path):
    def unknown(name, lines):
        if name == "Technology Skills.txt":
            lines[1] = lines[1].replace(b"13-1021.00", b"13-9999.00", 1)

    problems = problems_of(load, settings.DATASET_DIR, onet_copy(tmp_path, unknown))

    assert problems == ["Technology Skills.txt: line 2: unknown occupation 13-9999.00"]


def test_a_non_numeric_oews_value_without_footnote_is_refused(load, tmp_path):
    flat = flat_copy(tmp_path)
    number = replace_in(flat / "oe.data.0.Current", b"      107030\t", b"      1O7030\t")

    [problem] = problems_of(load, settings.DATASET_DIR, flat)

    assert problem.startswith(f"oe.data.0.Current: line {number}: ")
    assert "1O7030" in problem


def test_an_unknown_oews_area_is_refused(load, tmp_path):
    flat = flat_copy(tmp_path)
    number = replace_in(flat / "oe.data.0.Current", b"OEUS5300000", b"OEUS5900000")

    [problem] = problems_of(load, settings.DATASET_DIR, flat)

    assert problem.startswith(f"oe.data.0.Current: line {number}: ")
    assert "5900000" in problem


def test_a_cut_sqlite_release_is_refused(load, tmp_path):
    cut = tmp_path / "oews-2025.sqlite.gz"
    cut.write_bytes(OEWS_SQLITE.read_bytes()[:4000])

    [problem] = problems_of(load, settings.DATASET_DIR, cut)

    assert problem.startswith("oews-2025.sqlite.gz: ")


# --- joined to the fixtures --------------------------------------------------------------


def test_a_skill_named_like_a_technology_must_say_whether_it_is_it(load, fixture_file):
    skills = fixture_file("catalogue/skills.yaml")
    skills.edit(lambda d: [s.pop("onet_example") for s in d["skills"] if s["slug"] == "docker"])

    problems = problems_of(load, skills.path.parents[1])

    [problem] = [p for p in problems if "Docker" in p]
    assert problem.startswith("catalogue/skills.yaml: /skills/")
    assert "O*NET 29.2 lists the technology 'Docker'" in problem


def test_a_mapping_to_no_technology_is_refused(load, fixture_file):
    skills = fixture_file("catalogue/skills.yaml")
    skills.edit(
        lambda d: next(s for s in d["skills"] if s["slug"] == "docker").update(
            onet_example="Dockerr"
        )
    )

    problems = problems_of(load, skills.path.parents[1])

    assert "onet_example 'Dockerr' is no technology O*NET 29.2 lists" in problems[0]


def test_a_mapping_without_its_reason_is_refused(load, fixture_file):
    skills = fixture_file("catalogue/skills.yaml")
    skills.edit(lambda d: next(s for s in d["skills"] if s["slug"] == "git").pop("onet_mapping"))

    [problem] = problems_of(load, skills.path.parents[1])

    assert problem.startswith("catalogue/skills.yaml: /skills/")
    assert problem.endswith("/onet_mapping: an onet_example needs the reason: onet_mapping")


def test_a_region_of_an_area_the_release_lacks_is_refused(load, fixture_file):
    geography = fixture_file("reference/geography.yaml")
    geography.edit(
        lambda d: next(r for r in d["regions"] if r["slug"] == "seattle").update(
            area_code="0099999"
        )
    )

    problems = problems_of(load, geography.path.parents[1])

    assert [p for p in problems if "0099999" in p] == [
        "reference/geography.yaml: /regions/17/area_code: area_code '0099999' is no area of "
        "BLS OEWS 2025A01"
    ]


def test_a_role_in_an_occupation_needs_the_basis(load, fixture_file):
    roles = fixture_file("industry/aws-developer.yaml")
    roles.edit(lambda d: d["roles"][0].pop("occupation_basis"))

    problems = problems_of(load, roles.path.parents[1])

    assert problems == [
        "industry/aws-developer.yaml: /roles/0/occupation: occupation needs a occupation_basis"
    ]


def test_a_seed_skill_and_its_technology_are_one_skill_with_both_sources(client, load):
    load(settings.DATASET_DIR)

    python = client.get("/api/v1/skills/python/").json()
    assert not Skill.objects.filter(name__iexact="Python").exclude(slug="python").exists()
    assert python["onet_example"] == "Python" and python["hot_technology"] is True
    assert {"himalayas-amazon-engineer-guide", "onet-29-2"} <= {
        s["slug"] for s in python["sources"]
    }
    links = TechnologySkill.objects.filter(skill__slug="python")
    assert links.filter(occupation__code="15-1252.00", in_demand=True).exists()
    # A technology no fixture names is a skill of its own, from O*NET alone.
    redshift = client.get("/api/v1/skills/amazon-redshift/").json()
    assert (redshift["category"], [s["slug"] for s in redshift["sources"]]) == (
        "technology",
        ["onet-29-2"],
    )


def test_the_areas_join_the_region_tree(client, load):
    load(settings.DATASET_DIR)

    virginia = client.get("/api/v1/regions/us-va/").json()
    assert (virginia["name"], virginia["code"], virginia["parent"]) == ("Virginia", "US-VA", "us")
    assert virginia["area_code"] == "5100000"
    metro = Region.objects.get(area_code="0047900")
    assert (metro.name, metro.parent.slug) == (
        "Washington-Arlington-Alexandria, DC-VA-MD-WV",
        "us-dc",
    )
    assert {r.slug for r in metro.also_in.all()} == {"us-va", "us-md", "us-wv"}
    # The fixtures' Seattle is BLS's area 0042660, not a second region.
    assert Region.objects.filter(area_code="0042660").get().slug == "seattle"


def test_the_sources_name_the_releases_with_licence_and_credit(client, load):
    load(settings.DATASET_DIR)

    onet = client.get("/api/v1/sources/onet-29-2/").json()
    oews = client.get("/api/v1/sources/bls-oews-2025a01/").json()

    assert onet["attribution"].startswith(
        "O*NET 29.2 Database by the U.S. Department of Labor, Employment and Training "
        "Administration (USDOL/ETA). Used under the CC BY 4.0 license."
    )
    assert (
        "CC BY 4.0" in onet["licence"] and onet["url"] == "https://www.onetcenter.org/database.html"
    )
    assert oews["attribution"] == (
        "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage Statistics, "
        "May 2025"
    )
    assert "public domain" in oews["licence"].lower() and oews["file"] == "oews-2025.sqlite.gz"


# --- reloads and new releases ------------------------------------------------------------


def test_an_unchanged_reload_changes_nothing_and_a_new_figure_is_in_the_feed(
    client, load, tmp_path
):
    first = load(settings.DATASET_DIR, OEWS_FLAT)
    assert not load(settings.DATASET_DIR, OEWS_FLAT).changed

    flat = flat_copy(tmp_path)
    replace_in(flat / "oe.data.0.Current", b"      107030\t", b"      107031\t")
    load(settings.DATASET_DIR, flat)

    assert feed(client, since=first.version.version) == [("market-pay", "15-1252-us-wa", "updated")]
    cell = client.get("/api/v1/market-pay/15-1252-us-wa/").json()
    assert cell["employment"] == 107031


def test_the_setting_may_name_the_folder_of_the_official_flat_files(load, settings):
    settings.OEWS_FILES = [OEWS_FLAT]

    load(settings.DATASET_DIR)

    assert MarketPay.objects.count() == 144
    source = Source.objects.get(slug="bls-oews-2025a01")
    assert "oe.data.0.Current" in source.file.split(", ")
