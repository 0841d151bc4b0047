"""Skill logic that spans models: finding skills by slug, name or alias."""

from django.db.models import Q

from .models import Skill, SkillAlias
from .selectors import SkillKeys


def skills_resolve(
    *, names: list[str], keys: SkillKeys | None = None
) -> tuple[list[Skill], list[str]]:
    """Find skills by slug, name or alias (case-insensitive); also return the names not found.

    `keys` (every skill's slug and name, which the API keeps per loaded dataset) answers
    the slugs and exact names without a query.
    """
    wanted = list(dict.fromkeys(name.strip() for name in names if name.strip()))
    lowered = [name.casefold() for name in wanted]
    by_key: dict[str, Skill] = {}
    if keys is not None:
        found_first = [keys.by_slug[key] for key in lowered if key in keys.by_slug]
        found_first += [keys.by_name[name] for name in wanted if name in keys.by_name]
    else:
        found_first = Skill.objects.filter(Q(slug__in=lowered) | Q(name__in=wanted))
    for skill in found_first:
        by_key[skill.slug] = by_key[skill.name.casefold()] = skill
    for name in wanted:
        if name.casefold() not in by_key:
            # Aliases are unique regardless of case (a database constraint), so iexact is safe.
            alias = SkillAlias.objects.select_related("skill").filter(name__iexact=name).first()
            if alias is not None:
                by_key[name.casefold()] = alias.skill
            else:
                skill = Skill.objects.filter(name__iexact=name).first()
                if skill is not None:
                    by_key[name.casefold()] = skill
    found = list(dict.fromkeys(by_key[key] for key in lowered if key in by_key))
    unknown = [name for name in wanted if name.casefold() not in by_key]
    return found, unknown
