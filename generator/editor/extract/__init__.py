"""Draft a year file from an archived report: choosing and writing drafts from what generator/reading/ reads.

The reading (generator/reading/) turns the report into paragraphs, tables, clauses with their year, period, part
of the park and hedge, and claims (a catalogue name bound to the figure it governs, with its 同比). What stays here
chooses among them and writes the draft:

- `catalogue.py`: the indicator catalogue as the extractor needs it;
- `draft.py`: one entry per indicator, every other number a fact or a target, each checked against its quote as
  `yearbook check` reads it;
- `targets.py`: goals for the draft's year or a later one; `themes.py`: the theme a fact is filed under;
- `score.py`: precision and recall of drafts against curated files and fixtures.

The rules are written from how reports are written, not from particular reports.
"""

from generator.editor.extract.catalogue import CatalogueEntry, read_catalogue
from generator.editor.extract.draft import Draft, extract
from generator.reading.text import logical_paragraphs

__all__ = ["CatalogueEntry", "Draft", "extract", "logical_paragraphs", "read_catalogue"]
