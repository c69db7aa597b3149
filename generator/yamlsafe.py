"""Safe YAML reading that keeps the line of every value and refuses risky constructs."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.constructor import SafeConstructor

from generator.problems import Problem

MAX_BYTES = 1_000_000

# libyaml's parser where PyYAML was built with it (10× faster on a large yearbook), else the pure-Python one.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Paths inside a document: a tuple of mapping keys and list indexes, () for the root.
Location = tuple


@dataclass
class Document:
    """One parsed YAML file: its data and the line (1-based) of each value in it."""

    path: str
    data: object
    lines: dict = field(default_factory=dict)

    def line(self, location: Location) -> int:
        """The line of the value at `location`, or of its nearest enclosing value."""
        location = tuple(location)
        while location not in self.lines and location:
            location = location[:-1]
        return self.lines.get(location, 1)


class _Refused(Exception):
    def __init__(self, line: int, field: str, message: str):
        super().__init__(message)
        self.line, self.field, self.message = line, field, message


class _ScalarConstructor(SafeConstructor):
    """Safe scalars, except that dates stay strings (JSON Schema checks their format)."""


_ScalarConstructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)


def _describe(location: Location) -> str:
    if not location:
        return "(document)"
    text = ""
    for part in location:
        if isinstance(part, str) and not part.isprintable():
            part = part.encode("unicode_escape").decode("ascii")
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


_MAX_DEPTH = 50  # data files nest four levels; deeper nesting is a mistake or an attack
_PLAIN_COLLECTIONS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")


def _scalar(node, location, constructor):
    """One scalar value, with any construction failure turned into a refusal at its line."""
    line = node.start_mark.line + 1
    try:
        value = constructor.construct_object(node)
    except Exception as error:  # PyYAML raises KeyError, IndexError, ValueError … on malformed tagged scalars
        message = " ".join(str(getattr(error, "problem", None) or error).split())
        raise _Refused(line, _describe(location), f"expected a plain value, found {node.tag} ({message})") from None
    if isinstance(value, float) and not math.isfinite(value):
        raise _Refused(line, _describe(location), f"expected a finite number, found {node.value}")
    return value


def _build(node, location, lines, constructor):
    lines[location] = node.start_mark.line + 1
    if len(location) > _MAX_DEPTH:
        raise _Refused(lines[location], _describe(location[:3]), f"expected at most {_MAX_DEPTH} levels of nesting")
    if not isinstance(node, yaml.ScalarNode) and node.tag not in _PLAIN_COLLECTIONS:
        raise _Refused(lines[location], _describe(location), f"expected plain data, found the tag {node.tag}")
    if isinstance(node, yaml.MappingNode):
        result = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused(
                    key_node.start_mark.line + 1, _describe(location), "expected plain data, found a merge key (<<)"
                )
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(
                    key_node.start_mark.line + 1, _describe(location), "expected a plain key, found a complex key"
                )
            key = _scalar(key_node, location, constructor)
            if not isinstance(key, (str, int)) or isinstance(key, bool):
                key = str(key)
            if key in result:
                raise _Refused(
                    key_node.start_mark.line + 1,
                    _describe(location + (key,)),
                    f"expected each key once, found '{key}' again (first on line {lines[location + (key,)]})",
                )
            result[key] = _build(value_node, location + (key,), lines, constructor)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, location + (index,), lines, constructor) for index, item in enumerate(node.value)]
    return _scalar(node, location, constructor)


def read_yaml(path: Path, display_path: str) -> tuple[Document | None, list[Problem]]:
    """Read one YAML file; return its document, or None and the problems that stop it."""

    def refuse(line: int, field: str, message: str):
        return None, [Problem(display_path, line, field, " ".join(message.split()))]  # one problem, one line

    try:
        raw = path.read_bytes()
    except OSError as error:
        return refuse(1, "(file)", f"expected a readable file, found {error.strerror}")
    if len(raw) > MAX_BYTES:
        return refuse(1, "(file)", f"expected at most {MAX_BYTES} bytes, found {len(raw)}")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return refuse(line, "(file)", f"expected UTF-8 text, found byte 0x{raw[error.start]:02x}")
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        for event in yaml.parse(text, Loader=_LOADER):
            if isinstance(event, yaml.AliasEvent):
                return refuse(
                    event.start_mark.line + 1, "(yaml)", f"expected plain data, found an alias (*{event.anchor})"
                )
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                return refuse(event.start_mark.line + 1, "(yaml)", f"expected plain data, found an anchor (&{anchor})")
            tag = getattr(event, "tag", None)
            if tag and tag.startswith("!") and not tag.startswith("!!"):
                return refuse(event.start_mark.line + 1, "(yaml)", f"expected plain data, found the local tag {tag}")
        nodes = list(yaml.compose_all(text, Loader=_LOADER))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        return refuse(line, "(yaml)", f"expected valid YAML, found a syntax error: {error.problem}")
    except yaml.reader.ReaderError as error:
        line = text[: error.position].count("\n") + 1
        return refuse(line, "(yaml)", f"expected printable text, found the control character #x{error.character:04x}")
    except yaml.YAMLError as error:
        return refuse(1, "(yaml)", f"expected valid YAML, found {error}")
    if len(nodes) > 1:
        return refuse(nodes[1].start_mark.line + 1, "(yaml)", "expected one document, found several (---)")
    if not nodes or nodes[0] is None:
        return refuse(1, "(file)", "expected data, found an empty file")
    lines: dict = {}
    try:
        data = _build(nodes[0], (), lines, _ScalarConstructor())
    except _Refused as refused:
        return refuse(refused.line, refused.field, refused.message)
    except (yaml.YAMLError, ValueError, OverflowError) as error:
        return refuse(1, "(yaml)", f"expected plain scalar values, found {error}")
    return Document(display_path, data, lines), []
