"""Safe YAML reading that knows the line of every value and refuses risky constructs."""

from __future__ import annotations

import contextlib
import json
import math
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
import yaml_rs
from yaml.constructor import SafeConstructor

from generator.cache import Parsed
from generator.data.files import Refused, read_limited
from generator.data.problems import Problem
from generator.data.yaml_hints import syntax_hint

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
    text: str = ""
    lines: dict | None = field(default=None, repr=False)

    def line(self, location: Location) -> int:
        """The line of the value at `location`, or of its nearest enclosing value."""
        if self.lines is None:  # only a file with a problem needs its lines: map them on first use
            self.lines = _line_map(self.text)
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


# Text the fast parser may read differently from the checked one goes to the full check: merge keys, non-finite
# floats (plain substrings, found at C speed) …
_FULL_CHECK_MARKS = ("<<", ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF")
# … anchors, aliases and tags: a & * or ! that may open a node, that is any but one right after a letter or a digit,
# inside a word (R&D in a quote opens no node; a node's property follows a space, a line's start or [ { , : - ?) …
_PROPERTY_MARK = re.compile(r"[&*!]")
# … document markers, directives and complex keys (only looked for when the text has their characters) …
_FULL_CHECK_LINES = re.compile(r"^(?:---|\.\.\.|%)|^[ \t-]*\?(?:[ \t]|$)", re.MULTILINE)
# … and characters YAML does not allow.
_NOT_YAML_TEXT = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# … and deep block nesting, which the fast parser follows by recursion until the stack overflows (some thousands of
# `- ` on a line crash the process). Each level of block nesting starts a column further right, so a line whose
# indentation and dashes stay short bounds the depth; flow nesting ([{) the fast parser refuses itself at 256 levels.
_DEEP_BLOCK = re.compile(r"^[ \t-]{100}", re.MULTILINE)
_VALUE_KEY_NEIGHBOURS = " \t\n\r[]{},:?-"  # a lone "=" between these is PyYAML's value key, which it refuses


def _may_open_a_node(text: str, at: int) -> bool:
    """Whether the & * or ! at `at` may open a node: it follows no letter, digit or _ (a regular expression's \\w)."""
    before = text[at - 1] if at else " "
    return not (before.isalnum() or before == "_")


def _needs_full_check(text: str) -> bool:
    """Whether the text holds anything the fast parser might read otherwise than the full check."""
    if any(mark in text for mark in _FULL_CHECK_MARKS):
        return True
    if any(_may_open_a_node(text, mark.start()) for mark in _PROPERTY_MARK.finditer(text)):
        return True
    if any(mark in text for mark in ("---", "...", "?", "%")) and _FULL_CHECK_LINES.search(text):
        return True
    if _DEEP_BLOCK.search(text):
        return True
    at = text.find("=")
    while at >= 0:
        before = text[at - 1] if at else "\n"
        after = text[at + 1] if at + 1 < len(text) else "\n"
        if before in _VALUE_KEY_NEIGHBOURS and after in _VALUE_KEY_NEIGHBOURS:
            return True
        at = text.find("=", at + 1)
    return _NOT_YAML_TEXT.search(text) is not None


def _is_plain(data) -> bool:
    """Whether parsed data holds only JSON-like values with finite numbers (checked by the C JSON encoder)."""
    try:
        json.dumps(data, ensure_ascii=False, allow_nan=False, check_circular=False)
    except (TypeError, ValueError, RecursionError):
        return False
    return True


def _fast_parse(text: str):
    """Data by the fast (Rust) parser, or the error it gave; None when the text needs the full check."""
    if _needs_full_check(text):
        return None, None
    return _fast_parse_unconditionally(text)


def _fast_parse_unconditionally(text: str):
    """Data by the fast parser if it reads the text as plain data, else None; and its error, if any."""
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except yaml_rs.YAMLDecodeError as error:
        return None, error
    return (data, None) if isinstance(data, dict) and _is_plain(data) else (None, None)


def _line_map(text: str) -> dict:
    """The line of every value of a document already accepted by `read_yaml`."""
    lines: dict = {}
    # Should the full check refuse what the fast parser took, the lines mapped so far still place the problem.
    with contextlib.suppress(_Refused, yaml.YAMLError, ValueError, AttributeError):
        _build(yaml.compose(text, Loader=_LOADER), (), lines, _ScalarConstructor())
    return lines


def read_yaml(
    path: Path, display_path: str, project: Path | None = None, parsed: Parsed | None = None
) -> tuple[Document | None, list[Problem]]:
    """Read one YAML file; return its document, or None and the problems that stop it.

    A link is read only when it leads inside `project` (see files.py); FIFOs, devices and folders never are.
    `parsed` (kept on disk between runs) gives the data of a text accepted before, without parsing it again.
    """

    def refuse(line: int, field: str, message: str):
        return None, [Problem(display_path, line, field, " ".join(message.split()))]  # one problem, one line

    try:
        raw = read_limited(path, project, MAX_BYTES)
    except Refused as refused:
        return refuse(1, "(file)", refused.message)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return refuse(line, "(file)", f"expected UTF-8 text, found byte 0x{raw[error.start]:02x}")
    if text.startswith("\ufeff"):
        text = text[1:]
    known = parsed.recall(text) if parsed is not None else None
    if known is not None:
        return Document(display_path, known, text), []
    document, problems = _parse(text, display_path)
    if parsed is not None and document is not None:
        parsed.remember(text, document.data)
    return document, problems


def _parse(text: str, display_path: str) -> tuple[Document | None, list[Problem]]:
    """The document of a YAML text, or None and the problems that stop it."""

    def refuse(line: int, field: str, message: str):
        return None, [Problem(display_path, line, field, " ".join(message.split()))]  # one problem, one line

    # Most files are plain data: the fast parser reads them and lines are mapped only if a problem needs one.
    data, fast_error = _fast_parse(text)
    if data is not None:
        return Document(display_path, data, text), []
    try:
        depth = 0
        for event in yaml.parse(text, Loader=_LOADER):
            # Composing is recursive (libyaml's composer overflows the C stack at some thousands of levels):
            # nesting is measured on the parser's flat events, before anything is composed.
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > _MAX_DEPTH:
                    line = event.start_mark.line + 1
                    return refuse(line, "(yaml)", f"expected at most {_MAX_DEPTH} levels of nesting, found more")
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
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
        hint = syntax_hint(str(error.problem), text, line)
        return refuse(line, "(yaml)", f"expected valid YAML, found a syntax error: {error.problem}{hint}")
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
    if fast_error is not None:  # the two parsers disagree: refuse rather than guess which reading is meant
        found = re.search(r"line (\d+)", str(fast_error))
        message = " ".join(str(fast_error).split("\n")[0].split())
        return refuse(int(found.group(1)) if found else 1, "(yaml)", f"expected valid YAML, found {message}")
    # Both parsers accept the file; take the fast parser's reading so every file's values are typed alike.
    data_fast, _ = _fast_parse_unconditionally(text)
    return Document(display_path, data if data_fast is None else data_fast, text, lines), []
