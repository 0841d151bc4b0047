"""The public releases as dataset entries, joined to what the fixtures hold.

`releases/onet.py` and `releases/oews.py` read the official files; here their rows become
entries of the dataset's collections, checked afterwards like any fixture file:

- BLS OEWS: its areas join the region tree (the United States, its states and territories
  with their ISO 3166-2 codes, metro and nonmetropolitan areas under their first state and
  `also_in` the others), its occupation codes become SOC groups, and each cross-industry
  cell a `market_pay` entry. A region the fixtures already hold is the same region: the
  country or state with that ISO code, the metro area with that `area_code`.
- O*NET: occupations with their titles, tasks, technology skills and related occupations,
  and the job zones. Each technology is a skill of the API: the fixtures' skill whose
  `onet_example` names it, else a new skill of category `technology`. A fixture skill whose
  slug or name a technology would take, without saying it is that technology, is a problem
  to resolve in the fixtures, never a guess.

Problems are returned as (item, path inside it, reason) for fixture entries, or (file,
reason) for the release itself; nothing here touches the database.
"""

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from .releases.oews import DATATYPES, OewsRelease
from .releases.onet import OnetRelease

USA = "US"
USD = "USD"
TOTAL = "00-0000"
TIERS = {"Primary-Short": "primary_short", "Primary-Long": "primary_long"}
TECHNOLOGY = "technology"
AREA_ORDER = {"national": 0, "state": 1}
#: SOC 2018 broad occupations whose detailed codes run past their own digits: Physicians
#: (29-1210) holds 29-1211 to 29-1229.
BROAD_SPILLS = {"29-122": ("29-1210",)}
#: OEWS figures stored as whole numbers; the others are decimals.
WHOLE = {"employment"}


@dataclass
class Joined:
    """What a release adds: new entries by collection, and the problems of the join."""

    collections: dict[str, list[dict]] = field(default_factory=dict)
    problems: list[tuple] = field(default_factory=list)


def slug_of(text: str) -> str:
    """A slug made of the name: C++ is c-plus-plus, C# c-sharp, .NET dot-net."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"(?<![a-z0-9])\.(?=[a-z])", "dot-", text)
    text = text.replace("+", "-plus-").replace("#", "-sharp-").replace("&", "-and-")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


# --- BLS OEWS -----------------------------------------------------------------------------


def oews_source(release: OewsRelease) -> dict:
    occupations = len({cell.occupation for cell in release.cells})
    counts = (
        f"{len(release.cells):,} cross-industry cells: {occupations:,} SOC codes in "
        f"{len(release.areas):,} areas"
    )
    return {
        "slug": f"bls-oews-{release.release.lower()}",
        "title": f"Occupational Employment and Wage Statistics, {release.period}",
        "publisher": "U.S. Bureau of Labor Statistics",
        "file": ", ".join(release.files),
        "url": "https://www.bls.gov/oes/",
        "covers": (
            f"Employment and wages by occupation (SOC) and area, {release.period} "
            f"(release {release.release}): {counts}, the United States, its states and "
            "territories, and its metropolitan and nonmetropolitan areas. Per cell: employment "
            "and its relative standard error, hourly and annual mean wages and 10th, 25th, "
            "50th, 75th and 90th percentiles, the wage RSE, jobs per 1,000 and the location "
            "quotient; values BLS does not publish are kept as unpublished with its footnote."
        ),
        "as_of_note": f"Estimates for {release.period} (BLS release {release.release}).",
        "licence": (
            "Public domain: a work of the U.S. government. BLS asks that its data be cited and "
            "that users not imply its endorsement."
        ),
        "citation": (
            "Source: U.S. Bureau of Labor Statistics, Occupational Employment and Wage "
            f"Statistics, {release.period}"
        ),
    }


def soc_depth(code: str) -> int:
    """How deep a SOC code sits, read from its digits: 00-0000, 15-0000, 15-1200 (or
    29-1000), 15-1250, 15-1252."""
    if code == TOTAL:
        return 0
    digits = code[3:]
    return 1 if digits == "0000" else 2 if digits.endswith("00") else 3 if digits[-1] == "0" else 4


def soc_parent(code: str, codes: set[str]) -> str | None:
    """The nearest group above `code` among `codes`: the broad occupation, minor group and
    major group its digits name (15-1250, 15-1200 or 29-1000, 15-0000), then all occupations.

    By the code's digits, not by BLS's display level: BLS publishes some groups as its most
    detailed figures (13-1020), and an unpublished group (11-3020) is skipped for the next.
    """
    above = [code[:6] + "0", *BROAD_SPILLS.get(code[:6], ()), code[:5] + "00", code[:4] + "000"]
    above += [code[:3] + "0000", TOTAL]
    depth = soc_depth(code)
    return next((c for c in above if c in codes and soc_depth(c) < depth), None)


def oews_entries(release: OewsRelease, *, regions: list) -> Joined:
    """SOC groups, regions and market pay of `release`; `regions` are the fixtures' region
    items, which a matching area completes (its area code, name, the states it spans)."""
    joined = Joined()
    source = oews_source(release)
    codes = {o.code for o in release.occupations}
    joined.collections["sources"] = [source]
    joined.collections["soc_groups"] = [
        _without_blanks(
            {
                "code": o.code,
                "title": o.title,
                "level": o.level,
                "parent": soc_parent(o.code, codes),
                "source": source["slug"],
            }
        )
        for o in release.occupations
    ]
    slugs = _areas_to_regions(release, regions, joined)
    joined.collections["market_pay"] = list(_market_pay(release, slugs, source["slug"]))
    return joined


def _areas_to_regions(release: OewsRelease, regions: list, joined: Joined) -> dict[str, str]:
    """Each area's region slug; new regions go to `joined`, fixture regions are completed."""
    by_code = {item.data.get("code"): item for item in regions if item.data.get("code")}
    by_area = {item.data.get("area_code"): item for item in regions if item.data.get("area_code")}
    taken = {item.data["slug"] for item in regions}
    new: list[dict] = []
    slug_of_area: dict[str, str] = {}
    state_slug: dict[str, str] = {}  # USPS code -> region slug

    def region(area, *, code: str | None, fallback: str, kind: str, parent: str | None) -> str:
        item = by_area.get(area.code) or (by_code.get(code) if code else None)
        if item is not None:  # the fixtures' own region: completed, their values kept
            item.data.setdefault("area_code", area.code)
            if not code:  # a coded region is named as ISO 3166 names it
                item.data.setdefault("name", area.name)
            return item.data["slug"]
        slug = fallback if fallback not in taken else f"{fallback}-{area.code}"
        taken.add(slug)
        entry = {"slug": slug, "kind": kind, "area_code": area.code}
        if code:
            entry["code"] = code  # and the name ISO 3166 gives it
        else:
            entry["name"] = area.name
        if parent:
            entry["parent"] = parent
        entry["currency"] = USD
        new.append(entry)
        return slug

    # The country first, then its states, then the areas inside them.
    areas = sorted(release.areas, key=lambda area: AREA_ORDER.get(area.kind, 2))
    country = None
    for area in areas:
        if area.kind == "national":
            country = region(area, code=USA, fallback="us", kind="country", parent=None)
            slug_of_area[area.code] = country
        elif area.kind == "state":
            usps = area.states[0]
            slug = region(
                area,
                code=f"US-{usps}",
                fallback=f"us-{usps.lower()}",
                kind="subdivision",
                parent=country,
            )
            slug_of_area[area.code] = state_slug[usps] = slug
        else:
            first, *others = area.states
            slug = region(
                area,
                code=None,
                fallback=slug_of(area.name),
                kind=area.kind,
                parent=state_slug.get(first),
            )
            slug_of_area[area.code] = slug
            also = [state_slug[s] for s in others if s in state_slug]
            target = next((e for e in new if e["slug"] == slug), None)
            if target is None:
                target = by_area.get(area.code).data if area.code in by_area else None
            if target is not None and also:
                target.setdefault("also_in", also)
    for area_code, item in by_area.items():
        if area_code not in slug_of_area:
            reason = f"area_code {area_code!r} is no area of BLS OEWS {release.release}"
            joined.problems.append((item, ("area_code",), reason))
    joined.collections["regions"] = new
    return slug_of_area


def _market_pay(release: OewsRelease, slugs: dict[str, str], source: str) -> Iterator[dict]:
    names = DATATYPES
    whole = [name in WHOLE for name in names]
    for cell in release.cells:
        region = slugs[cell.area]
        entry = {
            "slug": f"{cell.occupation}-{region}",
            "occupation": cell.occupation,
            "region": region,
            "release": release.release,
            "series_id": cell.series_id,
        }
        unpublished = {}
        for name, is_whole, value, note in zip(
            names, whole, cell.values, cell.footnotes, strict=True
        ):
            if value is not None:
                entry[name] = int(value) if is_whole else float(value)
            elif note is not None:
                unpublished[name] = note
        if unpublished:
            entry["unpublished"] = unpublished
        entry["source"] = source
        yield entry


# --- O*NET --------------------------------------------------------------------------------


def onet_source(release: OnetRelease) -> dict:
    counts = (
        f"{len(release.occupations):,} occupations, {len(release.alternate_titles):,} alternate "
        f"and {len(release.reported_titles):,} reported titles, {len(release.tasks):,} task "
        f"statements, {len(release.technology_skills):,} technology skill links, "
        f"{len(release.related):,} related occupations and the job zones"
    )
    return {
        "slug": f"onet-{release.version.replace('.', '-')}",
        "title": f"O*NET {release.version} Database",
        "publisher": (
            "National Center for O*NET Development, for the U.S. Department of Labor, "
            "Employment and Training Administration (USDOL/ETA)"
        ),
        "file": ", ".join(release.files),
        "url": "https://www.onetcenter.org/database.html",
        "covers": (
            f"The O*NET-SOC occupations and what O*NET says of them: {counts}. Read from its "
            "text files (Occupation Data, Alternate Titles, Sample of Reported Titles, Task "
            "Statements, Technology Skills, Related Occupations, Job Zones, Job Zone Reference)."
        ),
        "as_of_note": f"{release.released} release.",
        "licence": (
            "Creative Commons Attribution 4.0 International (CC BY 4.0), "
            "https://www.onetcenter.org/license_db.html. Modified: reshaped into this API's "
            "resources (occupations, SOC groups, job zones, skills), and only part of the "
            "database served."
        ),
        "citation": (
            f"O*NET {release.version} Database by the U.S. Department of Labor, Employment and "
            "Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. Modified: "
            "reshaped into this API's resources."
        ),
    }


def onet_entries(release: OnetRelease, *, skills: list, soc_codes: set[str]) -> Joined:
    """Job zones, occupations and their technologies as skills; `skills` are the fixtures'
    skill items (a technology they map becomes theirs), `soc_codes` the SOC groups the
    dataset holds (an occupation's `group` is its own code or the nearest above)."""
    joined = Joined()
    source = onet_source(release)
    slug = source["slug"]
    joined.collections["sources"] = [source]
    joined.collections["job_zones"] = [
        {
            "zone": z.zone,
            "name": z.name,
            "experience": z.experience,
            "education": z.education,
            "job_training": z.job_training,
            "examples": z.examples,
            "svp_range": z.svp_range,
            "source": slug,
        }
        for z in release.job_zone_reference
    ]
    skill_of = _technologies_to_skills(release, skills, slug, joined)
    zones = {j.code: j.zone for j in release.job_zones}
    children: dict[str, dict[str, list]] = {
        o.code: {
            "alternate_titles": [],
            "reported_titles": [],
            "tasks": [],
            "technology_skills": [],
            "related": [],
        }
        for o in release.occupations
    }
    for t in release.alternate_titles:
        title = {"title": t.title, "short_title": t.short_title, "sources": list(t.sources)}
        children[t.code]["alternate_titles"].append(_without_blanks(title))
    for t in release.reported_titles:
        children[t.code]["reported_titles"].append(
            {"title": t.title, "shown_in_my_next_move": t.shown_in_my_next_move}
        )
    for t in release.tasks:
        task = {
            "task_id": t.task_id,
            "statement": t.statement,
            "kind": t.kind,
            "incumbents_responding": t.incumbents_responding,
            "date": t.date,
            "domain_source": t.domain_source,
        }
        children[t.code]["tasks"].append(_without_blanks(task))
    for t in release.technology_skills:
        children[t.code]["technology_skills"].append(
            {
                "skill": skill_of[t.example],
                "example": t.example,
                "commodity_code": t.commodity_code,
                "commodity_title": t.commodity_title,
                "hot_technology": t.hot,
                "in_demand": t.in_demand,
            }
        )
    for r in release.related:
        tier = TIERS.get(r.tier, "supplemental")
        children[r.code]["related"].append(
            {"occupation": r.related_code, "tier": tier, "rank": r.rank}
        )
    joined.collections["occupations"] = [
        _without_blanks(
            {
                "code": o.code,
                "title": o.title,
                "description": o.description,
                "job_zone": zones.get(o.code),
                "group": _group(o.code[:7], soc_codes),
                "source": slug,
                **children[o.code],
            }
        )
        for o in release.occupations
    ]
    return joined


def _group(soc_code: str, soc_codes: set[str]) -> str | None:
    """The SOC group an occupation's market pay is read from: its own code, else the nearest
    group above, if any below all occupations (whose pay says nothing of one occupation)."""
    if soc_code in soc_codes:
        return soc_code
    group = soc_parent(soc_code, soc_codes)
    return None if group == TOTAL else group


def _without_blanks(entry: dict) -> dict:
    """The entry as a fixture file would write it: no empty or missing values."""
    return {k: v for k, v in entry.items() if v is not None and v != "" and v != []}


def _technologies_to_skills(
    release: OnetRelease, skills: list, source: str, joined: Joined
) -> dict[str, str]:
    """The skill slug of every technology O*NET lists; new skills go to `joined`."""
    hot = {t.example: t.hot for t in release.technology_skills}
    mapped = {item.data["onet_example"]: item for item in skills if item.data.get("onet_example")}
    by_slug = {item.data["slug"]: item for item in skills}
    by_name: dict[str, object] = {}
    for item in skills:
        for name in (item.data["name"], *item.data.get("aliases", ())):
            by_name.setdefault(name.casefold(), item)
    for example, item in mapped.items():
        if example not in hot:
            reason = f"onet_example {example!r} is no technology O*NET {release.version} lists"
            joined.problems.append((item, ("onet_example",), reason))
    skill_of: dict[str, str] = {}
    new = []
    for example, is_hot in hot.items():
        item = mapped.get(example)
        if item is not None:  # the fixtures say this skill is that technology
            item.data["hot_technology"] = is_hot
            item.data["sources"] = [*item.data.get("sources", ()), source]
            skill_of[example] = item.data["slug"]
            continue
        slug = slug_of(example)
        clash = by_slug.get(slug) or by_name.get(example.casefold())
        if clash is not None:
            reason = (
                f"O*NET {release.version} lists the technology {example!r}, which would take "
                "this skill's slug or name: say whether the skill is that technology "
                "(onet_example, with the reason in onet_mapping) or name it apart"
            )
            joined.problems.append((clash, ("slug",), reason))
            skill_of[example] = clash.data["slug"]  # the load stops at the problem anyway
            continue
        skill_of[example] = slug
        new.append(
            {
                "slug": slug,
                "name": example,
                "category": TECHNOLOGY,
                "onet_example": example,
                "hot_technology": is_hot,
                "sources": [source],
            }
        )
    joined.collections["skills"] = new
    return skill_of
