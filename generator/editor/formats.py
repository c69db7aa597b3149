"""Reports as they are published: the text of a saved web page, a PDF with a text layer, or a .docx.

The main text of a web page is found with trafilatura (navigation, related links and footer left
out); the page's own text, cell by cell, is kept apart for its metadata block (索引号, 发布机构, 成文日期).
A PDF is read page by page with pypdf; a .docx paragraph by paragraph and table by table (cells
separated by tabs, as the extractor reads tables) with python-docx.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", re.IGNORECASE)


class UnreadableReport(Exception):
    """A report file that cannot be read as its kind; the message says what was expected and found."""


@dataclass
class Report:
    """What a published report file gives: its text and, for a web page, the page's whole text."""

    text: str
    page_text: str = ""  # everything the page shows, where its metadata block is looked for


def _decode_html(raw: bytes) -> str:
    declared = _CHARSET.search(raw[:4096])
    for encoding in ([declared.group(1).decode("ascii")] if declared else []) + ["utf-8", "gb18030"]:
        try:
            return raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise UnreadableReport("expected a web page in UTF-8 or a declared charset, found undecodable bytes")


def _page_text(html: str) -> str:
    """The page's text with a line break after every block and table cell (for its metadata block)."""
    import lxml.html

    root = lxml.html.fromstring(html)
    for element in root.iter("script", "style"):
        element.text = ""
    for element in root.iter("p", "div", "td", "th", "tr", "li", "h1", "h2", "h3", "br", "table"):
        element.tail = "\n" + (element.tail or "")
    return root.text_content()


def read_html(raw: bytes) -> Report:
    import trafilatura

    html = _decode_html(raw)
    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True, deduplicate=False)
    if not text or not text.strip():
        raise UnreadableReport("expected a web page with a main text, found none")
    return Report(text, _page_text(html))


def read_pdf(path: Path) -> Report:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        pages = [page.extract_text() or "" for page in PdfReader(str(path)).pages]
    except (PdfReadError, OSError, ValueError) as error:
        raise UnreadableReport(f"expected a PDF, found {error}") from None
    text = "\n".join(pages)
    if not text.strip():
        raise UnreadableReport("expected a PDF with a text layer, found none (a scan needs OCR first)")
    return Report(text)


def read_docx(path: Path) -> Report:
    import zipfile

    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, PackageNotFoundError) as error:
        raise UnreadableReport(f"expected a Word .docx file, found {error}") from None
    lines = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, document).text)
        elif tag == "tbl":
            for row in Table(block, document).rows:
                lines.append("\t".join(cell.text.strip() for cell in row.cells))
    return Report("\n".join(lines))


def read_report(path: Path, raw: bytes) -> Report:
    """The text of a report file by its kind (suffix); plain text is decoded by the caller."""
    suffix = path.suffix.lower()
    if suffix in (".html", ".htm"):
        return read_html(raw)
    if suffix == ".pdf":
        return read_pdf(path)
    if suffix == ".docx":
        return read_docx(path)
    raise UnreadableReport(f"expected a file ending in {', '.join(SUFFIXES)}, found '{suffix or path.name}'")
