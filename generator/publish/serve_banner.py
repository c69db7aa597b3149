"""The preview's banner: while the data has problems, every served page shows them above the last good site."""

from __future__ import annotations

import threading

from markupsafe import escape

BANNER_ID = "yb-preview-problems"


def banner_html(problems: list[str]) -> bytes:
    """The banner: a fixed box at the top of the page listing the problems, one `file:line: …` a line."""
    rows = "".join(f"<li><code>{escape(problem)}</code></li>" for problem in problems)
    style = (
        "position:fixed;top:0;left:0;right:0;z-index:10000;max-height:50vh;overflow:auto;margin:0;"
        "padding:.8em 1.2em;background:#b71c1c;color:#fff;font:14px/1.5 monospace;box-shadow:0 2px 8px #0006"
    )
    return (
        f'<div id="{BANNER_ID}" role="alert" style="{style}">'
        f"<strong>数据有 {len(problems)} 个问题,显示的是上一次成功构建的网站:</strong>"
        f'<ul style="margin:.4em 0 0;padding-left:1.2em">{rows}</ul></div>'
    ).encode()


class ProblemBanner:
    """A WSGI middleware around MkDocs' live-reload server that puts the banner into every HTML page it serves."""

    def __init__(self, app):
        self.app = app
        self._banner = b""
        self._lock = threading.Lock()

    def show(self, problems: list[str]) -> None:
        """Show these problems from the next page served on; none hides the banner."""
        with self._lock:
            self._banner = banner_html(problems) if problems else b""

    def __call__(self, environ, start_response):
        with self._lock:
            banner = self._banner
        if not banner:
            return self.app(environ, start_response)
        captured: dict = {}

        def capture(status, headers, exc_info=None):
            captured.update(status=status, headers=headers, exc_info=exc_info)
            return lambda data: None  # MkDocs' server returns its body; it never writes through this

        body = self.app(environ, capture)
        headers = captured.get("headers", [])
        if not any(name.lower() == "content-type" and value.startswith("text/html") for name, value in headers):
            start_response(captured["status"], headers, captured["exc_info"])
            return body
        try:
            content = b"".join(body)
        finally:
            if hasattr(body, "close"):
                body.close()
        at = content.find(b"<body")
        at = content.find(b">", at) + 1 if at >= 0 else 0
        content = content[:at] + banner + content[at:]
        headers = [(name, value) for name, value in headers if name.lower() != "content-length"]
        start_response(captured["status"], [*headers, ("Content-Length", str(len(content)))], captured["exc_info"])
        return [content]
