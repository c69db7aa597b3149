"""JSON Schema validation of each data file, with errors in the project's own words."""

from __future__ import annotations

import json
import math
import re
from functools import cache
from pathlib import Path

import fastjsonschema
from jsonschema import Draft202012Validator

from generator.data.problems import Problem
from generator.data.suggest import did_you_mean
from generator.data.yamlsafe import Document

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "schemas"
_TYPE_WORDS = {
    "object": "a mapping",
    "array": "a list",
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "null",
}


@cache
def validator(kind: str) -> Draft202012Validator:
    """The validator for one file kind: indicators, park, source or year."""
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


@cache
def fast_validator(kind: str):
    """A compiled validator for the common case, valid data (jsonschema explains the invalid)."""
    schema = json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))
    return fastjsonschema.compile(schema)


def describe_value(value) -> str:
    """A short, readable rendering of a found value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        value = value.encode("unicode_escape").decode("ascii") if not value.isprintable() else value
        shown = value if len(value) <= 40 else value[:37] + "…"
        return f"'{shown}'"
    return repr(value)


def field_name(location) -> str:
    """`indicators[0].value` for the location ('indicators', 0, 'value')."""
    text = ""
    for part in location:
        if isinstance(part, str) and not part.isprintable():
            part = part.encode("unicode_escape").decode("ascii")
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(document)"


_END_OF_TEXT = "$(?!\\n)"  # in schemas/*.json: Python's `$` alone also matches before a final newline


def _expected(error) -> str:
    kind = error.validator
    schema = error.schema
    if kind == "type":
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        return " or ".join(_TYPE_WORDS.get(t, t) for t in types)
    if kind == "enum":
        return "one of " + ", ".join(describe_value(v) for v in schema["enum"])
    if kind == "pattern":
        # Shown as ECMA reads it: `$(?!\n)` is how the schemas say "end of the text" to Python's `re` as well.
        return f"text matching {schema['pattern'].replace(_END_OF_TEXT, '$')}"
    if kind == "minLength":
        return "non-empty text"
    if kind == "minItems":
        return f"at least {schema['minItems']} item(s)"
    if kind == "minimum":
        return f"a number ≥ {schema['minimum']}"
    if kind == "maximum":
        return f"a number ≤ {schema['maximum']}"
    return error.message


# What editors write for a comparator, and what the schema means by it.
_COMPARATOR_SPELLINGS = {"≥": ">=", "＞＝": ">=", "=>": ">=", "≤": "<=", "＜＝": "<=", "=<": "<=", "＝": "=", "约": "~"}
_COMPARATOR_SPELLINGS |= {"～": "~", "≈": "~", "左右": "~", "以上": ">=", "以下": "<="}


def _hint(error) -> str:
    """A likely correction for a value the schema refused, or ''."""
    value = error.instance
    if value is None and error.validator == "enum" and "~" in error.schema["enum"]:
        return ' (a bare ~ is null in YAML: write "~" in quotes)'
    if not isinstance(value, str):
        return ""
    if error.validator == "enum":
        known = [v for v in error.schema["enum"] if isinstance(v, str)]
        if _COMPARATOR_SPELLINGS.get(value.strip()) in known:
            return f" (did you mean '{_COMPARATOR_SPELLINGS[value.strip()]}'?)"
        return did_you_mean(value, known)
    if error.validator == "pattern":
        pattern = error.schema["pattern"]
        separator = "_" if "_" in pattern else "-"
        cleaned = re.sub(r"[\s_-]+", separator, value.strip().lower())
        if cleaned != value and re.search(pattern, cleaned):
            return f" (did you mean '{cleaned}'?)"
    return ""


def _fields_elsewhere(schema: dict) -> dict[str, str]:
    """For a year file, which list (indicators, facts, targets) each entry field belongs to."""
    owners: dict[str, str] = {}
    for section, part in schema.get("properties", {}).items():
        for name in part.get("items", {}).get("properties", {}) if isinstance(part, dict) else ():
            owners.setdefault(name, section)
    return owners


def _unknown_field(document: Document, error, location: tuple, extra, root_schema: dict) -> Problem:
    allowed = sorted(error.schema.get("properties", {}))
    hint = did_you_mean(str(extra), allowed)
    owner = _fields_elsewhere(root_schema).get(str(extra))
    section = location[0] if location and isinstance(location[0], str) else None
    if not hint and owner and section and owner != section:
        hint = f" (a field of {owner} entries: does this entry belong under {owner}?)"
    return Problem(
        document.path,
        document.line(location + (extra,)),
        field_name(location + (extra,)),
        f"expected one of the fields {', '.join(allowed)}, found {describe_value(str(extra))}{hint}",
    )


def _problems(document: Document, error, root_schema: dict) -> list[Problem]:
    location = tuple(error.absolute_path)
    if error.validator == "anyOf":
        # Nullable fields: report the non-null alternative's complaint.
        inner = [e for e in error.context if e.validator != "type" or e.schema.get("type") != "null"]
        if inner:
            error = inner[0]
    if error.validator == "required":
        missing = error.message.split("'")[1]
        return [
            Problem(
                document.path,
                document.line(location),
                field_name(location + (missing,)),
                "expected a value, found none (required field)",
            )
        ]
    if error.validator == "additionalProperties":
        # Every unknown field, not only the first: a pasted entry may bring several.
        extras = sorted((set(error.instance) - set(error.schema.get("properties", {}))), key=str)
        return [_unknown_field(document, error, location, extra, root_schema) for extra in extras]
    return [
        Problem(
            document.path,
            document.line(location),
            field_name(location),
            f"expected {_expected(error)}, found {describe_value(error.instance)}{_hint(error)}",
        )
    ]


def _non_finite(value, location=()):
    """Locations of YAML's .nan and .inf, which JSON Schema takes for numbers."""
    if isinstance(value, float):
        if not math.isfinite(value):
            yield location, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _non_finite(item, (*location, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _non_finite(item, (*location, index))


def _all_finite(value) -> bool:
    """Whether JSON-like data surely holds no .nan or .inf: the C JSON encoder refuses them (and whatever is not
    JSON, which is then looked through by _non_finite)."""
    try:
        json.dumps(value, allow_nan=False, check_circular=False)
    except (TypeError, ValueError, RecursionError):
        return False
    return True


def check_schema(document: Document, kind: str) -> list[Problem]:
    """Every schema violation in one document, and every number that is not finite."""
    odd = [
        Problem(document.path, document.line(location), field_name(location), f"expected a finite number, found {v}")
        for location, v in ([] if _all_finite(document.data) else _non_finite(document.data))
    ]
    try:
        fast_validator(kind)(document.data)
        return odd
    except fastjsonschema.JsonSchemaException:
        pass  # explain every error with jsonschema, which reports them all with their paths
    checker = validator(kind)
    errors = sorted(checker.iter_errors(document.data), key=lambda e: list(map(str, e.absolute_path)))
    return [problem for error in errors for problem in _problems(document, error, checker.schema)] + odd
