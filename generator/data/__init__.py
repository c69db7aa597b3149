"""Load, check and model the yearbook's data: the only readers of data/."""
