"""The fast schema check: passes the real fixtures, and never passes what jsonschema rejects."""

import copy
import random

import jsonschema
import pytest
import yaml
from django.conf import settings

from loader.reading import _fast_check, _StrictLoader, _validator
from loader.schema import dataset_schema
from loader.schema_check import schema_compile

# Values of every JSON type, and the edge cases of the keywords the schema uses.
ODD_VALUES = [
    None,
    True,
    False,
    0,
    -1,
    3.0,
    0.5,
    float("nan"),
    float("inf"),
    "",
    "Not A Slug",
    "a--b",
    "x" * 121,
    "2025-02-30",
    "USD",
    "usd",
    "required",
    [],
    ["a", "a"],
    [1, True],
    {},
    {"unknown": 1},
]


def _fixtures() -> list[dict]:
    return [
        yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)
        for path in sorted(settings.DATASET_DIR.rglob("*.yaml"))
    ]


def _single_items() -> list[dict]:
    """Each entry of the real fixtures as a one-item file: small documents to break."""
    return [
        {collection: [entry]}
        for document in _fixtures()
        for collection, entries in document.items()
        for entry in entries
    ]


def _leaves(value, path=()):
    """Every (container, key) pair in a document, depth first."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield value, key
            yield from _leaves(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield value, index
            yield from _leaves(child, (*path, index))


def test_the_real_fixtures_pass_the_fast_check():
    assert all(_fast_check()(document) for document in _fixtures())


def test_the_fast_check_never_passes_a_document_jsonschema_rejects():
    rng = random.Random(7)
    validator, fast = _validator(), _fast_check()
    documents = _single_items()
    rejected = 0
    for _ in range(3000):
        document = copy.deepcopy(rng.choice(documents))
        for _ in range(rng.randint(1, 2)):
            leaves = list(_leaves(document))
            if not leaves:
                break
            container, key = rng.choice(leaves)
            action = rng.random()
            if action < 0.7:
                container[key] = copy.deepcopy(rng.choice(ODD_VALUES))
            elif action < 0.85 and isinstance(container, dict):
                del container[key]
            elif isinstance(container, dict):
                container["extra_field"] = 1
        has_errors = next(validator.iter_errors(document), None) is not None
        if has_errors:
            rejected += 1
            assert not fast(document), document
    assert rejected > 1000  # the mutations really do break documents


def test_a_keyword_the_compiler_does_not_know_is_refused():
    checker = jsonschema.FormatChecker()
    with pytest.raises(ValueError, match="does not know"):
        schema_compile({"type": "string", "contentEncoding": "base64"}, format_checker=checker)


@pytest.mark.parametrize(
    ("schema", "good", "bad"),
    [
        ({"type": "integer", "minimum": 1, "maximum": 3}, [1, 3], [0, 4, True, "1", None]),
        ({"type": ["integer", "null"]}, [None, 5], ["5", 1.5]),
        ({"type": "number", "exclusiveMinimum": 0}, [0.1, 5], [0, -1, False]),
        ({"pattern": "^[a-z]+$"}, ["abc", 5, None], ["ABC", ""]),
        ({"type": "array", "uniqueItems": True, "minItems": 1}, [["a", "b"]], [[], ["a", "a"]]),
        ({"format": "date"}, ["2025-01-31", 3], ["2025-02-30"]),
        ({"anyOf": [{"required": ["a"]}, {"required": ["b"]}]}, [{"a": 1}, {"b": 2}], [{}]),
        (
            {"type": "object", "additionalProperties": False, "properties": {"a": {}}},
            [{}, {"a": None}],
            [{"b": 1}, []],
        ),
    ],
)
def test_each_keyword_agrees_with_jsonschema(schema, good, bad):
    checker = jsonschema.FormatChecker()
    fast = schema_compile(schema, format_checker=checker)
    exact = jsonschema.Draft202012Validator(schema, format_checker=checker)
    for value in good:
        assert exact.is_valid(value) and fast(value), value
    for value in bad:
        assert not exact.is_valid(value) and not fast(value), value


def test_the_dataset_schema_compiles():
    assert callable(schema_compile(dataset_schema(), format_checker=jsonschema.FormatChecker()))
