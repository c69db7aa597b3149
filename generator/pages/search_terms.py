"""Search terms written into pages' Pagefind metadata, so a park is found by any of its names."""

from __future__ import annotations

# Pagefind cuts Chinese into words one way when it indexes (a dictionary segmenter) and the browser cuts the query
# another (Intl.Segmenter): 新余 is one word in the index and 新 + 余 in a query, so a park is not found by its own
# name. A park's names therefore also stand in its pages' metadata as every run of one to four characters, which
# match however either side cuts them; the search box gives these fields their weights (yearbook-search.js).
NAME_TERMS_LENGTH = 4
_NAME_SUFFIXES = ("高新技术产业开发区", "高技术产业开发区", "高新区", "市", "省")


def name_terms(*names: str) -> str:
    """The search terms of a park's names: each name, its stem without 高新区/市/省, and every run of one to four
    of their characters (Latin words stay whole), space-separated, for a data-pagefind-meta field."""
    forms = dict.fromkeys(name.strip() for name in names if name and name.strip())
    for name in list(forms):
        for suffix in _NAME_SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                forms[name.removesuffix(suffix)] = None
    terms: dict[str, None] = {}
    for form in forms:
        if form.isascii():
            terms.update(dict.fromkeys(form.replace(",", " ").split()))
            continue
        for start in range(len(form)):
            for end in range(start + 1, min(len(form), start + NAME_TERMS_LENGTH) + 1):
                terms[form[start:end]] = None
    return " ".join(term for term in terms if term.strip() and ":" not in term)
