"""A checker of JSON-LD against schema.org's definitions, for the types the API writes.

Each type names its parent types and the properties schema.org defines on it, each with its
range (the types or data types its values may have), as https://schema.org/<Type> lists
them (schema.org 29). A node may have several types at once (its properties are those of
any of them). A value must be of a type in the property's range, or of a subtype of one;
a property no type of the node defines is an error. Only the part of the vocabulary the API
uses is here: a type not listed is an error too, so a new type must be looked up first.
"""

import re
from urllib.parse import urlparse

CONTEXT = "https://schema.org"

#: type -> (parents, {property: range})
VOCABULARY: dict[str, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = {
    "Thing": (
        (),
        {
            "name": ("Text",),
            "description": ("Text", "TextObject"),
            "url": ("URL",),
            "alternateName": ("Text",),
            "identifier": ("Text", "URL", "PropertyValue"),
            "sameAs": ("URL",),
            "subjectOf": ("CreativeWork", "Event"),
            "disambiguatingDescription": ("Text",),
            "additionalType": ("Text", "URL"),
            "image": ("URL", "ImageObject"),
            "mainEntityOfPage": ("URL", "CreativeWork"),
        },
    ),
    "Intangible": (("Thing",), {}),
    "Occupation": (
        ("Intangible",),
        {
            "educationRequirements": ("Text", "EducationalOccupationalCredential"),
            "estimatedSalary": ("MonetaryAmount", "MonetaryAmountDistribution", "Number"),
            "experienceRequirements": ("Text", "OccupationalExperienceRequirements"),
            "occupationLocation": ("AdministrativeArea",),
            "occupationalCategory": ("Text", "CategoryCode"),
            "qualifications": ("Text", "EducationalOccupationalCredential"),
            "responsibilities": ("Text",),
            "skills": ("Text", "DefinedTerm"),
        },
    ),
    "DefinedTerm": (
        ("Intangible",),
        {"termCode": ("Text",), "inDefinedTermSet": ("URL", "DefinedTermSet")},
    ),
    "CategoryCode": (
        ("DefinedTerm",),
        {"codeValue": ("Text",), "inCodeSet": ("URL", "CategoryCodeSet")},
    ),
    "CreativeWork": (
        ("Thing",),
        {
            "publisher": ("Organization", "Person"),
            "creditText": ("Text",),
            "author": ("Organization", "Person"),
            "license": ("URL", "CreativeWork"),
            "datePublished": ("Date", "DateTime"),
        },
    ),
    "DefinedTermSet": (("CreativeWork",), {"hasDefinedTerm": ("DefinedTerm",)}),
    "CategoryCodeSet": (("DefinedTermSet",), {"hasCategoryCode": ("CategoryCode",)}),
    "EducationalOccupationalCredential": (
        ("CreativeWork",),
        {
            "credentialCategory": ("Text", "URL", "DefinedTerm"),
            "educationalLevel": ("Text", "URL", "DefinedTerm"),
            "competencyRequired": ("Text", "URL", "DefinedTerm"),
        },
    ),
    "StructuredValue": (("Intangible",), {}),
    "QuantitativeValueDistribution": (
        ("StructuredValue",),
        {
            "duration": ("Duration",),
            "median": ("Number",),
            "percentile10": ("Number",),
            "percentile25": ("Number",),
            "percentile75": ("Number",),
            "percentile90": ("Number",),
        },
    ),
    "MonetaryAmountDistribution": (("QuantitativeValueDistribution",), {"currency": ("Text",)}),
    "MonetaryAmount": (
        ("StructuredValue",),
        {
            "currency": ("Text",),
            "minValue": ("Number",),
            "maxValue": ("Number",),
            "value": ("Boolean", "Number", "StructuredValue", "Text"),
            "validFrom": ("Date", "DateTime"),
            "validThrough": ("Date", "DateTime"),
        },
    ),
    "OccupationalExperienceRequirements": (("Intangible",), {"monthsOfExperience": ("Number",)}),
    "Place": (("Thing",), {"containedInPlace": ("Place",), "address": ("Text", "PostalAddress")}),
    "AdministrativeArea": (("Place",), {}),
    "Country": (("AdministrativeArea",), {}),
    "City": (("AdministrativeArea",), {}),
    "State": (("AdministrativeArea",), {}),
    "Organization": (("Thing",), {"legalName": ("Text",)}),
    "Person": (("Thing",), {}),
}

# ISO 8601 durations as schema.org's Duration takes them (P1Y, P1M, PT1H, P1DT2H30M).
_DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$")


def _ancestors(type_: str) -> set[str]:
    parents, _ = VOCABULARY[type_]
    return {type_}.union(*(_ancestors(parent) for parent in parents))


def _properties(type_: str) -> dict[str, tuple[str, ...]]:
    found: dict[str, tuple[str, ...]] = {}
    for ancestor in _ancestors(type_):
        found.update(VOCABULARY[ancestor][1])
    return found


def _data_value_ok(value, data_type: str) -> bool:
    if data_type == "Text":
        return isinstance(value, str)
    if data_type == "URL":
        parsed = urlparse(value) if isinstance(value, str) else None
        return parsed is not None and parsed.scheme in ("http", "https") and bool(parsed.netloc)
    if data_type == "Number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if data_type == "Boolean":
        return isinstance(value, bool)
    if data_type == "Duration":
        return isinstance(value, str) and bool(_DURATION.match(value))
    return False  # Date, DateTime: the API writes none


def schema_org_errors(document: dict, *, expected: str) -> list[str]:
    """Everything in `document` (a JSON-LD document of one `expected` item) that schema.org's
    definitions do not allow; empty when it passes."""
    errors = []
    if document.get("@context") != CONTEXT:
        errors.append(f"$: @context is {document.get('@context')!r}, not {CONTEXT!r}")
    errors += _value_errors(
        {k: v for k, v in document.items() if k != "@context"}, (expected,), "$"
    )
    return errors


def _value_errors(value, range_: tuple[str, ...], at: str) -> list[str]:
    if isinstance(value, list):
        if not value:
            return [f"{at}: an empty list (leave the property out)"]
        return [
            error
            for i, item in enumerate(value)
            for error in _value_errors(item, range_, f"{at}[{i}]")
        ]
    if not isinstance(value, dict):
        if any(_data_value_ok(value, data_type) for data_type in range_):
            return []
        return [f"{at}: {value!r} is none of {', '.join(range_)}"]
    types = value.get("@type")
    types = [types] if isinstance(types, str) else types
    if not types or not all(isinstance(t, str) for t in types):
        return [f"{at}: no @type"]
    unknown = [t for t in types if t not in VOCABULARY]
    if unknown:
        return [f"{at}: unknown type(s) {unknown}"]
    errors = []
    if not any(set(range_) & _ancestors(t) for t in types):
        errors.append(f"{at}: {types} is none of {', '.join(range_)}")
    allowed: dict[str, tuple[str, ...]] = {}
    for type_ in types:
        for name, ranges in _properties(type_).items():
            allowed[name] = allowed.get(name, ()) + ranges
    for name, item in value.items():
        if name.startswith("@"):
            if name not in ("@type", "@id"):
                errors.append(f"{at}.{name}: not allowed in a nested item")
            continue
        if name not in allowed:
            errors.append(f"{at}.{name}: not a property of {', '.join(types)}")
            continue
        if item in (None, ""):
            errors.append(f"{at}.{name}: an empty value (leave the property out)")
            continue
        errors += _value_errors(item, allowed[name], f"{at}.{name}")
    return errors
