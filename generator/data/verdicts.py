"""Whether a target was met, judged against the target year's reported figure."""

from __future__ import annotations

from dataclasses import dataclass

from generator.data.model import Figure, Target, Yearbook
from generator.reading.numbers import to_decimal

# Labels shown on the site, by state.
LABELS = {"met": "已实现", "missed": "未实现", "no-report": "尚无报告", "not-comparable": "无可比指标"}


@dataclass(frozen=True)
class TargetStatus:
    """A target's state and, where known, the figure it was checked against."""

    state: str  # met | missed | no-report | not-comparable
    actual: Figure | None = None

    @property
    def label(self) -> str:
        return LABELS[self.state]


def status(yearbook: Yearbook, target: Target) -> TargetStatus:
    """Met or missed where the target year reports the target's indicator; else why not."""
    if (target.park, target.for_year) not in yearbook.years:
        return TargetStatus("no-report")
    if target.indicator is None:
        return TargetStatus("not-comparable")
    actual = yearbook.figure(target.park, target.for_year, target.indicator)
    if actual is None:
        return TargetStatus("not-comparable")
    got, goal = to_decimal(actual.value), to_decimal(target.value)
    if target.comparator == ">=":
        met = got >= goal
    elif target.comparator == "<=":
        met = got <= goal
    elif target.comparator == "~":
        met = abs(got - goal) <= abs(goal) * to_decimal(0.05)  # 左右: within 5%
    else:
        met = got == goal
    return TargetStatus("met" if met else "missed", actual)
