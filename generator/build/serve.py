"""`yearbook serve`: MkDocs' live-reload server over a site whose first build runs in parallel like `yearbook build`.

`mkdocs serve` builds into a new temporary folder in one process, which takes minutes for a large yearbook.
Here the first build generates once and renders one share of the pages per CPU into `.serve-site/`; after that
MkDocs' own server watches the files and each edit triggers a dirty rebuild, in which the hook regenerates only
what the edit touched and MkDocs renders only the pages the generator rewrote.
"""

from __future__ import annotations

import gc
import logging
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

from generator.build.build import PREGENERATED, Progress, Serving, build_shares, generate
from generator.reuse import Reuse

SERVE_DIR = ".serve-site"  # in the project folder; git-ignored


def serve(project: Path, dev_addr: str | None = None) -> int:
    """Build the site in parallel, then serve it with live reload until interrupted; returns the exit status."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer, _serve_url

    site_dir = project / SERVE_DIR
    options = {"dev_addr": dev_addr} if dev_addr else {}

    def get_config():
        # Dirty rebuilds make MkDocs warn every time, so strict mode is off here; `yearbook build` stays strict.
        return load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=False, **options)

    config = get_config()
    config.plugins.on_startup(command="serve", dirty=True)
    host, port = config.dev_addr
    serve_url = _serve_url(host, port, urlsplit(config.site_url or "/").path)
    _quiet_dirty_warning()

    reuse = Serving.reuse.setdefault(str(project), Reuse())
    _, nav = generate(project, Progress("generate"), reuse)
    gc.freeze()  # the kept results stay out of the cycle collector's passes (see the hook)
    reuse.nav = nav
    shutil.rmtree(site_dir, ignore_errors=True)
    PREGENERATED[str(project)] = nav  # the shares use this run's pages instead of generating again
    try:
        failures = build_shares(config)
    finally:
        del PREGENERATED[str(project)]
    if failures:
        print(f"site build failed: {failures[0]}", file=sys.stderr)
        return 1

    def builder(config=None):
        config = config or get_config()
        config.site_url = serve_url
        build(config, serve_url=serve_url, dirty=True)

    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(site_dir))

    def error_page(code: int) -> bytes | None:
        """As under `mkdocs serve`: a missing page shows the site's own 404 page."""
        page = site_dir / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_page
    _watch(server, [config.docs_dir, config.config_file_path, *config.watch])
    server = config.plugins.on_serve(server, config=config, builder=builder)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        config.plugins.on_shutdown()
    return 0


def _watch(server, paths: list[str]) -> None:
    """Watch `paths` with the system's file events, or by polling where they are not available.

    MkDocs polls every file twice a second; with tens of thousands of data and page files that polling takes
    the CPU the rebuild needs, in the same process.
    """
    import watchdog.observers
    import watchdog.observers.polling

    server.observer = watchdog.observers.Observer()
    try:
        for path in paths:
            server.watch(path)
    except OSError as error:  # e.g. the inotify watch limit: fall back to MkDocs' own polling
        logging.getLogger("mkdocs.yearbook").info(f"Watching by polling ({error})")
        server.observer.unschedule_all()
        server.observer = watchdog.observers.polling.PollingObserver(timeout=0.5)
        server._watched_paths.clear()  # MkDocs is pinned: its server's bookkeeping of watched paths
        server._watch_refs.clear()
        for path in paths:
            server.watch(path)


def _quiet_dirty_warning() -> None:
    """MkDocs warns on every dirty build that menus may be stale; the hook keeps them right, so show info only."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s - %(message)s")

    class NoDirtyWarning(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            return "'dirty' build" not in record.getMessage()

    logging.getLogger("mkdocs.commands.build").addFilter(NoDirtyWarning())
