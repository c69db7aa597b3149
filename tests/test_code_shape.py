"""The code says where things live: what a module offers others has a public name, functions stay short, the
command line uses argparse's public interface only."""

from __future__ import annotations

import ast
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
PACKAGE = PROJECT / "generator"
# Being rewritten elsewhere (the one reading of a report): their imports of private names go with the rewrite.
UNDER_REWRITE = ("generator/reading/", "generator/data/binding.py", "generator/editor/extract/")
# The command line, the pages and the publishing of the site; the data and the extractor are held to it as they
# are rewritten.
SHORT_FUNCTIONS = (
    "generator/publish/",
    "generator/pages/",
    "generator/cli.py",
    "generator/editor/commands.py",
    "generator/reuse.py",
    "generator/parallel.py",
)
LONGEST_FUNCTION = 60  # lines, its docstring included


def _modules() -> dict[str, Path]:
    """Every module of the package by its dotted name (a package by its own name, not `….__init__`)."""
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PROJECT).with_suffix("").parts
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return modules


def _absolute(module: str, node: ast.ImportFrom) -> str:
    """The dotted name an ImportFrom reads from, relative imports resolved against `module`."""
    if not node.level:
        return node.module or ""
    base = module.split(".")[: -node.level] if not module.endswith("__init__") else module.split(".")
    return ".".join([*base, *([node.module] if node.module else [])])


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_uses(path: Path, module: str, modules: dict[str, Path], root: Path = PROJECT) -> list[str]:
    """`file:line: name` for each private name this file takes from another module of the package: imported
    (`from generator.x import _name`), or read from an imported module (`x._name`)."""
    shown = path.relative_to(root).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found, module_names = [], {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name in modules and alias.asname:
                    module_names[alias.asname] = alias.name
                found += [f"{shown}:{node.lineno}: {alias.name}" for part in alias.name.split(".") if _private(part)]
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(module, node)
            if not source.startswith("generator"):
                continue
            for alias in node.names:
                if f"{source}.{alias.name}" in modules:  # a module imported from its package
                    module_names[alias.asname or alias.name] = f"{source}.{alias.name}"
                elif _private(alias.name) and source != module:
                    found.append(f"{shown}:{node.lineno}: {alias.name} from {source}")
    for node in ast.walk(tree):
        read_off = isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and _private(node.attr)
        if read_off and module_names.get(node.value.id, module) != module:
            found.append(f"{shown}:{node.lineno}: {node.attr} of {module_names[node.value.id]}")
    return found


def _private_uses(only=lambda shown: True) -> list[str]:
    modules = _modules()
    found = []
    for module, path in modules.items():
        if only(path.relative_to(PROJECT).as_posix()):
            found += private_uses(path, module, modules)
    return found


def test_no_private_name_is_taken_from_another_module():
    assert _private_uses() == []


def test_no_private_name_is_taken_from_another_module_outside_the_reading_rewrite():
    """Until the test above passes, the rest of the package is held to it on its own."""
    assert _private_uses(lambda shown: not shown.startswith(UNDER_REWRITE)) == []


def test_the_check_sees_a_private_import(tmp_path):
    """The AST check finds each way a private name can cross: imported by name, relatively, or read off a module."""
    package = tmp_path / "generator"
    (package / "pages").mkdir(parents=True)
    (package / "pages" / "__init__.py").write_text("")
    (package / "pages" / "render.py").write_text("def _helper():\n    return 1\n")
    (package / "pages" / "nav.py").write_text(
        "from generator.pages.render import _helper\n"
        "from .render import _helper as again\n"
        "from generator.pages import render\n"
        "value = render._helper()\n"
    )
    modules = {"generator.pages": package / "pages/__init__.py", "generator.pages.render": package / "pages/render.py"}
    found = private_uses(package / "pages" / "nav.py", "generator.pages.nav", modules, root=tmp_path)
    assert found == [
        "generator/pages/nav.py:1: _helper from generator.pages.render",
        "generator/pages/nav.py:2: _helper from generator.pages.render",
        "generator/pages/nav.py:4: _helper of generator.pages.render",
    ]


def test_functions_of_the_site_and_the_command_line_stay_short():
    long = []
    for path in sorted(PACKAGE.rglob("*.py")):
        shown = path.relative_to(PROJECT).as_posix()
        if not shown.startswith(SHORT_FUNCTIONS):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = node.end_lineno - node.lineno + 1
                if lines > LONGEST_FUNCTION:
                    long.append(f"{shown}:{node.lineno}: {node.name} has {lines} lines")
    assert long == []


def test_the_command_line_uses_no_argparse_internals():
    """Private attributes of argparse's objects (`_actions`, `_SubParsersAction`) may change in any Python release."""
    found = []
    for shown in ("generator/cli.py", "generator/editor/commands.py"):
        for node in ast.walk(ast.parse((PROJECT / shown).read_text(encoding="utf-8"))):
            own = isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "self"
            if isinstance(node, ast.Attribute) and _private(node.attr) and not own:
                found.append(f"{shown}:{node.lineno}: {node.attr}")
    assert found == []
