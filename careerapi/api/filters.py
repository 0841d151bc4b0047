"""Filter building blocks shared by every app's `filtersets.py`.

Filters here never fail silently: a slug that names nothing, a malformed date or an
unknown parameter is a 400 naming the parameter, because an empty list would read as
"no such roles" rather than "you asked for something that does not exist".
"""

import copy
import re
from datetime import UTC

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import FloatField, Q, QuerySet, Value
from django.http import QueryDict
from django_filters.fields import BaseCSVField, IsoDateTimeField
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema_field
from rest_framework import exceptions

from dataset.memo import dataset_memo
from dataset.versions import DatasetStamp
from search.query import WebQuery, documents_search
from search.suggestions import DID_YOU_MEAN_MAX, slug_suggestions

#: A slug as items have it, and as a URL path must spell it (the router matches paths as
#: they are written).
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
#: A slug as a query parameter takes it: in any case, as filters match slugs (`region=GB`).
ANY_CASE_SLUG_PATTERN = r"^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$"
_SLUG = re.compile(ANY_CASE_SLUG_PATTERN)

#: The error `code` of a well-formed value that names nothing (a slug, currency or version
#: this dataset does not have): a 400 no schema can predict, unlike a malformed value.
UNKNOWN = "unknown"
#: The error `code` of values valid one by one that contradict each other (min > max).
INCONSISTENT = "inconsistent"
#: The code of a 400 for a query string over its bound as a whole: each parameter may be
#: valid, and no OpenAPI schema can bound their sum.
QUERY_TOO_LONG = "query_too_long"


class SlugListField(forms.Field):
    """Slugs given repeated (`?skill=a&skill=b`) or comma-separated (`?skill=a,b`).

    Cleans to the slugs, in the order given; the filter form (`FilterForm`) then resolves
    them to the matching objects for the request's dataset and names every slug that
    matches nothing. `lookups` lists the model fields a value may match (slug, and e.g. an
    ISO code); `carry` the fields the filter reads from the objects.
    """

    widget = forms.SelectMultiple

    def __init__(
        self,
        *,
        queryset: QuerySet,
        lookups: tuple[str, ...] = ("slug",),
        carry: tuple[str, ...] = (),
        **kwargs,
    ):
        self.queryset, self.lookups, self.carry = queryset, lookups, carry
        super().__init__(**kwargs)

    def to_python(self, value) -> list[str]:
        values = value if isinstance(value, list | tuple) else [value] if value else []
        return [part.strip() for item in values for part in str(item).split(",")]

    def clean(self, value) -> list[str]:
        values = self.to_python(value)
        if not all(values):
            raise ValidationError("an empty slug (check the commas).", code="invalid")
        malformed = [v for v in values if not _SLUG.match(v)]
        if malformed:
            # Values go in params: django-filter %-formats messages, and a value may hold "%".
            raise ValidationError(
                "%(values)s: not a slug (letters, digits, -).",
                params={"values": _quoted(malformed)},
            )
        return values

    def resolve(self, values: list[str], *, dataset: DatasetStamp | None) -> list:
        """The objects `values` name, in the order given (see `_slug_lookup`), in any case:
        slugs are lower case and codes upper case (`region=Gb`, `skill=Python`)."""
        found = _slug_lookup(self.queryset, self.lookups, self.carry, values, dataset=dataset)
        others = {v: (v.lower(), v.upper()) for v in values if v not in found}
        if others:
            spellings = list(dict.fromkeys(s for pair in others.values() for s in pair))
            more = _slug_lookup(self.queryset, self.lookups, self.carry, spellings, dataset=dataset)
            for value, pair in others.items():
                match = next((more[s] for s in pair if s in more), None)
                if match is not None:
                    found[value] = match
        unknown = [v for v in values if v not in found]
        if unknown:
            model = self.queryset.model
            raise unknown_error(
                "unknown %(name)s %(values)s.",
                model=model,
                values=unknown,
                dataset=dataset,
                name=model._meta.verbose_name,
            )
        return list(dict.fromkeys(found[v] for v in values))


def unknown_error(
    message: str, *, model, values: list[str], dataset: DatasetStamp | None, **params
) -> ValidationError:
    """The error of well-formed values (slugs, codes) that name nothing of `model`: its own
    code, since no schema can tell, and what they probably meant (`unknown_suggestions`).
    `message` may use `%(values)s` and the other `params`."""
    error = ValidationError(message, code=UNKNOWN, params={"values": _quoted(values), **params})
    error.suggestions = unknown_suggestions(model=model, values=values, dataset=dataset)
    return error


def unknown_suggestions(*, model, values: list[str], dataset: DatasetStamp | None) -> list[dict]:
    """What unknown slugs (or codes) of `model` probably meant: at most five items, for the
    problem document's `suggestions` (none for a model whose names are not indexed)."""
    declared = getattr(model, "searchable", None)
    if declared is None or not declared.suggested:
        return []
    found = {}
    for value in values:
        for item in slug_suggestions(type=declared.type, value=value, dataset=dataset):
            found.setdefault(item.slug, {"type": item.type, "slug": item.slug, "name": item.name})
    return list(found.values())[:DID_YOU_MEAN_MAX]


def filter_errors(form: forms.Form) -> exceptions.ValidationError:
    """A filter form's errors as DRF's 400, with the `suggestions` for unknown slugs (which
    django-filter's own translation drops) in `suggestions` by parameter."""
    errors, suggestions = {}, {}
    for name, found in form.errors.as_data().items():
        errors[name] = [
            exceptions.ErrorDetail(e.message % (e.params or ()), code=e.code) for e in found
        ]
        offered = [item for e in found for item in getattr(e, "suggestions", ())]
        if offered:
            suggestions[name] = offered
    error = exceptions.ValidationError(errors)
    error.suggestions = suggestions
    return error


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend, whose 400 keeps what an unknown slug probably meant."""

    def filter_queryset(self, request, queryset, view):
        filterset = self.get_filterset(request, queryset, view)
        if filterset is None:
            return queryset
        if not filterset.is_valid():
            raise filter_errors(filterset.form)
        return filterset.qs


class FilterForm(forms.Form):
    """The form of every filter set: slugs are resolved to objects for `dataset`, the stamp
    of the dataset the request is answered from (set by `BaseFilterSet`)."""

    dataset: DatasetStamp | None = None

    def clean(self):
        cleaned = super().clean()
        for name, field in self.fields.items():
            if isinstance(field, SlugListField) and cleaned.get(name):
                try:
                    cleaned[name] = field.resolve(cleaned[name], dataset=self.dataset)
                except ValidationError as error:
                    self.add_error(name, error)
        return cleaned


@dataset_memo
def _slug_table(*, model, fields: tuple[str, ...], lookups: int) -> dict[str, tuple]:
    """Every lookup value of the model (slugs, codes) -> its row's id and `fields`."""
    table = {}
    for row in model._default_manager.order_by().values_list("pk", *fields):
        for value in row[1 : 1 + lookups]:
            if value is not None:
                table[str(value)] = row
    return table


def _slug_lookup(
    queryset: QuerySet,
    lookups: tuple[str, ...],
    carry: tuple[str, ...],
    values: list[str],
    *,
    dataset: DatasetStamp | None,
) -> dict:
    """The objects `values` name, keyed by value; values that name nothing are left out.

    Filters name a few rows of small tables, once per request: the whole table's slugs are
    memoised per dataset, so resolving them costs no query. The objects hold only their id,
    lookup fields and the `carry` fields a filter reads. A value the memo lacks (a row
    added outside a load) is looked up in the database.
    """
    model, fields = queryset.model, (*lookups, *carry)
    table = {}
    if not queryset.query.has_filters():
        table = _slug_table(dataset=dataset, model=model, fields=fields, lookups=len(lookups))
    found = {}
    for value in values:
        row = table.get(value)
        if row is not None:
            found[value] = model(pk=row[0], **dict(zip(fields, row[1:], strict=True)))
    missing = [value for value in values if value not in found]
    if missing:
        match = Q()
        for lookup in lookups:
            match |= Q(**{f"{lookup}__in": missing})
        for obj in queryset.filter(match):
            for lookup in lookups:
                found[str(getattr(obj, lookup))] = obj
    return found


def crosses_to_many(model, paths: tuple[str, ...]) -> bool:
    """Whether a filter through any of `paths` can match a row more than once (it goes
    through a to-many relation), so the rows need a DISTINCT, which is costly otherwise."""
    for path in paths:
        current = model
        for name in path.split("__"):
            field = current._meta.get_field(name)
            if field.one_to_many or field.many_to_many:
                return True
            if not field.is_relation:
                break
            current = field.related_model
    return False


def _quoted(values: list[str]) -> str:
    return ", ".join(repr(v) for v in values)


# The schema shows one slug per value (`?skill=a&skill=b`); `?skill=a,b` works too.
@extend_schema_field({"type": "string", "pattern": ANY_CASE_SLUG_PATTERN})
class SlugsFilter(django_filters.MultipleChoiceFilter):
    """Filter by one or more slugs; `conjoined=True` means every one must match (all of)."""

    field_class = SlugListField

    def __init__(self, *, queryset, lookups=("slug",), carry=(), conjoined=False, **kwargs):
        kwargs.setdefault("distinct", None)  # None: only through a to-many relation
        super().__init__(
            queryset=queryset, lookups=lookups, carry=carry, conjoined=conjoined, **kwargs
        )

    def filter(self, qs, value):
        if not value:
            return qs
        if self.method is not None:
            return self.get_method(qs)(qs, self.field_name, value)
        if self.conjoined:
            for obj in value:
                qs = qs.filter(**{self.field_name: obj})
        else:
            qs = qs.filter(**{f"{self.field_name}__in": value})
        distinct = self.distinct
        if distinct is None:
            distinct = crosses_to_many(qs.model, (self.field_name,))
        return qs.distinct() if distinct else qs


@extend_schema_field({"type": "string", "pattern": "^[A-Za-z]{3}$"})
class CodesFilter(SlugsFilter):
    """Filter by one or more three-letter codes (ISO 4217), in any case as every slug filter
    matches; only the schema differs from a slug's."""


@extend_schema_field({"type": "boolean"})
class BooleanFilter(django_filters.TypedChoiceFilter):
    """`true` or `false`, nothing else: django-filter's own takes any other value for none."""

    def __init__(self, **kwargs):
        choices = [("true", "true"), ("false", "false")]
        super().__init__(choices=choices, coerce=lambda value: value == "true", **kwargs)


class SearchFilter(django_filters.CharFilter):
    """Full-text search over the words the model declares (`searchable`, search.declaring),
    in web search syntax (search.query); the items come ranked by relevance, most relevant
    first, ties in the collection's order, unless `ordering` says otherwise.

    `codes`: a field whose values a search may also give as a prefix ("15-12" for every
    occupation whose code starts so), since a code is no word.
    """

    def __init__(self, *, codes: str | None = None, **kwargs):
        self.codes = codes
        super().__init__(**kwargs)

    def describe(self, model) -> None:
        """Label the filter with what it matches (once the filter set knows its model)."""
        if self._label is None:
            fields = model.searchable.describe(model)
            self._label = (
                f"Full-text search in {fields} (in that order of relevance). Every word "
                "must match (in any form: "
                '"interviews" finds "interview"; accents and case do not matter); "a phrase" in '
                "double quotes matches those words in that order; `or` between two terms "
                "matches either; -word excludes. Results come most relevant first "
                "(`ordering=relevance`, the default when searching)."
            )
            if self.codes:
                self._label += f" A {self.codes} or the start of one matches by {self.codes}."

    def filter(self, qs, value):
        value = (value or "").strip()
        if not value:
            return qs
        order = list(qs.query.order_by or qs.model._meta.ordering)
        if self.codes and _CODE_PREFIX.match(value):
            matched = qs.filter(**{f"{self.codes}__startswith": value})
            return matched.annotate(relevance=Value(1.0, output_field=FloatField()))
        matched = documents_search(qs, WebQuery.parse(value))
        return matched.order_by("-relevance", *order, "pk")


_CODE_PREFIX = re.compile(r"^\d{2}-[\d.]*$")


class BoundedCSVField(BaseCSVField):
    """Comma-separated values, none empty, at most `max_terms` of them."""

    def __init__(self, *args, max_terms: int, **kwargs):
        self.max_terms = max_terms
        super().__init__(*args, **kwargs)

    def clean(self, value):
        if value is not None and len(value) > self.max_terms:
            raise ValidationError(
                "at most %(max)s sort keys.", code="invalid", params={"max": self.max_terms}
            )
        # An empty key ("title," or ",") would otherwise drop the default order.
        if value is not None and not all(term.strip() for term in value):
            raise ValidationError("an empty sort key (check the commas).", code="invalid")
        return super().clean(value)


class OrderingFilter(django_filters.OrderingFilter):
    """`ordering=a,-b`: at most one key per sortable field (more could only repeat one).

    The bound keeps the value short (every value is limited in length) and is shown in the
    schema as `maxItems` (careerapi.api.schema). `relevance=True` adds the key `relevance`:
    most relevant first when searching, the collection's order otherwise (without a search
    every item is as relevant as the next).
    """

    base_field_class = BoundedCSVField

    def __init__(self, *args, relevance: bool = False, **kwargs):
        if relevance:
            kwargs["fields"] = (("relevance", "relevance"), *kwargs.get("fields", ()))
        super().__init__(*args, **kwargs)
        self.max_terms = self.extra["max_terms"] = len(self.param_map)

    def get_ordering_value(self, param):
        if param.lstrip("-") == "relevance":  # most relevant first
            return "relevance" if param.startswith("-") else "-relevance"
        return super().get_ordering_value(param)

    def filter(self, qs, value):
        if value and "relevance" not in qs.query.annotations:
            value = [v for v in value if v.lstrip("-") != "relevance"]
            if not value:
                return qs
        qs = super().filter(qs, value)
        if value and "relevance" in qs.query.annotations:
            return qs.order_by(*qs.query.order_by, "pk")  # ties in a stable order
        return qs


def relevance_ordering(*keys: str, default: str) -> OrderingFilter:
    """The `ordering` of a collection with `search`: `relevance` and `keys`, each key a field
    of the same name; `default` names the collection's own order, for the description."""
    listed = ", ".join(("relevance", *keys[:-1])) + f" or {keys[-1]}"
    return OrderingFilter(
        relevance=True,
        fields=tuple((key, key) for key in keys),
        label=f"Sort by {listed}; prefix with - for descending. Default: by {default} (by "
        "relevance when searching).",
    )


class UTCDateTimeField(IsoDateTimeField):
    """An ISO 8601 date-time with any UTC offset, cleaned to UTC.

    PostgreSQL rejects offsets beyond ±15:59 that ISO 8601 allows ("+20:00"), so the value
    is converted to UTC before it reaches the database; a value without an offset is UTC.
    """

    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return None
        try:
            return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
        except OverflowError:
            raise ValidationError("outside the range of dates this API can compare.") from None


class UTCDateTimeFilter(django_filters.IsoDateTimeFilter):
    field_class = UTCDateTimeField


class _SharedFields(dict):
    """A filter form's fields. Django copies a form's fields deeply for every form, so that
    one form may change its own; filter forms never do, so each form gets the same fields."""

    def __deepcopy__(self, memo):
        return dict(self)


def _name_the_choices(field: forms.Field) -> None:
    """A choice field's error lists what it accepts, not only what it refused."""
    # Not a model's rows (a query, and too many to list): those say which value is unknown.
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        accepted = ", ".join(str(value) for value, _ in field.choices if value != "")
        field.error_messages["invalid_choice"] = (
            f"%(value)s is not one of the choices: {accepted}."
            if accepted
            else field.error_messages["invalid_choice"]
        )


class BaseFilterSet(django_filters.FilterSet):
    """Every collection can be re-polled with `updated_since`.

    Cheap to set up per request: django-filter deep-copies every filter (querysets and
    all) and builds a new form class for each request. Here each request gets shallow copies
    of the filters (they keep no request state but the `model` and `parent` set below) and
    one form class per filterset, built once.
    """

    updated_since = UTCDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        label="Only items whose content changed at or after this ISO 8601 date-time "
        "(any UTC offset, e.g. 2026-01-01T00:00:00Z).",
    )

    @property
    def form(self) -> FilterForm:
        if not hasattr(self, "_form"):
            form_class = self.get_form_class()
            data = self.data if self.is_bound else None
            self._form = form_class(data, prefix=self.form_prefix)
            self._form.dataset = getattr(self.request, "dataset", None)
        return self._form

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset, self.request, self.form_prefix = queryset, request, prefix
        self.filters = {name: copy.copy(f) for name, f in self.base_filters.items()}
        for filter_ in self.filters.values():
            filter_.model, filter_.parent = queryset.model, self
            if filter_.method is not None:
                filter_.method = filter_.method  # binds a new FilterMethod to this copy

    @classmethod
    def shared_form_class(cls) -> type[forms.Form]:
        form_class = cls.__dict__.get("_form_class")
        if form_class is None:
            fields = {name: f.field for name, f in cls.base_filters.items()}
            for field in fields.values():
                _name_the_choices(field)
            # Every filter form resolves slugs (`FilterForm`); a filter set's own form
            # (`Meta.form`) builds on it.
            base = cls._meta.form if issubclass(cls._meta.form, FilterForm) else FilterForm
            form_class = type(f"{cls.__name__}Form", (base,), fields)
            form_class.base_fields = _SharedFields(form_class.base_fields)
            cls._form_class = form_class
        return form_class

    def get_form_class(self):
        return self.shared_form_class()

    @classmethod
    def get_filters(cls):
        filters = super().get_filters()
        for filter_ in filters.values():
            if isinstance(filter_, SearchFilter):
                filter_.describe(cls._meta.model)
        return filters
