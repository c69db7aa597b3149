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


def refused(text: str, year: int = 2024) -> list[str]:
    """What the checker refuses in the draft of `text` for `year`: each drafted entry checked against the text."""
    from generator.data.model import Source, paragraphs_of
    from generator.data.validate import entry_problems
    from tests.test_binding import CATALOGUE

    source = Source(id="s", title="示范", publisher="示范", kind="work-report", published=None, park="p",
                    paragraphs=paragraphs_of(text), covers=(year, year + 1))  # fmt: skip
    data = draft(text, year)
    return [
        f"{section}: {problem} ({entry['quote']})"
        for section in ("indicators", "facts", "targets")
        for entry in data[section]
        for problem in entry_problems(section, entry, source, ("p", year), CATALOGUE)
    ]
