"""Pick the URLs each benchmarked endpoint cycles through, from the loaded database.

    DJANGO_SETTINGS_MODULE=bench.settings .venv/bin/python -m bench.pick --out FILE [--seed 1]

Writes JSON: the dataset's size and, per endpoint, a shuffled list of distinct paths. An
"uncached" endpoint must miss the response cache (keyed by the normalised URL) on every
request, so each list holds as many URLs as the data allows that cost the server the same
work: other pages and orderings, a spelled-out default (`page=1`, `page_size=20`), a search
term in other letter cases, the same skills in another order.
"""

import argparse
import itertools
import json
import math
import random
import re
import urllib.parse
from pathlib import Path

LIMIT = 20_000  # URLs per endpoint: far more than a run of a few seconds can send
PAGE_SIZE = 50
# Where reading every row would be slow: random windows of consecutive primary keys.
WINDOWS, WINDOW_ROWS = 30, 1_000
# Every variant below sorts by title and/or slug first (updated_at only breaks ties), so
# each URL of the uncached role list does the same work as the default order.
_KEYS = ("title", "slug", "updated_at")
_ROLE_ORDERINGS = [""] + [
    ",".join(sign + key for sign, key in zip(signs, keys, strict=True))
    for length in (1, 2, 3)
    for keys in itertools.permutations(_KEYS, length)
    if keys[0] != "updated_at"
    for signs in itertools.product(("", "-"), repeat=length)
]
# A default spelled out is another cache key for the same page.
_DEFAULTS_SPELLED_OUT = ("", "&page=1", "&page_size=20", "&page=1&page_size=20")
_WORD = re.compile(r"[A-Za-z]{5,}")


def _sampled(model, rng: random.Random):
    """Rows of `model` in random windows of primary keys: index range scans, no full scan."""
    from django.db.models import Q

    bounds = model.objects.order_by("pk").values_list("pk", flat=True)
    first, last = bounds.first(), bounds.last()
    if first is None or last - first < WINDOWS * WINDOW_ROWS:
        return model.objects.all()
    windows = Q()
    for start in rng.sample(range(first, last + 1 - WINDOW_ROWS), WINDOWS):
        windows |= Q(pk__range=(start, start + WINDOW_ROWS - 1))
    return model.objects.filter(windows)


def _shuffled(urls, rng: random.Random) -> list[str]:
    urls = list(dict.fromkeys(urls))
    rng.shuffle(urls)
    return urls[:LIMIT]


def role_list_urls(role_count: int, rng: random.Random) -> list[str]:
    pages = max(1, math.ceil(role_count / PAGE_SIZE))
    urls = [
        f"/api/v1/roles/?page_size={PAGE_SIZE}&page={page}"
        + (f"&ordering={ordering}" if ordering else "")
        for page in range(1, pages + 1)
        for ordering in _ROLE_ORDERINGS
    ]
    return _shuffled(urls, rng)


def role_detail_urls(rng: random.Random) -> list[str]:
    """Full role pages: roles with skills and salary bands (generated data gives only some
    roles a ladder, too few to cycle through without hitting the cache)."""
    from django.db.models import Exists, OuterRef

    from compensation.models import SalaryBand
    from roles.models import Role, RoleSkill

    def some(model):
        return Exists(model.objects.filter(role=OuterRef("pk")))

    slugs = Role.objects.filter(some(RoleSkill), some(SalaryBand)).values_list("slug", flat=True)
    return _shuffled((f"/api/v1/roles/{slug}/" for slug in slugs[:LIMIT]), rng)


def salary_band_urls(rng: random.Random) -> list[str]:
    """role + level + region of existing bands, converted to USD."""
    from compensation.models import SalaryBand

    triples = (
        _sampled(SalaryBand, rng)
        .filter(level__isnull=False, region__isnull=False)
        .values_list("role__slug", "level__slug", "region__slug")
        .distinct()
    )
    return _shuffled(
        (
            f"/api/v1/salary-bands/?role={role}&level={level}&region={region}&currency=USD{spelled}"
            for role, level, region in triples
            for spelled in _DEFAULTS_SPELLED_OUT
        ),
        rng,
    )


def question_search_urls(rng: random.Random) -> list[str]:
    """Words taken from question texts, so every search matches at least one question."""
    from interviews.models import Question

    words = {
        word.lower()
        for text in _sampled(Question, rng).values_list("text", flat=True)[:2000]
        for word in _WORD.findall(text)
    }
    return _shuffled(
        (
            f"/api/v1/questions/?search={spelling}{spelled}"
            for word in sorted(words)
            for spelling in (word, word.capitalize(), word.upper())
            for spelled in _DEFAULTS_SPELLED_OUT
        ),
        rng,
    )


def skill_match_urls(rng: random.Random) -> list[str]:
    """Three skills that roles need, in every order."""
    from django.db.models import Count

    from skills.models import Skill

    popular = list(
        Skill.objects.annotate(roles_needing=Count("role_skills"))
        .filter(roles_needing__gt=0)
        .order_by("-roles_needing", "slug")
        .values_list("slug", flat=True)[:60]
    )
    triples = list(itertools.combinations(popular, 3))
    rng.shuffle(triples)
    return _shuffled(
        (
            "/api/v1/roles/match/?skills=" + ",".join(order)
            for triple in triples[:LIMIT]
            for order in itertools.permutations(triple)
        ),
        rng,
    )


def market_pay_urls(rng: random.Random) -> list[str]:
    """One occupation in one area (a metro or nonmetropolitan area: one cell) per URL."""
    from compensation.models import MarketPay

    pairs = (
        _sampled(MarketPay, rng)
        .filter(region__kind__in=("metro", "nonmetro"))
        .values_list("occupation__code", "region__slug")
    )
    return _shuffled(
        (
            f"/api/v1/market-pay/?occupation={code}&region={region}{spelled}"
            for code, region in pairs
            for spelled in _DEFAULTS_SPELLED_OUT
        ),
        rng,
    )


def occupation_page_urls(rng: random.Random) -> list[str]:
    """Every occupation's page, by its O*NET-SOC code and (for .00) by its SOC code."""
    from occupations.models import Occupation

    codes = Occupation.objects.values_list("code", flat=True)
    urls = [f"/api/v1/occupations/{code}/" for code in codes]
    urls += [f"/api/v1/occupations/{code[:7]}/" for code in codes if code.endswith(".00")]
    return _shuffled(urls, rng)


def suggest_urls(rng: random.Random) -> list[str]:
    """The first letters of names, as an autocomplete box sends them, for one type or all."""
    from search.models import SearchName

    names = _sampled(SearchName, rng).values_list("type", "folded")[:2000]
    return _shuffled(
        (
            f"/api/v1/suggest/?q={urllib.parse.quote(folded[:length])}{kind}"
            for type_, folded in names
            for length in (2, 3, 5)
            for kind in ("", f"&type={type_}")
            if folded[:length].strip()
        ),
        rng,
    )


def title_match_urls(rng: random.Random) -> list[str]:
    """O*NET's alternate titles as people write them, with seniority and grades."""
    from occupations.models import AlternateTitle

    titles = _sampled(AlternateTitle, rng).values_list("title", flat=True)[:2000]
    return _shuffled(
        (
            "/api/v1/title-match/?title=" + urllib.parse.quote(form.format(title))
            for title in titles
            for form in ("{}", "Sr. {}", "{} II", "Lead {}")
        ),
        rng,
    )


def pick(seed: int) -> dict:
    from compensation.models import SalaryBand
    from interviews.models import Question
    from roles.models import Role
    from skills.models import Skill

    rng = random.Random(seed)
    counts = {
        "roles": Role.objects.count(),
        "skills": Skill.objects.count(),
        "salary_bands": SalaryBand.objects.count(),
        "questions": Question.objects.count(),
    }
    return {
        "counts": counts,
        "urls": {
            "roles-list-uncached": role_list_urls(counts["roles"], rng),
            "role-detail": role_detail_urls(rng),
            "salary-bands": salary_band_urls(rng),
            "question-search": question_search_urls(rng),
            "skill-match": skill_match_urls(rng),
            "market-pay": market_pay_urls(rng),
            "occupation-page": occupation_page_urls(rng),
            "suggest": suggest_urls(rng),
            "title-match": title_match_urls(rng),
        },
    }


def main() -> None:
    import django

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    django.setup()
    args.out.write_text(json.dumps(pick(args.seed)))


if __name__ == "__main__":
    main()
