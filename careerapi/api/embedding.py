"""What a serializer method field shows, said next to it (`@shows`).

A method field's value is computed, so nothing can tell from its declaration which rows it
shows; the change feed must know, so that a document whose JSON changed is reported. Every
method field of a document's serializer says it with `@shows` on its method:
`@shows("rates", ExchangeRateSerializer)` when it shows rows of a relation as that
serializer writes them (a path of relations, `"occupation__roles"`, for rows further away;
`where` narrows them to those it shows by default, `{"region__code": "US"}`), `@shows()`
when it shows nothing the item's other fields or the request's parameters do not already
show.
"""

SHOWS_ATTRIBUTE = "shows"


def shows(relation: str | None = None, serializer: type | None = None, where: dict | None = None):
    """Mark a `get_<field>` method with what it shows (see the module)."""

    def mark(method):
        setattr(method, SHOWS_ATTRIBUTE, (relation, serializer, where))
        return method

    return mark
