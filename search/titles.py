"""Job-title matching: a free-text title ("Sr. Software Engineer") to the occupations and
company roles that go by it, ranked.

Seniority and grade words ("Senior", "Sr.", "II", "Lead") say how senior a job is, not
which job it is: they are left out on both sides, and the abbreviations O*NET's own titles
use are read in full ("Mgr." is "Manager"). The candidates are the names whose words start
with the title's (`SearchName`: O*NET titles, alternate and reported titles, role titles),
else with all but one of them, else with any; each is scored by how many words the two
share, and an item keeps its best title.
"""

from dataclasses import dataclass
from itertools import combinations

from django.db.models.functions import Length

from .folding import words_fold
from .models import SearchName
from .query import names_matching

MATCH_LIMIT_MAX = 50
CANDIDATES = 200
MAX_WORDS = 6  # a title is a few words; those past it are not read
TYPES = ("occupation", "role")

#: Words that rank a job, not name it.
SENIORITY = frozenset(
    {
        *("senior", "junior", "lead", "principal", "staff", "chief", "head"),
        *("entry", "level", "mid", "intern", "trainee"),
        *("i", "ii", "iii", "iv", "v", "vi", "1", "2", "3", "4", "5", "6"),
    }
)
#: Abbreviations in job titles, read in full.
ABBREVIATIONS = {
    "sr": ("senior",),
    "snr": ("senior",),
    "jr": ("junior",),
    "mgr": ("manager",),
    "eng": ("engineer",),
    "engr": ("engineer",),
    "dev": ("developer",),
    "swe": ("software", "engineer"),
    "sde": ("software", "development", "engineer"),
    "admin": ("administrator",),
    "asst": ("assistant",),
    "assoc": ("associate",),
    "coord": ("coordinator",),
    "dir": ("director",),
    "tech": ("technician",),
    "spec": ("specialist",),
    "rep": ("representative",),
    "vp": ("vice", "president"),
}
#: How a name matched, by the kind the index gives it, per type.
MATCH_KINDS = {
    ("occupation", "name"): "onet_title",
    ("occupation", "alternate"): "alternate_title",
    ("occupation", "reported"): "reported_title",
    ("role", "name"): "role_title",
}
_KIND_ORDER = {kind: i for i, kind in enumerate(MATCH_KINDS.values())}


@dataclass(frozen=True)
class TitleMatch:
    """An occupation or role a title matched, with the title it matched by and a score from
    0 to 1 (1: the same words, seniority aside)."""

    type: str
    slug: str
    name: str
    matched_title: str
    match_kind: str
    score: float


def title_words(title: str) -> list[str]:
    """The words that name the job: folded, abbreviations read in full, seniority left out
    (all of them, when nothing else is left)."""
    return _core(words_fold(title))[:MAX_WORDS]


def _core(folded: list[str]) -> list[str]:
    words = [w for word in folded for w in ABBREVIATIONS.get(word, (word,))]
    core = [word for word in words if word not in SENIORITY]
    return list(dict.fromkeys(core or words))


def titles_match(*, words: list[str], limit: int = 10) -> list[TitleMatch]:
    """The occupations and roles a title names, by its `title_words`, best first (see the
    module)."""
    if not words:
        return []
    names = SearchName.objects.filter(type__in=TYPES).order_by(Length("folded"), "id")
    fields = ("type", "key", "name", "title", "kind", "folded")
    rows = list(names_matching(names, words).values_list(*fields)[:CANDIDATES])
    if not rows and len(words) > 1:
        # No name has every word ("Amazon Software Engineer"): those with all but one.
        for subset in combinations(words, len(words) - 1):
            rows += names_matching(names, list(subset)).values_list(*fields)[:CANDIDATES]
    if not rows:  # then those with any of them: at most len(words) + 2 queries in all
        rows = list(names_matching(names, words, every=False).values_list(*fields)[:CANDIDATES])
    wanted = {_stem(word) for word in words}
    best: dict[tuple[str, str], TitleMatch] = {}
    for type_, key, name, matched, kind, folded in rows:
        found = {_stem(word) for word in _core(folded.split())}
        score = round(2 * len(wanted & found) / (len(wanted) + len(found)), 3)
        if not score:
            continue
        candidate = TitleMatch(type_, key, name, matched, MATCH_KINDS[(type_, kind)], score)
        held = best.get((type_, key))
        if held is None or _order(candidate) < _order(held):
            best[(type_, key)] = candidate
    return sorted(best.values(), key=_order)[:limit]


def _order(match: TitleMatch) -> tuple:
    kind = _KIND_ORDER[match.match_kind]
    return (-match.score, kind, len(match.matched_title), match.type, match.slug)


def _stem(word: str) -> str:
    """A word without its plural ending ("engineers", "analysts")."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word
