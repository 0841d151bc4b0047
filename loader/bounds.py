"""Bounds on one dataset file, checked before it is built into Python objects.

A file larger than DATASET_MAX_FILE_BYTES is refused without being read. A YAML document
whose aliases expand it to more than DATASET_MAX_NODES nodes is refused before it is
composed: an "alias bomb" (a few hundred bytes of anchors, each used ten times by
the next) is built by PyYAML as shared objects in a millisecond, but the schema check,
the validation and the writer walk it once per reference: 8 levels of 10 aliases are
10^8 nodes, minutes and gigabytes before anything is said.

JSON, and YAML without aliases, are bounded by their bytes alone: their size in nodes
is at most linear in it.
"""

import os
from dataclasses import dataclass
from pathlib import Path

import yaml
from django.conf import settings

_STARTS = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_ENDS = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


class OverBound(Exception):
    """A file is beyond a bound; `reason` says which, for the curator."""

    def __init__(self, reason: str):
        self.reason = reason
        super().__init__(reason)


@dataclass(frozen=True)
class Bounds:
    """The largest file (bytes) and the largest YAML document (nodes, aliases expanded)."""

    max_file_bytes: int
    max_nodes: int

    @classmethod
    def from_settings(cls) -> "Bounds":
        return cls(settings.DATASET_MAX_FILE_BYTES, settings.DATASET_MAX_NODES)


def file_read_bounded(path: Path, *, limit: int) -> bytes:
    """The file's bytes; OverBound, without reading it, if it has more than `limit`."""
    with path.open("rb") as file:
        size = os.fstat(file.fileno()).st_size
        # read(n) allocates n bytes first: ask for the size (and a byte more, to see whether
        # the file grew since), and only for the rest up to the limit if it did.
        raw = file.read(size + 1) if size <= limit else b""
        if len(raw) > size:
            raw += file.read(limit + 1 - len(raw))
    if size > limit or len(raw) > limit:
        raise OverBound(
            f"the file is {max(size, len(raw)):,} bytes, more than the limit of {limit:,} "
            "bytes (DATASET_MAX_FILE_BYTES); refused"
        )
    return raw


def yaml_expanded_nodes(text: str, *, loader: type, limit: int) -> int | None:
    """How many nodes the YAML in `text` has with every alias expanded (None when it cannot
    hold an alias); OverBound once aliases take it past `limit` nodes.

    Counted from the parser's events, one at a time, so nothing is built and a bomb is
    refused as soon as its count passes the limit: an alias adds the expanded size of the
    node its anchor names, recorded when that node ended. An alias to an undefined anchor,
    or to a node still open (a recursive structure), counts as one node: composing or
    constructing the document reports it.
    """
    if "*" not in text:
        return None  # every alias is written `*anchor`: a file without one is not parsed twice
    parser = loader(text)
    try:
        return _count(parser, limit)
    finally:
        parser.dispose()


def _count(parser, limit: int) -> int:
    total = 0
    sizes: dict[str, int] = {}  # anchor -> expanded size of the node it names
    opened: list[tuple[int, str | None]] = []  # open collections: (total at start, anchor)
    aliased = False
    for event in iter(parser.get_event, None):
        kind = type(event)
        if kind is yaml.ScalarEvent:
            total += 1
            if event.anchor is not None:
                sizes[event.anchor] = 1
        elif kind is yaml.AliasEvent:
            total += sizes.get(event.anchor, 1)
            aliased = True
        elif kind in _STARTS:
            total += 1
            opened.append((total, event.anchor))
        elif kind in _ENDS:
            start, anchor = opened.pop()
            if anchor is not None:
                sizes[anchor] = total - start + 1
        elif kind is yaml.DocumentStartEvent:
            sizes.clear()  # anchors name nodes of their own document only
        if aliased and total > limit:  # without an alias, the bytes bound is the bound
            raise OverBound(_too_many(limit, event.start_mark))
    return total


def _too_many(limit: int, mark: yaml.Mark) -> str:
    return (
        f"aliases expand to more than {limit:,} nodes (limit DATASET_MAX_NODES), passed at "
        f"line {mark.line + 1}, column {mark.column + 1}; refused"
    )
