"""Draft a year file from an archived report, in stages a newcomer can follow one at a time:

1. read (`read.py`, `tables.py`): paragraphs as the checker compares them, a simplified-character form
   for matching, and table rows with the units of their header;
2. split clauses (`clauses.py`): sentences and clauses, each knowing the year it is about and whether
   it sets a goal;
3. find figures (`figures.py`): the numbers that count something, not dates, codes or addresses;
4. bind to indicators (`bind.py`): catalogue names bound to the figure they govern, with its 同比;
5. period, scope, hedges (`context.py`): 1—9月, 主园区, 预计 …;
6. targets (`targets.py`): goals for the draft's year or a later one;
7. draft (`draft.py`): one entry per indicator, every other number a fact or a target, each checked
   against its quote as `yearbook check` reads it.

The rules are written from how reports are written, not from particular reports.
"""

from generator.editor.extract.catalogue import CatalogueEntry, read_catalogue
from generator.editor.extract.draft import Draft, extract
from generator.editor.extract.read import logical_paragraphs

__all__ = ["CatalogueEntry", "Draft", "extract", "logical_paragraphs", "read_catalogue"]
