"""Shared by the tests of the extraction stages: the project's catalogue and a quick way to draft."""

from __future__ import annotations

from functools import lru_cache

from generator.editor.extract import extract, read_catalogue
from tests.conftest import PROJECT

FIXTURES = PROJECT / "tests" / "fixtures" / "reports"


@lru_cache(maxsize=1)
def catalogue():
    entries, messages = read_catalogue(PROJECT / "data")
    assert messages == []
    return entries


def draft(text: str, year: int = 2024) -> dict:
    """The draft of `text` for `year`, as data."""
    return extract(text, "s", catalogue(), "p", year).data


def indicators(text: str, year: int = 2024) -> dict[str, dict]:
    return {item["id"]: item for item in draft(text, year)["indicators"]}
