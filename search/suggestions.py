"""Suggestions: items whose names start like what a person typed, and the items a slug
that names nothing probably meant ("did you mean").

Both read the names the search index holds (`SearchName`): an item's own name and its
aliases (a skill's other names, an occupation's alternate and reported titles).
"""

import difflib
from dataclasses import dataclass

from django.db.models import Case, CharField, Min, Value, When
from django.db.models.functions import Cast, Concat, Length, LPad

from dataset.memo import dataset_memo
from dataset.versions import DatasetStamp

from .folding import words_fold
from .models import SearchName
from .query import names_matching

SUGGEST_LIMIT_MAX = 20
DID_YOU_MEAN_MAX = 5


@dataclass(frozen=True)
class Suggestion:
    """An item suggested: its type, slug (or code), name, and the alias that matched."""

    type: str
    slug: str
    name: str
    matched: str | None = None


def names_suggest(*, q: str, types: list[str] | None = None, limit: int = 10) -> list[Suggestion]:
    """Items with a name whose words start with the words of `q`, best first: a name equal
    to `q`, then one that starts with it, an item's own name before an alias, the shorter
    first; at most `limit`, each item once."""
    words = words_fold(q)
    if not words:
        return []
    folded = " ".join(words)
    rows = SearchName.objects.all() if not types else SearchName.objects.filter(type__in=types)
    rank = (
        Case(When(folded=folded, then=Value(0)), default=Value(100_000))
        + Case(When(folded__startswith=folded, then=Value(0)), default=Value(10_000))
        + Case(When(kind="name", then=Value(0)), default=Value(1000))
        + Length("folded")
    )
    # An item's best name and its rank in one aggregate: the rank, zero-padded, then the name.
    best = Min(Concat(LPad(Cast(rank, CharField()), 7, Value("0")), Value("\t"), "title"))
    found = (
        names_matching(rows, words)
        .values("type", "key")
        .annotate(best=best, name=Min("name"))
        .order_by("best", "name", "type", "key")[:limit]
    )
    return [
        Suggestion(
            type=row["type"],
            slug=row["key"],
            name=row["name"],
            matched=_unless_same(row["best"].split("\t", 1)[1], row["name"]),
        )
        for row in found
    ]


def _unless_same(title: str, name: str) -> str | None:
    return None if title == name else title


def slug_suggestions(*, type: str, value: str, dataset: DatasetStamp | None) -> list[Suggestion]:
    """What an unknown slug (or code) of `type` probably meant: items whose names start
    with its words (`skill=aws`: the AWS skills), else the slugs and names closest in
    spelling (`region=seatle`: Seattle)."""
    found = names_suggest(q=value.replace("-", " "), types=[type], limit=DID_YOU_MEAN_MAX)
    if found:
        return found
    spellings = _spellings(dataset=dataset, type=type)
    typed = " ".join(words_fold(value.replace("-", " ")))
    close = difflib.get_close_matches(typed, spellings, n=DID_YOU_MEAN_MAX * 2, cutoff=0.6)
    items = dict.fromkeys(item for spelling in close for item in spellings[spelling])
    return [Suggestion(type=type, slug=key, name=name) for key, name in items][:DID_YOU_MEAN_MAX]


@dataset_memo
def _spellings(*, type: str) -> dict[str, list[tuple[str, str]]]:
    """Every folded slug and own name of `type` -> the items (slug, name) spelt so."""
    spellings: dict[str, list[tuple[str, str]]] = {}
    names = SearchName.objects.filter(type=type, kind="name").order_by("key")
    for key, name, folded in names.values_list("key", "name", "folded"):
        for spelling in (" ".join(words_fold(key.replace("-", " "))), folded):
            spellings.setdefault(spelling, []).append((key, name))
    return spellings
