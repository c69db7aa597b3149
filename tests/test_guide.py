"""The editor guide documents every command and every kind of error message."""

from __future__ import annotations

import argparse
import ast
import re
from pathlib import Path

from generator.cli import build_parser

PROJECT = Path(__file__).resolve().parent.parent
GUIDE = (PROJECT / "docs" / "guide.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    parser = build_parser()
    names = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                nested = [a for a in sub._actions if isinstance(a, argparse._SubParsersAction)]
                names += [f"{name} {child}" for a in nested for child in a.choices] or [name]
    return names


def _message_stems() -> set[str]:
    """The fixed opening of every 'expected …' message the generator can print."""
    stems = set()
    for path in (PROJECT / "generator").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            first = None
            if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
                first = node.values[0].value
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                first = node.value
            if isinstance(first, str) and first.startswith("expected ") and len(first) > len("expected "):
                # The words up to the first value that varies, trimmed to whole words.
                stem = re.split(r"[{'(]|, found", first)[0].strip().rstrip(",:")
                if len(stem) > len("expected"):
                    stems.add(stem)
    return stems


def test_every_command_is_in_the_guide():
    commands = _commands()
    assert {"check", "coverage", "generate", "build"} <= {c.split()[0] for c in commands}
    missing = [c for c in commands if f"yearbook {c}" not in GUIDE]
    assert missing == []


def test_every_error_message_is_explained_in_the_guide():
    stems = _message_stems()
    assert len(stems) > 15
    missing = sorted(stem for stem in stems if stem not in GUIDE)
    assert missing == []
