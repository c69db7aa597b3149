"""A report's archived text as HTML for its source page: numbered, linkable paragraphs, every quoted passage marked."""

from __future__ import annotations

import itertools
from collections import defaultdict

from markupsafe import escape

from generator.data.model import Source
from generator.pages.markup import quote_anchor


def source_body(source: Source, quoted_entries) -> str:
    """The report as HTML: a numbered, linkable paragraph each; every quoted passage a <mark> with its own anchor
    (`quote_anchor`), so a figure's link shows that passage alone among the others of its paragraph."""
    marks: dict[int, list[tuple[int, int, str]]] = defaultdict(list)
    for quote in dict.fromkeys(entry.origin.quote for entry in quoted_entries):
        anchor = quote_anchor(quote)
        for span in source.locate(quote):
            marks[span.paragraph].append((span.start, span.end, anchor))
    html = ['<div class="yb-source">']
    anchored: set[str] = set()  # a passage over several paragraphs (a table's rows) has its anchor once, on its first
    for index, text in enumerate(source.paragraphs):
        number = index + 1
        # No class on the paragraph: the stylesheet finds them as `.yb-source p` (3,560 reports × ~80 paragraphs).
        marked = _marked(text, marks.get(index, []), anchored)
        html.append(
            f'<p id="p{number}"><a class="yb-pnum" href="#p{number}" '
            f'title="第{number}段" aria-label="第{number}段">{number}</a>{marked}</p>'
        )
    html.append("</div>")
    return "\n".join(html)


def _marked(text: str, marks: list[tuple[int, int, str]], anchored: set[str]) -> str:
    """A paragraph's text with its quoted passages in <mark>: where passages overlap, the text is cut at every
    passage's start and end, and each piece lists the passages it belongs to (data-q); a passage's anchor stands
    on its first piece (`anchored`: the anchors already placed on the page). A piece that is a passage alone, with its
    anchor (most are), leaves data-q out: it would repeat the id, and the reader script
    (docs/assets/yearbook-reader.js) takes the id for it."""
    if not marks:
        return str(escape(text))
    cuts = sorted({0, len(text), *(start for start, _, _ in marks), *(end for _, end, _ in marks)})
    parts = []
    for start, end in itertools.pairwise(cuts):
        piece = escape(text[start:end])
        covering = [anchor for first, last, anchor in marks if first <= start and end <= last]
        if not covering:
            parts.append(str(piece))
            continue
        new = [anchor for anchor in dict.fromkeys(covering) if anchor not in anchored]
        anchored.update(new)
        ids = "".join(f'<span id="{escape(anchor)}" class="yb-q-anchor"></span>' for anchor in new[1:])
        mark_id = f' id="{escape(new[0])}"' if new else ""
        passages = list(dict.fromkeys(covering))
        data_q = "" if passages == new[:1] else f' data-q="{escape(" ".join(passages))}"'
        parts.append(f"{ids}<mark{mark_id}{data_q}>{piece}</mark>")
    return "".join(parts)
