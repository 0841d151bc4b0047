"""A fast yes/no check of a document against the dataset's JSON Schema.

jsonschema's validator walks the schema for every value and builds error objects as it
goes: about a millisecond per salary band, most of a large load. This compiles the schema
once into Python source (one function per object or array schema, every other keyword an
inline expression) that only answers "valid or not".

The answer is never more lenient than jsonschema: each keyword is checked with the same
rule (the same regular expressions, format checker and comparisons), and where an exact
rule would be costly (uniqueItems over non-strings, integers written as 3.0) the check
says "not valid", so the caller runs jsonschema for its precise messages. A keyword the
compiler does not know is refused when compiling, so a schema change cannot slip past it.
"""

import re
from collections.abc import Callable

import jsonschema

Check = Callable[[object], bool]

# Keywords that only annotate.
ANNOTATIONS = {"$schema", "$id", "$comment", "$defs", "title", "description", "default"}
OBJECT_KEYWORDS = {"properties", "required", "additionalProperties"}
ARRAY_KEYWORDS = {"items", "minItems", "uniqueItems"}
STRING_KEYWORDS = {"pattern", "minLength", "maxLength"}
NUMBER_KEYWORDS = {"minimum", "maximum", "exclusiveMinimum"}
OTHER_KEYWORDS = {"type", "enum", "format", "$ref", "allOf", "anyOf"}
KNOWN = ANNOTATIONS | OBJECT_KEYWORDS | ARRAY_KEYWORDS | STRING_KEYWORDS | NUMBER_KEYWORDS
KNOWN |= OTHER_KEYWORDS

# `v` is the value under test in every expression. bool is not a number, as in jsonschema;
# an integer must be an int (jsonschema also takes 3.0, so 3.0 goes to it).
TYPES = {
    "object": "type(v) is dict",
    "array": "type(v) is list",
    "string": "type(v) is str",
    "integer": "type(v) is int",
    "number": "(type(v) is int or type(v) is float)",
    "boolean": "type(v) is bool",
    "null": "v is None",
}


class SchemaCompiler:
    """Writes the source of the check; `constants` are the names the source refers to."""

    def __init__(self, root: dict, *, format_checker: jsonschema.FormatChecker):
        self.root = root
        self.constants: dict[str, object] = {"_conforms": format_checker.conforms}
        self.functions: list[str] = []
        self.refs: dict[str, str] = {}  # a definition's expression, written once
        self.expanding: set[str] = set()

    def constant(self, value: object) -> str:
        name = f"_c{len(self.constants)}"
        self.constants[name] = value
        return name

    def function(self, body: list[str]) -> str:
        """Add `def _fN(x): <body>` and return its name."""
        name = f"_f{len(self.functions)}"
        self.functions.append("\n".join([f"def {name}(x):", *("    " + line for line in body)]))
        return name

    def ref(self, pointer: str) -> str:
        if not pointer.startswith("#/$defs/"):
            raise ValueError(f"unsupported $ref {pointer!r}")
        if pointer in self.expanding:
            raise ValueError(f"recursive $ref {pointer!r} is not supported")
        if pointer not in self.refs:
            # Inlined: a call per reference would cost more than the check itself.
            self.expanding.add(pointer)
            self.refs[pointer] = self.expression(self.root["$defs"][pointer[len("#/$defs/") :]])
            self.expanding.discard(pointer)
        return self.refs[pointer]

    def expression(self, schema: dict | bool) -> str:
        """A Python expression on `v` that is true when `v` is valid against `schema`."""
        if schema is True or schema == {}:
            return "True"
        if schema is False:
            return "False"
        unknown = set(schema) - KNOWN
        if unknown:
            raise ValueError(f"the fast schema check does not know {sorted(unknown)}")
        types = schema.get("type")
        types = [types] if isinstance(types, str) else types
        parts = []
        if types is not None:
            parts.append("(" + " or ".join(TYPES[name] for name in types) + ")")
        only = types[0] if types and len(types) == 1 else None
        string = self._string(schema)
        if string:
            parts.append(self._guard(string, "str", only == "string"))
        number = self._number(schema)
        if number:
            guard = "(type(v) is int or type(v) is float)"
            parts.append(number if only in ("number", "integer") else f"(not {guard} or {number})")
        if set(schema) & ARRAY_KEYWORDS:
            parts.append(f"{self._array(schema)}(v)")
        if set(schema) & OBJECT_KEYWORDS == {"required"}:  # anyOf: [{required: [min]}, ...]
            required = self.constant(frozenset(schema["required"]))
            parts.append(f"(type(v) is not dict or v.keys() >= {required})")
        elif set(schema) & OBJECT_KEYWORDS:
            parts.append(f"{self._object(schema)}(v)")
        if "enum" in schema:
            if not all(isinstance(value, str) for value in schema["enum"]):
                raise ValueError("the fast schema check knows only enums of strings")
            parts.append(f"(type(v) is str and v in {self.constant(frozenset(schema['enum']))})")
        if "format" in schema:
            parts.append(f"_conforms(v, {schema['format']!r})")
        if "$ref" in schema:
            parts.append(self.ref(schema["$ref"]))
        if "allOf" in schema:
            parts += [self.expression(sub) for sub in schema["allOf"]]
        if "anyOf" in schema:
            parts.append("(" + " or ".join(self.expression(sub) for sub in schema["anyOf"]) + ")")
        return "(" + " and ".join(parts) + ")" if parts else "True"

    @staticmethod
    def _guard(condition: str, type_name: str, known: bool) -> str:
        """A keyword that constrains one type only; the guard is dropped when `type` says so."""
        return condition if known else f"(type(v) is not {type_name} or {condition})"

    def _string(self, schema: dict) -> str:
        parts = []
        if "minLength" in schema:
            parts.append(f"len(v) >= {int(schema['minLength'])}")
        if "maxLength" in schema:
            parts.append(f"len(v) <= {int(schema['maxLength'])}")
        if "pattern" in schema:  # jsonschema searches too (not fullmatch)
            parts.append(f"{self.constant(re.compile(schema['pattern']).search)}(v) is not None")
        return "(" + " and ".join(parts) + ")" if parts else ""

    def _number(self, schema: dict) -> str:
        parts = []
        for keyword, operator in (("minimum", ">="), ("maximum", "<="), ("exclusiveMinimum", ">")):
            if keyword in schema:
                parts.append(f"v {operator} {self.constant(schema[keyword])}")
        return "(" + " and ".join(parts) + ")" if parts else ""

    def _array(self, schema: dict) -> str:
        body = ["if type(x) is not list:", "    return True"]
        if "minItems" in schema:
            body += [f"if len(x) < {int(schema['minItems'])}:", "    return False"]
        if schema.get("uniqueItems"):
            # Exact for strings; anything else is left to jsonschema (1 == 1.0 == True ...).
            body += [
                "for v in x:",
                "    if type(v) is not str:",
                "        return False",
                "if len(set(x)) != len(x):",
                "    return False",
            ]
        if "items" in schema:
            body += ["for v in x:", f"    if not {self.expression(schema['items'])}:"]
            body += ["        return False"]
        return self.function([*body, "return True"])

    def _object(self, schema: dict) -> str:
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        body = ["if type(x) is not dict:", "    return True"]
        if extra is False:
            allowed = self.constant(frozenset(properties))
            body += [f"if not {allowed}.issuperset(x):", "    return False"]
        if schema.get("required"):
            required = self.constant(frozenset(schema["required"]))
            body += [f"if not x.keys() >= {required}:", "    return False"]
        for name, sub in properties.items():
            body += [
                f"v = x.get({name!r}, _missing)",
                f"if v is not _missing and not {self.expression(sub)}:",
                "    return False",
            ]
        if extra is not False and extra is not True:
            known = self.constant(frozenset(properties))
            body += [
                "for k, v in x.items():",
                f"    if k not in {known} and not {self.expression(extra)}:",
                "        return False",
            ]
        return self.function([*body, "return True"])


def schema_compile(schema: dict, *, format_checker: jsonschema.FormatChecker) -> Check:
    """A function that says whether a document is valid against `schema`.

    True means jsonschema would find no error; False means run jsonschema for the errors.
    """
    compiler = SchemaCompiler(schema, format_checker=format_checker)
    top = compiler.function(["v = x", f"return {compiler.expression(schema)}"])
    namespace = {**compiler.constants, "_missing": object()}
    exec("\n\n".join(compiler.functions), namespace)  # our own generated source, no input
    return namespace[top]
