"""The vocabulary the dataset types are declared in (`loader/types/`).

A dataset type is one kind of entry in the fixture files (a salary band; a role's content,
nested in the role): its fixture key, the model its rows go to, how each field of an entry
becomes columns, what it refers to, what must hold across entries, and where the API shows
it. Everything the loader does derives from these declarations: the JSON Schema of a file
(`schema.py`), the checks across files (`validation.py`), the writing (`writing.py`), the
change feed (`changes.py`), the bulk export and its import (`exporting.py`, `importing.py`).

A field's column, whether it is required, its JSON Schema and its description come from
the model field it writes (a choice field is an enum, a decimal a number, a blank field
optional, its help text the description), unless the declaration says otherwise.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import models

#: A cross-entry rule: `check(entries, index)` yields (entry, path inside it, reason) for each
#: entry that breaks it; `entries` are a type's `Entry`s, `index` every key of every type.
Check = Callable[[list, dict], Iterator[tuple[Any, tuple, str]]]


def as_decimal(value: float | int | None) -> Decimal | None:
    """The number as written in the file: a float through its shortest text, 0.1 not 0.1000…"""
    if value is None:
        return None
    return Decimal(value) if type(value) is int else Decimal(str(value))


def as_date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


@dataclass(eq=False)
class Field:
    """An entry's field `name`, written to the model field `column` (default: `name`).

    `schema` replaces the JSON Schema the model field gives; `description` adds one to it.
    `api`: the name of the field in the API's representation (default: the column's).
    """

    name: str
    column: str | None = None
    schema: dict | None = None
    description: str | None = None
    api: str | None = None
    model_field: models.Field = field(init=False, repr=False)

    def bind(self, model: type[models.Model]) -> None:
        self.column = self.column or self.name
        self.model_field = model._meta.get_field(self.column)
        self.api = self.api or self.model_field.name

    @property
    def required(self) -> bool:
        f = self.model_field
        return not (f.null or f.blank or f.has_default())


@dataclass(eq=False)
class Value(Field):
    """A value copied as it is (a decimal or a date converted from its text).

    `default` is what an entry without the field gets (default: the model field's
    default, else blank); `fallback` is another field's path in the entry to take it from;
    `default_from(entry)` computes it from the entry (a country's name from its ISO code).
    `derive(entry, entries_by_key)` computes a column the files do not hold. `from_api`
    turns the API's value back into the file's, where the two differ (for the import);
    `read_api(item)` reads it from the API's item where the item nests it elsewhere.
    """

    default: Any = None
    fallback: tuple[str, ...] = ()
    default_from: Callable[[dict], Any] | None = None
    derive: Callable[[dict, dict], Any] | None = None
    from_api: Callable[[Any], Any] | None = None
    read_api: Callable[[dict], Any] | None = None
    convert: Callable | None = field(init=False, default=None, repr=False)

    def bind(self, model) -> None:
        super().bind(model)
        f = self.model_field
        if self.default is None and not f.null:
            self.default = f.get_default() if f.has_default() else ""
        if isinstance(f, models.DecimalField):
            self.convert = as_decimal
        elif isinstance(f, models.DateField):
            self.convert = as_date

    @property
    def required(self) -> bool:
        return self.derive is None and self.default_from is None and super().required


@dataclass(eq=False)
class Amount(Value):
    """A positive amount of money (or a rate), as the sources print it."""


@dataclass(eq=False)
class Ref(Field):
    """The key (slug, or code) of another entry, written as that row's id.

    The target is the type that declares the foreign key's model (a level, even nested in
    its ladder, is named by its slug).
    """

    def bind(self, model) -> None:
        self.column = self.column or f"{self.name}_id"
        self.api = self.api or self.name  # the API names a relation as the file does
        super().bind(model)
        self.target_model = self.model_field.related_model


@dataclass(eq=False)
class Refs(Field):
    """A list of keys of other entries, written as a many-to-many link."""

    min_items: int = 0

    def bind(self, model) -> None:
        super().bind(model)
        self.target_model = self.model_field.related_model

    @property
    def required(self) -> bool:
        return self.min_items > 0


@dataclass(eq=False)
class Range(Field):
    """`{min, max, quote}` in the file, three columns in the table (`max` empty: open)."""

    min: str = ""
    max: str = ""
    quote: str | None = None
    kind: str = "year_range"  # the shared schema of the range: year_range or count_range

    def bind(self, model) -> None:
        self.column = self.min
        super().bind(model)

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(c for c in (self.min, self.max, self.quote) if c)


@dataclass(eq=False)
class Children(Field):
    """A list of entries nested in this one, each a row of `type` pointing at this one.

    `min_items`: how many the list must hold. The order in the file is the rows' order.
    """

    type: "DatasetType | None" = None
    min_items: int = 0

    def bind(self, model) -> None:
        self.column = self.name
        self.api = self.api or self.name

    @property
    def required(self) -> bool:
        return self.min_items > 0


@dataclass(eq=False)
class DatasetType:
    """One type of entry in the dataset files, and everything the loader does with it.

    - `key`: the fixture collection (`salary_bands`) or, nested, the list's name (`levels`);
    - `model`, `fields`: what an entry holds and the columns it is written to;
    - `identity`: the columns that name a row across loads (a slug; a parent and position);
    - `slug`: the entry field that names it globally, looked up by references (`slug` or
      `code`), or None when only its parent names it (a role's content);
    - `parent`: the model field pointing at the parent entry, for nested types; with
      `positioned`, the row's place in the list is its `position`;
    - `collection`, `viewset`: where the API serves it (`/api/v1/<collection>/<slug>/`),
      for the change feed and the export;
    - `scalar`: nested entries are plain values of this field (a skill's aliases);
    - `checks`: rules across entries, beyond the references, ranges and keys every
      declaration gets; `any_of`: at least one of these fields is given (a band's amounts).
    """

    key: str
    model: type[models.Model]
    fields: list[Field]
    identity: tuple[str, ...] = ("slug",)
    slug: str | None = "slug"
    parent: str | None = None
    positioned: bool = False
    collection: str | None = None
    viewset: type | None = None
    scalar: str | None = None
    checks: tuple[Check, ...] = ()
    any_of: tuple[str, ...] = ()

    def __post_init__(self):
        for declared in self.fields:
            declared.bind(self.model)

    def __hash__(self):
        return id(self)

    @property
    def children(self) -> list[Children]:
        return [f for f in self.fields if isinstance(f, Children)]

    @property
    def parent_column(self) -> str | None:
        return None if self.parent is None else self.model._meta.get_field(self.parent).attname

    @property
    def tree(self) -> Ref | None:
        """The reference to an entry of the same type (a company's parent), if any."""
        return next(
            (f for f in self.fields if isinstance(f, Ref) and f.target_model is self.model),
            None,
        )

    def field(self, name: str) -> Field:
        return next(f for f in self.fields if f.name == name)
