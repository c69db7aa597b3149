"""Load, check and model the yearbook's data: the only readers of data/ (YAML, schemas, problems, the model) and
the proof that a quote says what an entry claims (binding.py). How a report is read is generator/reading/'s."""
