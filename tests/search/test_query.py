"""WebQuery: the search syntax, and how it reads for each database."""

from search.folding import index_text, text_fold, words_fold
from search.query import Term, WebQuery


def test_words_are_folded_and_punctuation_splits_them():
    assert text_fold("Ça Réussit") == "ca reussit"
    assert words_fold("Node.js, C++ & Straße") == ["node", "js", "c", "strasse"]
    assert index_text(["Amazon Engineer", "Amazon"], once=True) == "amazon engineer"


def test_every_word_must_match_and_quotes_make_a_phrase():
    query = WebQuery.parse('Amazon "software  engineer"')

    assert query.groups == ((Term(("amazon",)),), (Term(("software", "engineer")),))
    assert query.websearch() == '"amazon" "software engineer"'
    assert query.fts5() == ('"amazon" AND "software engineer"', None)


def test_or_joins_two_terms_and_a_minus_excludes():
    query = WebQuery.parse("deadline or ambiguity -stripe")

    assert query.websearch() == '"deadline" or "ambiguity" -"stripe"'
    assert query.fts5() == ('("deadline" OR "ambiguity")', '"stripe"')


def test_a_word_written_with_punctuation_is_a_phrase():
    # "node.js" is the two words "node js", together, as the index holds them.
    assert WebQuery.parse("node.js").groups == ((Term(("node", "js")),),)


def test_exclusions_alone_match_everything_else():
    query = WebQuery.parse("-java")

    assert query and not query.positive
    assert query.fts5() == (None, '"java"')


def test_a_query_without_words_is_empty():
    assert not WebQuery.parse('-- "" ! or')
    assert not WebQuery.parse("")


def test_an_unclosed_quote_runs_to_the_end():
    assert WebQuery.parse('"tight deadlines').groups == ((Term(("tight", "deadlines")),),)
