"""The editor guide documents every command and every kind of error message."""

from __future__ import annotations

import ast
import re
import shlex
from pathlib import Path

from generator.cli import build_commands, build_parser

PROJECT = Path(__file__).resolve().parent.parent
GUIDE = (PROJECT / "docs" / "guide.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    return build_commands().leaves()


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


# --- the guide's examples, tested so they cannot drift ----------------------------------------

SCHEMA_LINE = re.compile(r"^# yaml-language-server: \$schema=(?:\.\./)+schemas/(\w+)\.schema\.json$")


def _blocks(language: str) -> list[str]:
    """The fenced code blocks of the guide in `language` (indented ones inside list items too), dedented."""
    blocks = []
    for match in re.finditer(rf"^( *)```{language}\n(.*?)^\1```$", GUIDE, re.MULTILINE | re.DOTALL):
        indent = len(match.group(1))
        blocks.append("".join(line[indent:] for line in match.group(2).splitlines(keepends=True)))
    return blocks


def test_every_yaml_example_in_the_guide_passes_its_schema(tmp_path):
    from generator.data.schema import check_schema
    from generator.data.yamlsafe import read_yaml

    blocks = _blocks("yaml")
    kinds = [SCHEMA_LINE.match(block.splitlines()[0]).group(1) for block in blocks]
    assert sorted(set(kinds)) == ["park", "source", "year"], "each example starts with its schema line"
    for index, (block, kind) in enumerate(zip(blocks, kinds, strict=True)):
        path = tmp_path / f"example-{index}.yaml"
        path.write_text(block, encoding="utf-8")
        document, problems = read_yaml(path, f"guide example {index + 1}")
        assert problems == [] and document is not None
        assert check_schema(document, kind) == [], block


def test_the_guide_year_example_passes_check_against_the_real_report(tmp_path, capsys):
    from generator.cli import main
    from tests.conftest import copy_project

    (example,) = [block for block in _blocks("yaml") if "year.schema.json" in block.splitlines()[0]]
    project = copy_project(tmp_path / "project")
    (project / "data" / "years" / "xinyu" / "2014.yaml").write_text(example, encoding="utf-8")
    assert main(["--data", str(project / "data"), "check"]) == 0, capsys.readouterr().err


def test_every_command_line_in_the_guide_parses():
    parser = build_parser()
    lines = [line.strip() for block in _blocks("bash") for line in block.splitlines()]
    commands = [line.split("  #")[0].strip() for line in lines if line.startswith("yearbook ")]
    assert len(commands) >= 3
    for command in commands:
        args = parser.parse_args(shlex.split(command)[1:])
        assert callable(args.run), command


def test_every_theme_in_use_is_named_in_the_guide():
    import yaml

    themes = set()
    for path in (PROJECT / "data" / "years").rglob("*.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        themes.update(fact["theme"] for fact in data.get("facts") or [])
    assert len(themes) > 5
    assert sorted(theme for theme in themes if theme not in GUIDE) == []


def test_every_theme_a_draft_gives_is_one_the_guide_lists():
    from generator.editor.extract.themes import THEMES

    listed = "".join(GUIDE[GUIDE.index("主题尽量沿用已有的") :].split("\n", 3)[1:3])  # the list's two lines
    assert [theme for theme in THEMES if theme not in listed] == []


def test_the_guide_lists_the_exit_codes_the_cli_uses():
    from generator.cli import EXAMPLES

    for code in ("`0`", "`1`", "`2`", "`130`"):
        assert code in GUIDE
    assert "exit status: 0" in EXAMPLES
