"""Editor commands (new, add-source, extract, score-extraction): registered on the `yearbook` CLI."""

from __future__ import annotations


def register(commands) -> None:
    """Add the editor subcommands to the `yearbook` argument parser."""
