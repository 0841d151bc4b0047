"""Search syntax and how each database matches it.

`search=` takes web search syntax, as PostgreSQL's `websearch_to_tsquery` reads it: every
word must match; `"a quoted phrase"` matches its words in that order; `or` between two
terms matches either; `-word` (or `-"phrase"`) excludes. Words are folded
(`search.folding`) and stemmed in English ("interviews" finds "interview").

PostgreSQL matches the normalised query with `websearch_to_tsquery('english', …)` against
the documents' tsvector and ranks with `ts_rank`; SQLite renders it as an FTS5 query
(Porter stemmer) and ranks by the weighted count of terms found per field. What differs:
PostgreSQL ignores English stop words ("the", "of": a query of stop words alone matches
nothing), SQLite matches them;
SQLite cannot exclude inside an `or` (`a or -b` reads as `a`); the stemmers differ in
rare words (Snowball's English on PostgreSQL, Porter's on SQLite).
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import Expression, F, FloatField, QuerySet, Value
from django.db.models.expressions import RawSQL

from .folding import words_fold

DOCUMENT_FTS = "search_document_fts"
NAME_FTS = "search_name_fts"
#: Relevance weights of title, names and body: PostgreSQL's {D, C, B, A}, and SQLite's.
PG_WEIGHTS = [0.05, 0.2, 0.4, 1.0]
FTS5_WEIGHTS = (("title", 1.0), ("names", 0.4), ("body", 0.2))

_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


@dataclass(frozen=True)
class Term:
    """A word or a phrase (its words in order); `negated`: items with it are excluded."""

    words: tuple[str, ...]
    negated: bool = False


@dataclass(frozen=True)
class WebQuery:
    """A search: every group must match, any term of a group (terms joined by `or`)."""

    groups: tuple[tuple[Term, ...], ...]

    @classmethod
    def parse(cls, text: str) -> "WebQuery":
        groups: list[tuple[Term, ...]] = []
        either = False
        for match in _TERM.finditer(text):
            negated = bool(match.group(1) or match.group(3))
            raw = match.group(2) if match.group(2) is not None else match.group(4)
            if match.group(4) is not None and raw.lower() == "or" and not negated:
                either = bool(groups)
                continue
            words = tuple(words_fold(raw))
            if not words:
                continue
            term = Term(words, negated)
            if either:
                groups[-1] = (*groups[-1], term)
            else:
                groups.append((term,))
            either = False
        return cls(tuple(groups))

    def __bool__(self) -> bool:
        return bool(self.groups)

    @property
    def positive(self) -> bool:
        """Whether anything must match (a query of exclusions only matches the rest)."""
        return any(not term.negated for group in self.groups for term in group)

    def websearch(self) -> str:
        """The query in websearch syntax, of folded words only (for PostgreSQL)."""

        def term(t: Term) -> str:
            return ("-" if t.negated else "") + '"' + " ".join(t.words) + '"'

        return " ".join(" or ".join(term(t) for t in group) for group in self.groups)

    def fts5(self) -> tuple[str | None, str | None]:
        """(what must match, what is excluded) as FTS5 queries; either may be None."""
        positive, negative = [], []
        for group in self.groups:
            terms = [t for t in group if not t.negated]
            if terms:
                phrases = [_fts5_phrase(t.words) for t in terms]
                positive.append(phrases[0] if len(phrases) == 1 else f"({' OR '.join(phrases)})")
            elif len(group) == 1:
                negative.append(_fts5_phrase(group[0].words))
        include = " AND ".join(positive) or None
        exclude = " OR ".join(negative) or None
        return include, exclude


def _fts5_phrase(words: tuple[str, ...], prefix: bool = False) -> str:
    return '"' + " ".join(words) + '"' + ("*" if prefix else "")


class _Fts5Rank(Expression):
    """SQLite: a document's relevance, the weighted count of the query's terms found in each
    of its columns (a term in the title counts most).

    FTS5's own `bm25` divides by the length of the whole row, so an item with little text
    outranks one whose title holds the words; PostgreSQL's `ts_rank` does not.
    """

    output_field = FloatField()

    def __init__(self, rowid, query: "WebQuery"):
        super().__init__()
        self.rowid = rowid
        self.matches = [
            (weight, f"{{{column}}} : {_fts5_phrase(term.words)}")
            for column, weight in FTS5_WEIGHTS
            for group in query.groups
            for term in group
            if not term.negated
        ]

    def get_source_expressions(self):
        return [self.rowid]

    def set_source_expressions(self, exprs):
        (self.rowid,) = exprs

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.rowid)
        t = DOCUMENT_FTS
        found = f"(SELECT COUNT(*) FROM {t} WHERE {t} MATCH %s AND rowid = {sql})"
        terms = [f"{weight} * {found}" for weight, _ in self.matches]
        values = [value for _, match in self.matches for value in (match, *params)]
        return f"({' + '.join(terms) or '0'})", values


def _fts5_rows(table: str, match: str) -> RawSQL:
    return RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [match])


def documents_search(queryset: QuerySet, query: WebQuery) -> QuerySet:
    """`queryset`'s items whose search document matches, annotated with `relevance`.

    The items reach their document through `search_documents` (a GenericRelation).
    """
    if not query:  # no word at all ("--", "!"): nothing matches
        return queryset.none().annotate(relevance=Value(0.0, output_field=FloatField()))
    if connection.vendor == "postgresql":
        ts = SearchQuery(query.websearch(), search_type="websearch", config="english")
        vector = F("search_documents__vector")
        return queryset.filter(search_documents__vector=ts).annotate(
            relevance=SearchRank(vector, ts, weights=PG_WEIGHTS)
        )
    include, exclude = query.fts5()
    documents = F("search_documents__id")
    if include is None:  # exclusions only: everything else, equally relevant
        matched = queryset.filter(search_documents__isnull=False)
        if exclude is not None:
            matched = matched.exclude(search_documents__id__in=_fts5_rows(DOCUMENT_FTS, exclude))
        return matched.annotate(relevance=Value(0.0, output_field=FloatField()))
    match = include if exclude is None else f"({include}) NOT ({exclude})"
    return queryset.filter(search_documents__id__in=_fts5_rows(DOCUMENT_FTS, match)).annotate(
        relevance=_Fts5Rank(documents, query)
    )


def names_matching(queryset: QuerySet, words: list[str], *, every: bool = True) -> QuerySet:
    """`SearchName` rows with a word starting with each of `words` (in any order), or with
    any of them when not `every`."""
    if not words:
        return queryset.none()
    if connection.vendor == "postgresql":
        joined = " & " if every else " | "
        raw = joined.join(f"'{word}':*" for word in words)
        return queryset.filter(vector=SearchQuery(raw, search_type="raw", config="simple"))
    joined = " AND " if every else " OR "
    match = joined.join(_fts5_phrase((word,), prefix=True) for word in words)
    return queryset.filter(id__in=_fts5_rows(NAME_FTS, match))
