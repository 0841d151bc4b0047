"""Checks that span entries and files, derived from the dataset types.

Runs after the schema check and before any write. For every type, nested ones included:
keys are unique across all files, every reference names an entry that exists, every range
is in order, a nested entry links what it names once, parent chains do not loop; then the
rules the type declares (`DatasetType.checks`). Each problem names the entry's file and
its path inside the file.
"""

from collections.abc import Iterator

from .declaring import DatasetType, Range, Ref, Refs
from .reading import Dataset, DatasetInvalid, Item, Problem, gc_paused
from .types import BY_MODEL, DATASET_TYPES
from .types.rules import exceeds


def _entries(dataset: Dataset) -> Iterator[tuple[DatasetType, list[Item]]]:
    """Every type with its entries, nested entries located inside their parents."""

    def walk(declared: DatasetType, items: list[Item]):
        yield declared, items
        for children in declared.children:
            if children.type.scalar is not None:
                continue  # plain values (aliases): checked by their parent's rules
            nested = [
                Item(item.file, item.at(children.name, position), entry)
                for item in items
                for position, entry in enumerate(item.data.get(children.name, ()))
            ]
            yield from walk(children.type, nested)

    for declared in DATASET_TYPES:
        yield from walk(declared, dataset.items(declared.key))


def _index(typed: list, problems: list[Problem]) -> dict[str, dict[str, Item]]:
    """Each type's keys -> entries, reporting every duplicate."""
    index: dict[str, dict[str, Item]] = {}
    for declared, items in typed:
        if declared.slug is None:
            continue
        keys = index.setdefault(declared.key, {})
        for item in items:
            key = item.data[declared.slug]
            first = keys.get(key)
            if first is not None:
                where = f"first defined in {first.file} at {first.path}"
                reason = f"duplicate {declared.key} key {key!r} ({where})"
                problems.append(Problem(item.file, item.at(declared.slug), reason))
            else:
                keys[key] = item
    return index


def _references(declared: DatasetType, items: list[Item], index: dict) -> Iterator[tuple]:
    # Paths are built only for the problems: a large dataset has millions of references.
    for field in declared.fields:
        if isinstance(field, Ref):
            target = BY_MODEL[field.target_model].key
            keys, name = index[target], field.name
            for item in items:
                key = item.data.get(name)
                if key is not None and key not in keys:
                    yield item, (name,), f"unknown {target} {key!r}"
        elif isinstance(field, Refs):
            target = BY_MODEL[field.target_model].key
            keys, name = index[target], field.name
            for item in items:
                for position, key in enumerate(item.data.get(name, ())):
                    if key not in keys:
                        yield item, (name, position), f"unknown {target} {key!r}"


def _ranges(declared: DatasetType, items: list[Item]) -> Iterator[tuple]:
    for field in declared.fields:
        if isinstance(field, Range):
            for item in items:
                bounds = item.data.get(field.name)
                if bounds is None:
                    continue
                low, high = bounds.get("min"), bounds.get("max")
                if low is not None and high is not None and exceeds(low, high):
                    yield item, (field.name,), f"min must not exceed max: {low} is more than {high}"


def _linked_once(declared: DatasetType, items: list[Item]) -> Iterator[tuple]:
    """A nested entry that names another entry in its identity (a role's skill) names it
    once per parent."""
    names = [
        f.name
        for f in declared.fields
        if isinstance(f, Ref)
        and f.column in declared.identity
        and f.column != declared.parent_column
    ]
    for name in names:
        seen: dict[tuple, set] = {}
        for item in items:
            parent = item.path.rsplit("/", 2)[0]
            linked = seen.setdefault((item.file, parent), set())
            if item.data[name] in linked:
                yield item, (name,), f"{name} {item.data[name]!r} is linked twice"
            linked.add(item.data[name])


def _loops(declared: DatasetType, items: list[Item], index: dict) -> Iterator[tuple]:
    """A parent chain (a company's, a region's) does not come back to where it started."""
    tree = declared.tree
    if tree is None:
        return
    keys = index[declared.key]
    for item in items:
        seen, key = {item.data[declared.slug]}, item.data.get(tree.name)
        while key in keys:
            if key in seen:
                yield item, (tree.name,), f"parent chain loops back to {key!r}"
                break
            seen.add(key)
            key = keys[key].data.get(tree.name)


def dataset_validate(dataset: Dataset) -> None:
    """Raise DatasetInvalid with every cross-entry problem found; return when all is well."""
    problems: list[Problem] = []
    with gc_paused():
        typed = list(_entries(dataset))
        index = _index(typed, problems)
        for declared, items in typed:
            found = [
                *_references(declared, items, index),
                *_ranges(declared, items),
                *_linked_once(declared, items),
                *_loops(declared, items, index),
            ]
            for check in declared.checks:
                found += check(items, index)
            problems += [Problem(item.file, item.at(*path), reason) for item, path, reason in found]
    if problems:
        raise DatasetInvalid(problems)
