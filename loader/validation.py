"""Checks that span items and files: unique keys, references, numbers that must agree.

Runs after the schema check and before any write. Each check reports the item's file
and its path inside the file.
"""

from collections.abc import Iterator
from decimal import Decimal

from .reading import Dataset, DatasetInvalid, Item, Problem, gc_paused

# Collections looked up by a key, and that key.
KEYED = {
    "sources": "slug",
    "families": "slug",
    "companies": "slug",
    "currencies": "code",
    "regions": "slug",
    "exchange_rates": "slug",
    "skills": "slug",
    "competencies": "slug",
    "topics": "slug",
    "roles": "slug",
    "ladders": "slug",
    "salary_bands": "slug",
    "interview_processes": "slug",
    "questions": "slug",
}

# (collection, field, target collection) for single references at the item's top level.
REFERENCES = [
    ("companies", "parent", "companies"),
    ("regions", "parent", "regions"),
    ("regions", "currency", "currencies"),
    ("exchange_rates", "currency", "currencies"),
    ("exchange_rates", "source", "sources"),
    ("competencies", "company", "companies"),
    ("roles", "family", "families"),
    ("roles", "company", "companies"),
    ("roles", "source", "sources"),
    ("ladders", "company", "companies"),
    ("ladders", "role", "roles"),
    ("ladders", "source", "sources"),
    ("salary_bands", "role", "roles"),
    ("salary_bands", "level", "levels"),
    ("salary_bands", "region", "regions"),
    ("salary_bands", "currency", "currencies"),
    ("salary_bands", "source", "sources"),
    ("interview_processes", "company", "companies"),
    ("interview_processes", "source", "sources"),
    ("questions", "company", "companies"),
    ("questions", "process", "interview_processes"),
    ("questions", "source", "sources"),
]

# (collection, list field, target collection) for lists of slugs.
LIST_REFERENCES = [
    ("companies", "sources", "sources"),
    ("competencies", "sources", "sources"),
    ("interview_processes", "roles", "roles"),
    ("questions", "topics", "topics"),
    ("questions", "competencies", "competencies"),
    ("questions", "roles", "roles"),
]

# (collection, nested list, field, target) for references inside nested entries.
NESTED_REFERENCES = [
    ("companies", "statistics", "source", "sources"),
    ("roles", "statistics", "source", "sources"),
    ("roles", "skills", "skill", "skills"),
    ("roles", "skills", "source", "sources"),
    ("roles", "content", "source", "sources"),
    ("roles", "related", "role", "roles"),
    ("roles", "related", "source", "sources"),
]

# Pairs of amounts on a salary band where the first may not exceed the second.
BAND_ORDER = [
    ("min", "max"),
    ("min", "median"),
    ("median", "max"),
    ("min", "average"),
    ("average", "max"),
    ("usd_equivalent_min", "usd_equivalent_max"),
]


def _index(dataset: Dataset, problems: list[Problem]) -> dict[str, dict[str, Item]]:
    """Map each collection's keys to items, reporting every duplicate."""
    index: dict[str, dict[str, Item]] = {name: {} for name in [*KEYED, "levels"]}

    def add(collection: str, key: str, item: Item, path: str) -> None:
        first = index[collection].get(key)
        if first is not None:
            problems.append(
                Problem(
                    item.file,
                    path,
                    f"duplicate {collection} key {key!r} "
                    f"(first defined in {first.file} at {first.path})",
                )
            )
        else:
            index[collection][key] = item

    for collection, key_field in KEYED.items():
        for item in dataset.items(collection):
            add(collection, item.data[key_field], item, item.at(key_field))
    for ladder in dataset.items("ladders"):
        for position, level in enumerate(ladder.data["levels"]):
            nested = Item(ladder.file, ladder.at("levels", position), level)
            add("levels", level["slug"], nested, nested.at("slug"))
    return index


def _check_references(dataset: Dataset, index: dict, problems: list[Problem]) -> None:
    # Paths are built only for the problems: a large dataset has millions of references.
    def unknown(item: Item, path: tuple, target: str, key: str) -> None:
        problems.append(Problem(item.file, item.at(*path), f"unknown {target} {key!r}"))

    for collection, field, target in REFERENCES:
        keys = index[target]
        for item in dataset.items(collection):
            key = item.data.get(field)
            if key is not None and key not in keys:
                unknown(item, (field,), target, key)
    for collection, field, target in LIST_REFERENCES:
        keys = index[target]
        for item in dataset.items(collection):
            for position, key in enumerate(item.data.get(field, ())):
                if key not in keys:
                    unknown(item, (field, position), target, key)
    for collection, nested, field, target in NESTED_REFERENCES:
        keys = index[target]
        for item in dataset.items(collection):
            for position, entry in enumerate(item.data.get(nested, ())):
                key = entry.get(field)
                if key is not None and key not in keys:
                    unknown(item, (nested, position, field), target, key)


def _check_unique_nested(dataset: Dataset, problems: list[Problem]) -> None:
    """A role links a skill once; a skill alias names one skill; a country code one region."""
    for role in dataset.items("roles"):
        seen: set[str] = set()
        for position, link in enumerate(role.data.get("skills", [])):
            if link["skill"] in seen:
                problems.append(
                    Problem(
                        role.file,
                        role.at("skills", position, "skill"),
                        f"skill {link['skill']!r} is linked twice",
                    )
                )
            seen.add(link["skill"])
    names: dict[str, str] = {}
    for skill in dataset.items("skills"):
        for position, alias in enumerate(skill.data.get("aliases", [])):
            owner = names.setdefault(alias.casefold(), skill.data["slug"])
            if owner != skill.data["slug"]:
                problems.append(
                    Problem(
                        skill.file,
                        skill.at("aliases", position),
                        f"alias {alias!r} already names skill {owner!r}",
                    )
                )
    codes: dict[str, str] = {}
    for region in dataset.items("regions"):
        code = region.data.get("code")
        if code and codes.setdefault(code, region.data["slug"]) != region.data["slug"]:
            problems.append(
                Problem(
                    region.file,
                    region.at("code"),
                    f"country code {code!r} is already used by {codes[code]!r}",
                )
            )


def _more(low: object, high: object) -> bool:
    """low > high, compared as the decimals written in the file."""
    if type(low) is int and type(high) is int:  # exact already, and the common case
        return low > high
    return Decimal(str(low)) > Decimal(str(high))


def _check_ranges(dataset: Dataset, problems: list[Problem]) -> None:
    def ordered(item: Item, path: tuple, low: object, high: object, what: str) -> None:
        if low is not None and high is not None and _more(low, high):
            reason = f"{what}: {low} is more than {high}"
            problems.append(Problem(item.file, item.at(*path), reason))

    for band in dataset.items("salary_bands"):
        data = band.data
        for low, high in BAND_ORDER:
            if low in data and high in data:
                ordered(band, (low,), data[low], data[high], f"{low} must not exceed {high}")
        if data.get("max_open") and "max" not in data:
            problems.append(Problem(band.file, band.at("max_open"), "max_open needs a max"))
    for item, path, entry in _ranges(dataset):
        ordered(item, path, entry.get("min"), entry.get("max"), "min must not exceed max")
    for collection in ("roles", "companies"):
        for item in dataset.items(collection):
            for position, stat in enumerate(item.data.get("statistics", [])):
                ordered(
                    item,
                    ("statistics", position, "value_max"),
                    stat["value"],
                    stat.get("value_max"),
                    "value must not exceed value_max",
                )


def _ranges(dataset: Dataset) -> Iterator[tuple[Item, tuple, dict]]:
    """Every {min, max} range: years of experience, rounds, weeks."""
    for role in dataset.items("roles"):
        if "experience_years" in role.data:
            yield role, ("experience_years",), role.data["experience_years"]
    for ladder in dataset.items("ladders"):
        for position, level in enumerate(ladder.data["levels"]):
            if "years" in level:
                yield ladder, ("levels", position, "years"), level["years"]
    for process in dataset.items("interview_processes"):
        if "duration_weeks" in process.data:
            yield process, ("duration_weeks",), process.data["duration_weeks"]
        for position, stage in enumerate(process.data["stages"]):
            if "rounds" in stage:
                yield process, ("stages", position, "rounds"), stage["rounds"]


def _check_currency_units(dataset: Dataset, index: dict, problems: list[Problem]) -> None:
    """A statistic in money names a currency the dataset defines."""
    for collection in ("roles", "companies"):
        for item in dataset.items(collection):
            for position, stat in enumerate(item.data.get("statistics", [])):
                unit = stat["unit"]
                if unit.isupper() and len(unit) == 3 and unit not in index["currencies"]:
                    problems.append(
                        Problem(
                            item.file,
                            item.at("statistics", position, "unit"),
                            f"unknown currencies {unit!r}",
                        )
                    )


def _check_trees(dataset: Dataset, index: dict, problems: list[Problem]) -> None:
    """Company and region parents must not loop back on themselves."""
    for collection in ("companies", "regions"):
        for item in dataset.items(collection):
            seen, key = {item.data["slug"]}, item.data.get("parent")
            while key in index[collection]:
                if key in seen:
                    problems.append(
                        Problem(item.file, item.at("parent"), f"parent chain loops back to {key!r}")
                    )
                    break
                seen.add(key)
                key = index[collection][key].data.get("parent")
    for region in dataset.items("regions"):
        is_country = region.data["kind"] == "country"
        if is_country != ("code" in region.data):
            problems.append(
                Problem(
                    region.file,
                    region.at("code"),
                    "countries, and only countries, carry an ISO 3166 code",
                )
            )


def dataset_validate(dataset: Dataset) -> None:
    """Raise DatasetInvalid with every cross-item problem found; return when all is well."""
    problems: list[Problem] = []
    with gc_paused():
        index = _index(dataset, problems)
        _check_references(dataset, index, problems)
        _check_unique_nested(dataset, problems)
        _check_ranges(dataset, problems)
        _check_currency_units(dataset, index, problems)
        _check_trees(dataset, index, problems)
    if problems:
        raise DatasetInvalid(problems)
