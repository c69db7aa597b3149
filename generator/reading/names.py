"""Names as reports write them: a catalogue name or alias in simplified characters, and its common abbreviations
(规模以上 → 规上, 高新技术企业 → 高企, 地区生产总值 → GDP). The checker looks for these forms in a quote and the
extractor drafts from them, so a name the extractor reads is one the checker finds."""

from __future__ import annotations

from generator.reading.script import simplified
from generator.reading.words import SHORT_FORMS


def written_forms(name: str) -> list[str]:
    """A name and its abbreviated forms, in simplified characters, the name first."""
    forms = [simplified(name)]
    for long, short in SHORT_FORMS:
        forms += [form.replace(long, short) for form in forms if long in form]
    return list(dict.fromkeys(forms))


def catalogue_forms(names) -> list[str]:
    """Every written form of a list of names (an indicator's name and aliases), without repeats."""
    return list(dict.fromkeys(form for name in names for form in written_forms(name)))
