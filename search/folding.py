"""Text as the search index holds it: accents folded, case folded, words only.

Both databases index and query the same folded words, so "Résumé", "resume" and "RESUME"
are one word everywhere, and punctuation splits words the same way on PostgreSQL and
SQLite ("node.js" is "node js" in the index and in a query).
"""

import re
import unicodedata

WORD = re.compile(r"\w+")


def text_fold(text: str) -> str:
    """`text` without accents, in lower case ("Ça Réussit" -> "ca reussit")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def words_fold(text: str) -> list[str]:
    """The folded words of `text`, in order (punctuation and underscores split words)."""
    return [word for word in WORD.findall(text_fold(text).replace("_", " ")) if word]


def index_text(values, *, once: bool = False) -> str:
    """Values (strings or None) as one line of folded words, ready to index; `once`: each
    word once (a role's title and its company's name both say "Amazon")."""
    words = [word for value in values if value for word in words_fold(value)]
    return " ".join(dict.fromkeys(words) if once else words)
