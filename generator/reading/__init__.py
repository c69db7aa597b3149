"""One reading of a report, used by the checker to prove and by the extractor to draft.

- `words.py`: every word list (hedges, growth and decline, comparators, plans, changes, parts of the park, units);
- `script.py`: traditional characters read as simplified, through OpenCC's character table;
- `text.py`: paragraphs as the checker compares them; `numbers.py`: numbers with their multipliers and units;
- `figures.py`: the numbers that count something (not dates, codes or addresses);
- `clauses.py`: sentences and clauses, each knowing its year and whether it sets a goal;
- `parts.py`: the part of the year, the part of the park and the year a text speaks of;
- `tables.py`: tables read through their headers; `hedges.py`: which qualifier and comparator words give;
- `names.py`: a name as reports write it (abbreviations); `quotes.py`: a quote in its report (sentence, title, table);
- `governs.py`: the one binding: where a text names an indicator, the amount that name governs and its growth. The
  checker proves an entry by finding, among what its quote's names govern, the entry's value; the extractor drafts
  what each name of a sentence governs (`claims.py`: the catalogue's names as reports write them, found in a
  sentence's clauses, and the claims the draft can be sure of). Every draft is then put to the checker's rules.
"""
