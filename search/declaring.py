"""How a model declares what finds its items: its search document and its names.

A model that sets `searchable = Searchable(...)` is indexed by every load
(`search.indexing`): its `search=` parameter matches the words of `title`, `names` and
`body` (weighted in that order for relevance), and its names (the item's own, and
`aliases` such as a skill's other names or an occupation's alternate titles) feed
suggestions, "did you mean" in 400 problems and job-title matching.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db import models


@dataclass(frozen=True)
class Searchable:
    """What finds a model's items.

    - `type`: the name suggestions give the items (`skill`, `role`, `occupation`);
    - `title`, `names`, `body`: field paths whose words `search=` matches, from the most
      to the least telling (a role's title; its company's and skills' names; its summary).
      Empty: the model has no `search` parameter, only names;
    - `key`, `label`: the fields that name an item in the API (slug or code) and show it;
    - `aliases`: (field path, kind) of the item's other names, e.g. a skill's aliases;
    - `suggested`: whether its names are indexed (a question's text is no name).
    """

    type: str
    title: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    key: str = "slug"
    label: str = "name"
    aliases: tuple[tuple[str, str], ...] = ()
    suggested: bool = True

    @property
    def has_document(self) -> bool:
        return bool(self.title)

    def describe(self, model: type[models.Model]) -> str:
        """The fields `search=` matches, most telling first ("title, company; then family,
        occupation; then summary, skills, skill aliases")."""
        groups = [
            ", ".join(dict.fromkeys(_field_label(model, path) for path in paths))
            for paths in (self.title, self.names, self.body)
            if paths
        ]
        return "; then ".join(groups)


def _field_label(model: type[models.Model], path: str) -> str:
    """A field path as the API's reader knows it: `alternate_titles__title` is "alternate
    titles", `role_skills__skill__name` "skills", `why_asked` "why asked"."""
    label, many = "", False
    for name in path.split("__"):
        field = model._meta.get_field(name)
        if field.is_relation:
            many = many or field.many_to_many or field.one_to_many
            model = field.related_model
            meta = model._meta
            label = str(meta.verbose_name_plural if many else meta.verbose_name)
            if field.many_to_one and name != meta.model_name:  # a company's parent
                label = f"{name.replace('_', ' ')} {label}"
        elif not label or name not in ("name", "title"):
            label = f"{label} {name.replace('_', ' ')}".strip()
    return label


def searchable_models() -> list[type[models.Model]]:
    """Every model that declares `searchable`, in the order of INSTALLED_APPS."""
    return [m for m in apps.get_models() if isinstance(getattr(m, "searchable", None), Searchable)]


def searchable_types() -> dict[str, type[models.Model]]:
    """Suggestion type -> its model."""
    return {model.searchable.type: model for model in searchable_models()}
