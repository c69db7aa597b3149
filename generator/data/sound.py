"""The part of a data file that passed its schema, so the rules check it while the schema problems are reported.

An editor fixing a file should see every problem in one run: the schema problems of one entry must not hide the
quote and number problems of the others. The rules read only entries whose fields they use passed the schema;
the problems they find are reported at the entries' places in the file as written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from generator.data.problems import Problem
from generator.data.schema import validator
from generator.data.yamlsafe import Document

# The fields a year file's rules read before its entries: with a schema problem on one, the file is not checked
# further. Elsewhere a schema problem on any declared field stops the rules of that file (a park, a source) or
# entry (of the catalogue, of a year file's lists); unknown fields alone stop nothing, as no rule reads them.
_YEAR_FIELDS = {"park", "year"}
_WORDS = {"name_en", "definition", "headline"}  # catalogue fields only the site reads
_YEAR_LISTS = ("indicators", "facts", "targets", "sources")
_LEADING_INDEX = re.compile(r"^(?P<section>[a-z_]*)\[(?P<index>\d+)\]")


def _error_places(data, kind: str) -> list[tuple]:
    """The location of every field the schema refused (a missing or unknown field counts as its own place)."""
    places = []
    for error in validator(kind).iter_errors(data):
        location = tuple(error.absolute_path)
        if error.validator == "required":
            places.append(location + (error.message.split("'")[1],))
        elif error.validator == "additionalProperties":
            known = error.schema.get("properties", {})
            places += [location + (extra, "(unknown)") for extra in error.instance if extra not in known]
        else:
            places.append(location)
    return places


class SoundPart:
    """A document with its refused entries left out; `line` and `restore` translate back to the file's places."""

    def __init__(self, document: Document, data, kept: dict[str, list[int]]):
        self.path, self.data, self._document, self._kept = document.path, data, document, kept
        self.text = document.text  # the file as written, for rules that read it

    def _original(self, location: tuple) -> tuple:
        if len(location) >= 2 and isinstance(location[1], int) and location[0] in self._kept:
            return (location[0], self._kept[location[0]][location[1]], *location[2:])
        if location and isinstance(location[0], int) and "" in self._kept:
            return (self._kept[""][location[0]], *location[1:])
        return location

    def line(self, location: tuple) -> int:
        """The line of a value of the kept data, in the file as written."""
        return self._document.line(self._original(tuple(location)))

    def restore(self, problems: list[Problem]) -> list[Problem]:
        """Problems found on the kept data, with their fields named as in the file (indicators[3], not [1])."""

        def renamed(problem: Problem) -> Problem:
            match = _LEADING_INDEX.match(problem.field)
            kept = self._kept.get(match.group("section")) if match else None
            if kept is None:
                return problem
            original = kept[int(match.group("index"))]
            return replace(problem, field=f"{match.group('section')}[{original}]{problem.field[match.end() :]}")

        return [renamed(problem) for problem in problems]


def _keep(items: list, refused: set[int]) -> tuple[list, list[int]]:
    kept = [index for index in range(len(items)) if index not in refused]
    return [items[index] for index in kept], kept


def sound_part(document: Document, kind: str, schema_problems: list[Problem]) -> Document | SoundPart | None:
    """The document itself when it has no schema problem; else the part the rules can read, or None."""
    if not schema_problems:
        return document
    places = _error_places(document.data, kind)
    if any(not place for place in places):
        return None  # the whole file has the wrong shape
    if kind == "indicators":
        # A catalogue entry whose only problems are in words for readers still names its indicator for the rules.
        refused = {p[0] for p in places if not _only_unknown(p, depth=1) and (len(p) < 2 or p[1] not in _WORDS)}
        entries, kept = _keep(document.data, refused)
        return SoundPart(document, entries, {"": kept})
    if kind != "year":
        return None if any(not _only_unknown(place, depth=0) for place in places) else document
    if any(place[0] in _YEAR_FIELDS for place in places):
        return None
    data, kept_lists = dict(document.data), {}
    for place in places:
        if place[0] not in _YEAR_LISTS or len(place) < 2 or not isinstance(data.get(place[0]), list):
            data.pop(place[0], None)  # a refused summary, a misspelt top-level field, a section that is not a list
    for section in _YEAR_LISTS:
        if isinstance(data.get(section), list):
            # An entry with only unknown fields besides sound ones is still checked: the rules never read them.
            refused = {p[1] for p in places if p[0] == section and len(p) > 1 and not _only_unknown(p, depth=2)}
            data[section], kept_lists[section] = _keep(data[section], refused)
    return SoundPart(document, data, kept_lists)


def _only_unknown(place: tuple, depth: int) -> bool:
    """Whether `place` is an unknown field of the mapping `depth` levels down (0: the file, 2: a list entry)."""
    return len(place) == depth + 2 and place[-1] == "(unknown)"


def rule_problems(document: Document, kind: str, schema_problems: list[Problem], check: Callable) -> list[Problem]:
    """Run `check(part, problems)` on the sound part of `document`; its problems at their places in the file."""
    part = sound_part(document, kind, schema_problems)
    if part is None:
        return []
    found: list[Problem] = []
    check(part, found)
    return part.restore(found) if isinstance(part, SoundPart) else found
