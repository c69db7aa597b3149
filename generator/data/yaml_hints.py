"""What usually causes a YAML syntax error, and how to fix it, in an editor's words."""

from __future__ import annotations

import re

from generator.data.problems import Problem

_KEY_THEN_TEXT = re.compile(r"^\s*(?:-\s+)?([A-Za-z_][\w-]*):\s+\S")


def _quote_how(line: str) -> str:
    """How to quote the text of `line`, shown with its own field name."""
    key = _KEY_THEN_TEXT.match(line)
    return f'put the whole text in double quotes, e.g. {key[1] if key else "quote"}: "…" (write \\" for a " inside it)'


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def syntax_hint(problem: str, text: str, line: int) -> str:
    """' (…)': the usual cause of the parser's `problem` at `line` (1-based) of `text`, or ''."""
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    above = next((row for row in reversed(lines[: max(0, line - 1)]) if row.strip()), "")
    if "mapping values are not allowed" in problem:
        if _KEY_THEN_TEXT.match(here) and ": " in here.split(": ", 1)[1]:
            return f" (a ': ' inside unquoted text reads as a new field: {_quote_how(here)})"
        if ":" in here and _indent(here) > _indent(above):
            return " (this line is indented deeper than the field above it: line it up with its siblings)"
        if ":" not in above.split("#")[0] or not _KEY_THEN_TEXT.match(above):
            return f" (a field name needs ': ' after it; in text, a ': ' needs quotes: {_quote_how(here)})"
        return f" (a ': ' inside unquoted text reads as a new field: {_quote_how(here)})"
    if "tab character" in problem or "'\\t'" in problem:
        return " (indent with spaces, never tabs)"
    if "did not find expected '-' indicator" in problem or "did not find expected key" in problem:
        if re.search(r":\s*\"[^\"]*\"\s*[^\s#]", here) or re.search(r":\s*'[^']*'\s*[^\s#]", here):
            return " (text goes on after its closing quote: put the whole value inside the quotes)"
        return " (the indentation is off: entries of a list, and fields of an entry, start in the same column)"
    if "end of stream" in problem or "while scanning a quoted scalar" in problem:
        return " (a quote is opened and never closed: end the text with the same quote mark)"
    if "cannot start any token" in problem:
        return f" (text may not begin with @ or `: {_quote_how(here)})"
    if "did not find expected ',' or" in problem:
        return " (a [ … ] or { … } is not closed on its line, or text in it holds a ',': quote that text)"
    if "could not find expected ':'" in problem:
        return " (a field name needs ': ' after it; text that goes on to the next line must be indented or quoted)"
    return ""


# An unquoted quote or text followed by ' #': YAML drops the rest of the line as a comment, silently.
_CUT_BY_COMMENT = re.compile(r"^[ \t]*(?:-[ \t]+)?(quote|text)[ \t]*:[ \t]+(?![\"'|>])[^\n#]*?[ \t]#", re.MULTILINE)


def comment_cuts(document) -> list[Problem]:
    """Quotes and texts that YAML cut at an unquoted ' #' (the rest of the line read as a comment)."""
    from generator.data.schema import field_name  # schema reads through yamlsafe, which uses the hints above

    if " #" not in document.text and "\t#" not in document.text:
        return []
    problems = []
    for match in _CUT_BY_COMMENT.finditer(document.text):
        line = document.text.count("\n", 0, match.start()) + 1
        document.line(())  # map every value's line, to name the field on this one
        places = [place for place, at in document.lines.items() if at == line and place and place[-1] == match[1]]
        field = field_name(places[0]) if places else match[1]
        problems.append(
            Problem(
                document.path,
                line,
                field,
                "expected the whole text, found it cut at ' #' (YAML reads ' #' and the rest of the line as a "
                f'comment: put the whole {match[1]} in double quotes, e.g. {match[1]}: "…#…")',
            )
        )
    return problems
