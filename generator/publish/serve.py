"""`yearbook serve`: MkDocs' live-reload server over a site whose first build runs in parallel like `yearbook build`.

`mkdocs serve` builds into a new temporary folder in one process, which takes minutes for a large yearbook.
Here the first build generates once and renders one share of the pages per CPU into `.serve-site/`; after that
MkDocs' own server watches the files and each edit triggers a dirty rebuild, in which the plugin regenerates only
what the edit touched and MkDocs renders only the pages the generator rewrote. What the rebuilds keep from one
to the next is a Preview, handed to the yearbook's plugin of every config loaded.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import watchdog.events
import watchdog.observers
import watchdog.observers.polling

from generator.data.problems import DataError
from generator.pages.write import GENERATED
from generator.publish.build import build_shares
from generator.publish.guard import project_lock
from generator.publish.plugin import Preview, yearbook_plugin
from generator.publish.progress import Progress
from generator.publish.serve_banner import ProblemBanner

_LOG = logging.getLogger("mkdocs.yearbook")

SERVE_DIR = ".serve-site"  # in the project folder; git-ignored
_COMPLETE = ".complete"  # written into the served folder when a first build ends: a whole site to start on
_BUILDING = SERVE_DIR + ".building"  # beside it while a first build runs next to the last good site (bench/serve_live)


def serve(project: Path, dev_addr: str | None = None) -> int:
    """Build the site in parallel, then serve it with live reload until interrupted; returns the exit status."""
    return _LivePreview(project, dev_addr).run()


class _LivePreview:
    """One `yearbook serve`: the config of each build, the first build in parallel, the rebuilds, the server."""

    def __init__(self, project: Path, dev_addr: str | None):
        self.project = project
        self.site_dir = project / SERVE_DIR
        self.options = {"dev_addr": dev_addr} if dev_addr else {}
        self.preview = Preview(project)  # what each rebuild keeps for the next, handed to the plugin of every config
        self.serve_url = ""
        self.banner: ProblemBanner | None = None
        self.building = threading.Lock()  # held by the first build beside the last good site, and by each rebuild

    def config(self, nav: list | None = None, site_dir: Path | None = None):
        """mkdocs.yml for a build of the preview (`nav`: of pages generated already)."""
        from mkdocs.config import load_config

        # Dirty rebuilds make MkDocs warn every time, so strict mode is off here; `yearbook build` stays strict.
        config = load_config(
            str(self.project / "mkdocs.yml"), site_dir=str(site_dir or self.site_dir), strict=False, **self.options
        )
        yearbook_plugin(config).configure(nav=nav, preview=self.preview)
        return config

    def run(self) -> int:
        """Build once in parallel, then serve with live reload until interrupted."""
        from mkdocs.livereload import LiveReloadServer

        config = self.config()
        config.plugins.on_startup(command="serve", dirty=True)
        host, port = config.dev_addr
        mount_path = ("/" + urlsplit(config.site_url or "/").path.lstrip("/")).rstrip("/") + "/"
        self.serve_url = f"http://{host}:{port}{mount_path}"  # as `mkdocs serve` makes it
        _quiet_dirty_warning()
        last_good = (self.site_dir / _COMPLETE).is_file()
        if not last_good and not self.first_build():
            return 1
        server = LiveReloadServer(builder=self.rebuild, host=host, port=port, root=str(self.site_dir))
        self.banner = ProblemBanner(server.get_app())
        server.set_app(self.banner)
        if last_good:
            # The site the last preview left, served at once; the first build runs beside it and takes its place
            # when done (an edit meanwhile waits for it), then the browsers reload.
            _LOG.info("Serving the last good site while the first build runs")
            self.site_dir.with_name(_BUILDING).touch()  # there until it ends, before any page answers
            self.first = threading.Thread(target=self.first_build_beside, args=(server,), daemon=True)
            self.first.start()
        server.error_handler = self.error_page
        generated = tuple(os.path.join(config.docs_dir, root) for root in GENERATED)
        _watch(server, [config.docs_dir, config.config_file_path, *config.watch], ignored=generated)
        server = config.plugins.on_serve(server, config=config, builder=self.rebuild)
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
            config.plugins.on_shutdown()
        return 0

    def first_build(self, site_dir: Path | None = None) -> bool:
        """Generate, then build every page in parallel into `site_dir` (the served folder by default), marked whole
        when done; False (having said why) when it fails."""
        site_dir = site_dir or self.site_dir
        _, nav, _ = self.preview.regenerate(Progress("generate"))
        shutil.rmtree(site_dir, ignore_errors=True)
        failures = build_shares(self.config(nav, site_dir))  # the shares use this run's pages, not generating again
        if failures:
            print(f"site build failed: {failures[0]}", file=sys.stderr)
            return False
        (site_dir / _COMPLETE).write_text("the first build of a preview ended here\n", encoding="utf-8")
        return True

    def first_build_beside(self, server) -> None:
        """The first build into a folder of its own while the last good site is served; swapped in when done, then
        the browsers reload. Data with problems leaves the last good site served, with the problems over it."""
        staging = self.site_dir.with_name(SERVE_DIR + ".next")
        building = self.site_dir.with_name(_BUILDING)
        try:
            self._build_and_swap(staging)
        finally:
            building.unlink(missing_ok=True)
        with server._epoch_cond:  # as MkDocs does after a rebuild: the browsers' next poll reloads the page
            server._wanted_epoch = server._visible_epoch = time.monotonic_ns() // 1_000_000
            server._epoch_cond.notify_all()

    def _build_and_swap(self, staging: Path) -> None:
        """Build into `staging`, then put it in the served folder's place (the server reads the folder by name)."""
        with self.building, project_lock(self.project):
            try:
                built = self.first_build(staging)
            except DataError as error:
                _LOG.error(f"{error}\nServing the last good site until the problems are fixed")
                self.banner.show(self.preview.problems)
                return
            if not built:
                return
            old = self.site_dir.with_name(SERVE_DIR + ".old")
            shutil.rmtree(old, ignore_errors=True)
            self.site_dir.rename(old)  # the server reads the folder by its name: the new one answers from here on
            staging.rename(self.site_dir)
            shutil.rmtree(old, ignore_errors=True)

    def rebuild(self, config=None) -> None:
        """One rebuild; data with problems leaves the last good site served, with the problems over every page."""
        from mkdocs.commands.build import build
        from mkdocs.exceptions import Abort, PluginError

        with self.building:  # a first build running beside the last good site ends first
            self._rebuild(config, build, Abort, PluginError)

    def _rebuild(self, config, build, Abort, PluginError) -> None:
        """One dirty MkDocs build of the served folder."""
        try:
            with project_lock(self.project):
                config = config or self.config()
                config.site_url = self.serve_url
                build(config, serve_url=self.serve_url, dirty=True)
        except (PluginError, Abort) as error:
            # MkDocs has logged the problems, one `file:line: …` a line; the browser shows them over every page.
            _LOG.error("Serving the last good site until the problems are fixed")
            self.banner.show(self.preview.problems or [str(error)])
            return  # the server goes on serving what it has: a page answers at once instead of waiting
        self.banner.show([])

    def error_page(self, code: int) -> bytes | None:
        """As under `mkdocs serve`: a missing page shows the site's own 404 page."""
        page = self.site_dir / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None


# What an edit does to a file. Reading a file is an event too (opened, closed without writing), and every rebuild
# reads files: counting those made one edit rebuild forever. Attribute changes (touch) are left out as well.
CHANGE_EVENTS = [
    watchdog.events.FileCreatedEvent,
    watchdog.events.FileModifiedEvent,
    watchdog.events.FileDeletedEvent,
    watchdog.events.FileMovedEvent,
    watchdog.events.DirCreatedEvent,
    watchdog.events.DirDeletedEvent,
    watchdog.events.DirMovedEvent,
]


class _OutsideOf(watchdog.events.FileSystemEventHandler):
    """Passes on the events of files outside `ignored` (folders whose files the rebuild itself writes)."""

    def __init__(self, handler, ignored: tuple[str, ...]):
        self.handler, self.ignored = handler, ignored

    def dispatch(self, event) -> None:
        paths = [os.fsdecode(event.src_path), os.fsdecode(getattr(event, "dest_path", "") or "")]
        if not all(self._ignored(path) for path in paths if path):
            self.handler.dispatch(event)

    def _ignored(self, path: str) -> bool:
        return any(path == folder or path.startswith(folder + os.sep) for folder in self.ignored)


def _changes_only(observer_class):
    """`observer_class` reporting only changes, and none of the files under its `ignored` folders."""

    class ChangesOnly(observer_class):
        def __init__(self, *args, ignored: tuple[str, ...] = (), **kwargs):
            super().__init__(*args, **kwargs)
            self.ignored = ignored

        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, **options):
            handler = _OutsideOf(event_handler, self.ignored) if self.ignored else event_handler
            filters = event_filter or CHANGE_EVENTS
            return super().schedule(handler, path, recursive=recursive, event_filter=filters, **options)

    ChangesOnly.__name__ = ChangesOnly.__qualname__ = f"ChangesOnly{observer_class.__name__}"
    return ChangesOnly


ChangeObserver = _changes_only(watchdog.observers.Observer)
PollingChangeObserver = _changes_only(watchdog.observers.polling.PollingObserver)


def _watch(server, paths: list[str], ignored: tuple[str, ...] = ()) -> None:
    """Watch `paths` with the system's file events, or by polling where they are not available.

    MkDocs polls every file twice a second; with tens of thousands of data and page files that polling takes
    the CPU the rebuild needs, in the same process. Whether file events can watch every path (inotify has a
    limit of watches) is tried on an observer of our own first, so the server's observer is chosen once.
    Changes under `ignored` (the generated folders of docs/, which each rebuild writes itself) start no rebuild:
    one edit, one rebuild.
    """
    probe = ChangeObserver()
    try:
        for path in paths:
            probe.schedule(watchdog.events.FileSystemEventHandler(), path, recursive=True)
        server.observer = ChangeObserver(ignored=ignored)
    except OSError as error:  # e.g. the inotify watch limit: fall back to polling (changes only, by nature)
        logging.getLogger("mkdocs.yearbook").info(f"Watching by polling ({error})")
        server.observer = PollingChangeObserver(timeout=0.5, ignored=ignored)
    finally:
        probe.unschedule_all()
    for path in paths:
        server.watch(path)


def _quiet_dirty_warning() -> None:
    """MkDocs warns on every dirty build that menus may be stale; the plugin keeps them right, so show info only."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s - %(message)s")

    class NoDirtyWarning(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            return "'dirty' build" not in record.getMessage()

    logging.getLogger("mkdocs.commands.build").addFilter(NoDirtyWarning())
