"""JSON written from plain rows, field by field as the item's serializer writes it.

A page of items that nest others (salary bands naming their level, region and source;
questions with their topics; roles with their skills) costs far more in model instances and
per-field serializer calls than in the database. `RowWriter` writes a serializer's JSON
from rows instead (`values()` dicts, or a model instance's `__dict__`): the keys, their
order and the form of every value are taken from the serializer's fields, once per
serializer class, so the serializer stays the one description of the shape and the
OpenAPI schema documents what is sent.

How each kind of field is written:

- a model column: the row's value, in the field's form (decimals as numbers, date-times in
  ISO 8601); a property of the model (a source's `attribution`): the property, on the row;
- through a foreign key (`skill.name`): the related row, from a table of them memoised per
  dataset, like the JSON of a nested serializer or a slug of a related row;
- a list of related rows (a many-to-many link, or the rows that point at the item): read
  for the whole batch, the links of every list in one query, in the order of the view's
  prefetch (`queryset`) or of the related model;
- an object of another serializer the item holds (a conversion): written by that serializer;
- a method field: the serializer's own method, given the row as an object (`RowObject`).

A row written outside a load may point at a row a memoised table lacks: the table is then
read afresh for this writer.
"""

from .plan import RowObject
from .writer import RowListSerializer, RowWriter, prefetch_orderings, written_rows

__all__ = ["RowListSerializer", "RowObject", "RowWriter", "prefetch_orderings", "written_rows"]
