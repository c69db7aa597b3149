"""Files not yet reviewed: a draft of `yearbook extract` (draft: true) and a park profile still holding
the placeholders of `yearbook new park` fail the check until an editor has gone through them."""

from __future__ import annotations

from generator.data.load import RawData
from generator.data.problems import Problem

PLACEHOLDERS = ("待填写", "To be filled in")
_PARK_FIELDS = ("name", "short_name", "name_en", "province", "city")


def unreviewed(raw: RawData) -> list[Problem]:
    """A problem for every draft year file and every placeholder left in a park profile."""
    problems = []
    for document in raw.years.values():
        if document is not None and isinstance(document.data, dict) and document.data.get("draft") is True:
            problems.append(
                Problem(
                    document.path,
                    document.line(("draft",)),
                    "draft",
                    "expected a reviewed file, found a draft of `yearbook extract`: check every entry against "
                    "the report, then delete the line `draft: true`",
                )
            )
    for document in raw.parks.values():
        if document is None or not isinstance(document.data, dict):
            continue
        for field in _PARK_FIELDS:
            value = document.data.get(field)
            if isinstance(value, str) and value.strip() in PLACEHOLDERS:
                problems.append(
                    Problem(
                        document.path,
                        document.line((field,)),
                        field,
                        f"expected the park's own {field}, found the placeholder '{value}' of `yearbook new park`",
                    )
                )
    return problems
