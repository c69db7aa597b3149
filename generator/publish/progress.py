"""`pages done / total` on a terminal, for the long steps of a build."""

from __future__ import annotations

import os
import sys
import time


class Progress:
    """`pages done / total` on a terminal, silent when output is not a terminal (CI logs)."""

    def __init__(self, label: str, stream=None):
        self.label, self.stream = label, stream or sys.stderr
        self.enabled = self.stream.isatty() and not os.environ.get("CI")
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if self.enabled and (done == total or now - self.last > 0.1):
            self.last = now
            end = "\n" if done == total else ""
            self.stream.write(f"\r{self.label}: {done}/{total}{end}")
            self.stream.flush()
