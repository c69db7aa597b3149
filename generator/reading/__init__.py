"""One reading of a report: numbers, clauses, tables and hedges as the checker proves and the extractor drafts."""
