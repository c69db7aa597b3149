"""Results of the previous run of a long-lived process (`mkdocs serve`), reused where their inputs are unchanged.

An unchanged data file parses to the very same object as last time (load keeps it while the file's size and
modification time stay the same), so every later step can tell what changed by object identity: a step's
result is reused when each of its inputs is the same object as last time, or an equal value for plain values
(numbers, strings, tuples of them). One-shot commands (`check`, `generate`, `build`) pass no Reuse.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

_VALUES = (int, float, str, bytes, frozenset, type(None))


def _same(old: Any, new: Any) -> bool:
    if old is new:
        return True
    if isinstance(old, tuple) and isinstance(new, tuple):
        return len(old) == len(new) and all(_same(a, b) for a, b in zip(old, new, strict=True))
    return isinstance(old, _VALUES) and type(old) is type(new) and old == new


class Reuse:
    """A memo of step results keyed by (step, key), valid while the step's inputs are the same."""

    def __init__(self) -> None:
        self._results: dict[tuple[str, Any], tuple[tuple, Any]] = {}
        # The render of the last successful generate (generator/pages/render.py's Rendered), which the next starts from.
        self.site: Any = None
        self.hits = self.misses = 0

    def lookup(self, step: str, key: Any, inputs: tuple) -> tuple[bool, Any]:
        """(True, result) when `step` ran for `key` on the same inputs before, else (False, None)."""
        found = self._results.get((step, key))
        if found is not None and _same(found[0], inputs):
            self.hits += 1
            return True, found[1]
        self.misses += 1
        return False, None

    def store(self, step: str, key: Any, inputs: tuple, result: Any) -> Any:
        """Remember `result` of `step` for `key` and these inputs; returns it."""
        self._results[(step, key)] = (inputs, result)
        return result

    def stable(self, name: str, value: Any) -> Any:
        """Last run's object if it equals `value`, else `value`: lets later steps compare by identity, at once."""
        found, previous = self.lookup("stable", name, (value,))
        return previous if found else self.store("stable", name, (value,), value)

    def get(self, step: str, key: Any, inputs: tuple, compute: Callable[[], Any]) -> Any:
        """The remembered result of `step` for `key` if its inputs are the same, else compute() remembered."""
        found, result = self.lookup(step, key, inputs)
        return result if found else self.store(step, key, inputs, compute())


class NoReuse(Reuse):
    """Computes everything and remembers nothing (one-shot commands)."""

    def stable(self, name: str, value: Any) -> Any:
        return value

    def lookup(self, step: str, key: Any, inputs: tuple) -> tuple[bool, Any]:
        return False, None

    def store(self, step: str, key: Any, inputs: tuple, result: Any) -> Any:
        return result
