"""One reading of a report, used by the checker to prove and by the extractor to draft.

- `words.py`: every word list (hedges, growth and decline, comparators, plans, changes, parts of the park, units);
- `script.py`: traditional characters read as simplified, through OpenCC's character table;
- `text.py`: paragraphs as the checker compares them; `numbers.py`: numbers with their multipliers and units;
- `figures.py`: the numbers that count something (not dates, codes or addresses);
- `clauses.py`: sentences and clauses, each knowing its year and whether it sets a goal;
- `parts.py`: the part of the year, the part of the park and the year a text speaks of;
- `tables.py`: tables read through their headers; `hedges.py`: which qualifier and comparator words give;
- `names.py`: a name as reports write it (abbreviations); `quotes.py`: a quote in its report (sentence, title, table);
- `governs.py`: what a name governs in a quote (the checker's reading); `claims.py`: names bound to figures in
  clauses (the extractor's reading); both with the words above, and every draft is put to the checker's rules.
"""
