"""Names as reports write them: a catalogue name or alias in simplified characters, and its common abbreviations
(规模以上 → 规上, 高新技术企业 → 高企, 地区生产总值 → GDP). The checker looks for these forms in a quote and the
extractor drafts from them, so a name the extractor reads is one the checker finds."""

from __future__ import annotations

from generator.reading.script import simplified
from generator.reading.words import PART_PREFIXES, REPORT_VERBS, SHORT_FORMS


def written_forms(name: str) -> list[str]:
    """A name and its abbreviated forms, in simplified characters, the name first."""
    forms = [simplified(name)]
    for long, short in SHORT_FORMS:
        forms += [form.replace(long, short) for form in forms if long in form]
    return list(dict.fromkeys(forms))


def catalogue_forms(names) -> list[str]:
    """Every written form of a list of names (an indicator's name and aliases), without repeats."""
    return list(dict.fromkeys(form for name in names for form in written_forms(name)))


_LONGEST_FIRST = sorted(PART_PREFIXES, key=len, reverse=True)


def part_prefix(text: str, start: int) -> str | None:
    """The words right before a name at `start` that make it a part or another measure (工业 in 工业固定资产投资,
    预算 in 一般公共预算税收收入, 服务业实现 in 服务业实现营业收入, 进 in 进出口), or None."""
    if text[:start].endswith("进") and text[start : start + 1] == "出":
        return "进"
    before = text[:start]
    found = next((prefix for prefix in _LONGEST_FIRST if before.endswith(prefix)), None)
    verb = next((v for v in REPORT_VERBS if before.endswith(v)), "")
    if found is None and verb:
        # 规模以上服务业实现营业收入: the part's subject may stand before the verb that reports its amount.
        subject = next((p for p in _LONGEST_FIRST if before[: len(before) - len(verb)].endswith(p)), None)
        found = subject + verb if subject else None
    return found
