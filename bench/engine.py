"""The engine after Material: the corpus's generated docs/ built by Zensical beside the yearbook's MkDocs build.

    python -m venv .venv-zensical && .venv-zensical/bin/pip install zensical   # once; never in the project's venv
    python bench/engine.py --parks 5 --years 3          # a quick look (a few minutes)
    python bench/engine.py                              # 178 parks × 20 years (about a quarter of an hour here)
    python bench/engine.py --no-mkdocs                  # … the MkDocs side from run.py's last results at that size

Four parts, each stage a subprocess timed from outside with its peak memory from wait4 (run.py's run_stage):

1. Which overrides work, on the small corpus (--probe-parks × --probe-years): mkdocs.yml as it is, then the
   yearbook's menu with each file of overrides/ alone (builds? changes the pages? its mark?), and the menu
   Zensical makes itself when it has none.
2. MkDocs: a cold `yearbook build` of the corpus (generate, MkDocs in shares, volumes, Pagefind), its own split.
3. Zensical on the same generated docs/, in a project folder of its own (bench/out/engine-<P>x<Y>-seed<S>/: docs/
   hard-linked, so Zensical's cache, which `--clean` wipes with the whole .cache/, stays away from the yearbook's),
   with the menu the yearbook plugin would install (nav, not_in_nav) and the overrides that build: cold (no
   cache), then again with nothing changed, then the yearbook's Pagefind index over its HTML.
4. What the two sites hold: pages, bytes, the primary navigation, the articles (Markdown extensions, links)
   compared page by page, Zensical's own search index.

Writes bench/out/engine.json (and engine-<P>x<Y>.json) and prints a table. See bench/README.md, "The engine
after Material".
"""

from __future__ import annotations

import argparse
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import unquote

import yaml

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import run  # noqa: E402  (the corpus, the stages and the page measures are run.py's)

PROJECT, OUT = run.PROJECT, run.OUT
DEFAULT_ZENSICAL = PROJECT / ".venv-zensical" / "bin" / "zensical"
SITE_MKDOCS, SITE_ZENSICAL = "site", "site-zensical"

# Each override with the files it needs, a mark in the built output showing it took effect ((page, text) or None),
# and an edit that leaves out what Zensical cannot render ((file, text removed) or None), to see what else works.
CITE_INCLUDE = ("main.html", '{% include "partials/cite.html" %}')
# `language: zh-CN` needs it (neither Material nor Zensical has a zh-CN file): every probe below includes it.
LANGUAGE = "partials/languages/zh-CN.html"
OVERRIDE_UNITS = [
    ("main.html + partials/cite.html (as they are)", ["main.html", "partials/cite.html"],
     ("park-year", "引用本页"), None),
    ("main.html without its cite include", ["main.html"], ("park-year", 'property="og:site_name"'), CITE_INCLUDE),
    ("404.html", ["404.html"], ("404", "找不到这个页面"), None),
    ("partials/nav-item.html", ["partials/nav-item.html"], None, None),
    ("partials/javascripts/palette.html", ["partials/javascripts/palette.html"],
     ("park-year", "nextElementSibling.hidden"), None),
]  # fmt: skip
ARTICLE_FEATURES = {  # what the site's Markdown extensions put in an article, counted in both sites
    "tables": "<table",
    "footnote references": 'class="footnote-ref"',
    "footnote lists": 'class="footnote"',
    "details": "<details",
    "heading permalinks": 'class="headerlink"',
    "admonitions": 'class="admonition',
    "raw-block markers left": "yb:raw",
}


# Zensical ------------------------------------------------------------------------------------------------


def zensical_project(project: Path) -> Path:
    """A project folder for Zensical beside the corpus: docs/ hard-linked (the same bytes), the overrides copied."""
    folder = project.with_name(project.name.replace("corpus-", "engine-"))
    shutil.rmtree(folder / "docs", ignore_errors=True)
    folder.mkdir(exist_ok=True)
    shutil.copytree(project / "docs", folder / "docs", copy_function=os.link)
    shutil.rmtree(folder / "overrides", ignore_errors=True)
    shutil.copytree(PROJECT / "overrides", folder / "overrides")
    return folder


def write_config(folder: Path, name: str, custom_dir: str | None, menu: dict | None) -> str:
    """mkdocs.yml as the repository has it, with Zensical's own site_dir and `custom_dir`; with a `menu` (the nav
    and not_in_nav the plugin would install) also Zensical's `classic` theme variant, the look of Material that the
    site's CSS is written for (its default, `modern`, is another look); returns the file's name."""
    text = (PROJECT / "mkdocs.yml").read_text(encoding="utf-8")
    if menu:
        text, found = re.subn(r"^(\s*)name: material$", r"\g<0>\n\g<1>variant: classic", text, count=1, flags=re.M)
        if not found:
            raise run.StageError("mkdocs.yml:1: theme: expected `name: material`, found none")
    for key, value in (("site_dir", SITE_ZENSICAL), ("custom_dir", custom_dir)):
        pattern = re.compile(rf"^(\s*){key}: .*$", re.M)
        if not pattern.search(text):
            raise run.StageError(f"mkdocs.yml:1: {key}: expected a line `{key}: …`, found none")
        replacement = rf"\g<1>{key}: {value}" if value else ""
        text = pattern.sub(replacement, text, count=1)
    if menu:
        text += "\n" + yaml.safe_dump(menu, allow_unicode=True, sort_keys=False, width=1000)
    (folder / name).write_text(text, encoding="utf-8")
    return name


def menu_of(project: Path) -> dict:
    """The nav and not_in_nav the yearbook plugin installs (generator/publish/plugin.py on_config), read in a child
    (it reads the whole yearbook) and handed over in a file."""
    handover = project / ".engine-menu.json"
    code = (
        "import json; from pathlib import Path\n"
        "from generator.data.pipeline import read_yearbook\n"
        "from generator.pages.nav import site_nav\n"
        "from generator.pages.kinds import off_menu_patterns\n"
        "menu = {'nav': site_nav(read_yearbook(Path('data'))), 'not_in_nav': '\\n'.join(off_menu_patterns())}\n"
        f"Path({str(handover)!r}).write_text(json.dumps(menu, ensure_ascii=False), encoding='utf-8')"
    )
    run.run_stage("the yearbook's menu (read the data)", [sys.executable, "-c", code], project)
    menu = json.loads(handover.read_text(encoding="utf-8"))
    handover.unlink()
    return menu


def zensical_build(zensical: Path, folder: Path, config: str, label: str, cold: bool) -> dict:
    """One `zensical build`; cold: without its cache (what `--clean` removes: the folder's whole .cache/)."""
    if cold:
        shutil.rmtree(folder / ".cache", ignore_errors=True)
        shutil.rmtree(folder / SITE_ZENSICAL, ignore_errors=True)
    command = [str(zensical), "build", "-f", config]
    env = {"NO_COLOR": "1", "CLICOLOR": "0"}
    try:
        stage = run.run_stage(f"zensical build ({label})", command, folder, env)
    except run.StageError as error:
        return {"ok": False, "error": _first_error(str(error))}
    return {"ok": True, **{k: stage[k] for k in ("seconds", "cpu_seconds", "peak_rss_bytes")}}


def _plain(text: str) -> str:
    return re.sub(r"\x1b\[[0-9;]*m", "", text)


def _first_error(text: str) -> str:
    """The line that says why a build failed (a template error, a configuration error), else the last line."""
    lines = [line.strip() for line in _plain(text).splitlines() if line.strip()]
    for line in lines:
        if re.match(r"(RuntimeError|Error|ConfigurationError|zensical\.config\.ConfigurationError)\b", line):
            return line[:400]
    return lines[-1][:400] if lines else ""


def zensical_version(zensical: Path) -> str:
    result = subprocess.run([str(zensical), "--version"], capture_output=True, text=True, check=False)
    return result.stdout.strip() or result.stderr.strip()


# Pages compared ------------------------------------------------------------------------------------------


def _article(html: str) -> str:
    spans = run.element_spans(html, '<article class="md-content__inner', "article")
    return html[spans[0][0] : spans[0][1]] if spans else ""


def _normal(html: str) -> str:
    """The article without what only one engine adds (Zensical's skip anchor, the raw-block markers the plugin
    removes, the citation block), whitespace between tags dropped and runs of whitespace made one space."""
    html = re.sub(r'<a id="__skip" tabindex="-1">\s*</a>|<!-- /?yb:raw -->', "", html)
    html = re.sub(r'<details class="yb-cite".*?</details>', "", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


VOLUME = re.compile(r"(^|/)yearbook-\d+\.pdf$")  # the printed volumes: `yearbook build` adds them, not the engine


def _links_resolved(article: str, relative: str) -> str:
    """The article with each relative link replaced by the site path it leads to (above the root clamped, as a
    browser does), so that two ways of writing the same link compare alike."""
    base = posixpath.dirname(relative)

    def resolved(match: re.Match) -> str:
        href = match.group(1)
        if re.match(r"[a-z]+:|/|#", href):
            return match.group(0)
        path, _, anchor = href.partition("#")
        target = re.sub(r"^(\.\./)+", "", posixpath.normpath(posixpath.join(base, unquote(path))))
        return f'href="/{target}{"#" + anchor if anchor else ""}"'

    return re.sub(r'href="([^"]*)"', resolved, article)


def check_links(site: Path, relative: str, article: str) -> tuple[int, int, int]:
    """The article's relative links, but to the printed volumes: (how many, how many lead to no file of the site,
    how many climb above the site's root, which a browser forgives at the root of a host but not under a folder)."""
    base = posixpath.dirname(relative)
    count = broken = above = 0
    for href in re.findall(r'href="([^"#]+)', article):
        if re.match(r"[a-z]+:|/", href) or VOLUME.search(href):
            continue
        count += 1
        depth = len([part for part in base.split("/") if part])
        climbs = len(re.match(r"(\.\./)*", href).group()) // 3
        above += climbs > depth
        target = posixpath.normpath(posixpath.join(base, unquote(href))).lstrip("./")
        target = re.sub(r"^(\.\./)+", "", target)
        path = site / target
        broken += not (path.is_file() or (path / "index.html").is_file())
    return count, broken, above


def _primary_nav_links(html: str) -> list[str]:
    spans = run.element_spans(html, '<nav class="md-nav md-nav--primary"', "nav")
    return re.findall(r'<a href="([^"]*)"', html[spans[0][0] : spans[0][1]]) if spans else []


def _menu_pages(html: str, relative: str) -> set[str]:
    """The pages the primary navigation leads to, as paths under the site (a page's own headings left out)."""
    base = posixpath.dirname(relative)
    hrefs = [href.split("#")[0] for href in _primary_nav_links(html) if not href.startswith("#")]
    return {posixpath.normpath(posixpath.join(base, unquote(href))) for href in hrefs}


def sample_pages(site: Path, per_kind: int = 40) -> list[str]:
    """Up to `per_kind` pages of each kind (every n-th, in path order), as paths under the site."""
    kinds: dict[str, list[str]] = {}
    for path in sorted(site.rglob("index.html")):
        relative = path.relative_to(site).as_posix()
        kinds.setdefault(run.page_kind(relative), []).append(relative)
    chosen = []
    for pages in kinds.values():
        step = max(1, len(pages) // per_kind)
        chosen += pages[::step][:per_kind]
    return chosen


def compare_sites(mkdocs_site: Path, zensical_site: Path) -> dict:
    """Per sampled page: the article alike (whitespace aside)? The primary nav's links alike? The extensions'
    marks counted in each."""
    pages = sample_pages(mkdocs_site)
    same_article, same_but_links, same_nav, missing, differing = 0, 0, 0, [], []
    features = {name: [0, 0] for name in ARTICLE_FEATURES}
    nav_links = [0, 0]
    links = {"mkdocs": [0, 0, 0], "zensical": [0, 0, 0]}
    broken_examples: list[str] = []
    for relative in pages:
        other = zensical_site / relative
        if not other.is_file():
            missing.append(relative)
            continue
        first, second = (mkdocs_site / relative).read_text("utf-8"), other.read_text("utf-8")
        articles = _article(first), _article(second)
        if _normal(articles[0]) == _normal(articles[1]):
            same_article += 1
        elif _normal(_links_resolved(articles[0], relative)) == _normal(_links_resolved(articles[1], relative)):
            same_but_links += 1
        elif len(differing) < 5:
            differing.append(relative)
        for side, site, article in (("mkdocs", mkdocs_site, articles[0]), ("zensical", zensical_site, articles[1])):
            counted = check_links(site, relative, article)
            links[side] = [a + b for a, b in zip(links[side], counted, strict=True)]
            if side == "zensical" and counted[1] and len(broken_examples) < 5:
                broken_examples.append(relative)
        for name, mark in ARTICLE_FEATURES.items():
            for side in (0, 1):
                features[name][side] += articles[side].count(mark)
        navs = _menu_pages(first, relative), _menu_pages(second, relative)
        same_nav += navs[0] == navs[1]
        nav_links[0] += len(navs[0])
        nav_links[1] += len(navs[1])
    return {
        "pages_compared": len(pages),
        "missing_in_zensical": missing[:20],
        "missing_count": len(missing),
        "articles_alike": same_article,
        "articles_alike_but_the_form_of_links": same_but_links,
        "articles_differing_examples": differing,
        "primary_nav_alike": same_nav,
        "menu_pages": {"mkdocs": nav_links[0], "zensical": nav_links[1]},
        "article_features": {name: {"mkdocs": a, "zensical": b} for name, (a, b) in features.items()},
        "article_links": {
            side: dict(zip(("relative", "broken", "above_root"), v, strict=True)) for side, v in links.items()
        },
        "broken_link_examples": broken_examples,
    }


def site_summary(site: Path, sample: tuple[str, int]) -> dict:
    """Pages, bytes, the sample park-year page and the search files of a built site."""
    files = [p for p in site.rglob("*") if p.is_file()]
    page = site / f"parks/{sample[0]}/{sample[1]}/index.html"
    entry = site / "pagefind" / "pagefind-entry.json"
    pagefind_pages = None
    if entry.is_file():
        languages = json.loads(entry.read_text(encoding="utf-8")).get("languages", {})
        pagefind_pages = sum(language.get("page_count", 0) for language in languages.values())
    builtin_index = (site / "search.json", site / "search" / "search_index.json")  # Zensical's, Material's
    sample_html = page.read_text(encoding="utf-8") if page.is_file() else ""
    lazy_bundle = re.search(r'data-bundle="[^"]*?(assets/javascripts/bundle\.[0-9a-f]+\.min\.js)"', sample_html)
    return {
        "html_pages": sum(1 for p in files if p.suffix == ".html"),
        "site_bytes": sum(p.stat().st_size for p in files),
        "park_year_page": run.page_breakdown(page) if page.is_file() else None,
        "builtin_search_index_bytes": sum(p.stat().st_size for p in builtin_index if p.is_file()),
        "pagefind_pages": pagefind_pages,
        "material_bundle_named_by_overrides": lazy_bundle.group(1) if lazy_bundle else None,
        "material_bundle_present": bool(lazy_bundle and (site / lazy_bundle.group(1)).is_file()),
        "bundles": sorted(p.name for p in (site / "assets/javascripts").glob("bundle.*.min.js")),
    }


def pagefind_over(site: Path, project: Path) -> dict:
    """The yearbook's search index (generator/publish/search_index.py) built over `site`, in a child."""
    code = (
        "from pathlib import Path; from generator.publish.search_index import index_site; "
        f"index_site(Path({str(site)!r}))"
    )
    try:
        stage = run.run_stage("Pagefind over Zensical's site", [sys.executable, "-c", code], project)
    except run.StageError as error:
        return {"ok": False, "error": _first_error(str(error))}
    return {"ok": True, "seconds": stage["seconds"], "peak_rss_bytes": stage["peak_rss_bytes"]}


# Overrides, one at a time --------------------------------------------------------------------------------


def probe_overrides(zensical: Path, args) -> dict:
    """On the small corpus: Zensical with mkdocs.yml as is, with no overrides, and with each override alone."""
    small = argparse.Namespace(parks=args.probe_parks, years=args.probe_years, seed=args.seed, fresh_corpus=False)
    project, _ = run.ensure_corpus(small)
    run.run_stage("generate (small corpus)", [sys.executable, "-m", "generator", "--data", "data", "generate"], project)
    folder = zensical_project(project)
    menu = menu_of(project)
    parks = sorted(p.stem for p in (project / "data/parks").glob("*.yaml"))
    sample = (parks[0], max(int(p.stem) for p in (project / f"data/years/{parks[0]}").glob("*.yaml")))
    pages = {"park-year": f"parks/{sample[0]}/{sample[1]}/index.html", "404": "404.html", "home": "index.html"}

    def built(config: str, label: str) -> tuple[dict, dict[str, str]]:
        result = zensical_build(zensical, folder, config, label, cold=True)
        site = folder / SITE_ZENSICAL
        html = {k: (site / p).read_text("utf-8") if (site / p).is_file() else "" for k, p in pages.items()}
        return result, html

    results = {}
    as_is, html = built(write_config(folder, "as-is.yml", "overrides", None), "mkdocs.yml as is")
    results["as_is"] = as_is
    bare, _ = built(write_config(folder, "no-overrides.yml", None, menu), "menu, no overrides")
    results["menu_no_overrides"] = bare
    copy_overrides(folder / "overrides-unit", [LANGUAGE])
    language, bare_html = built(write_config(folder, "unit.yml", "overrides-unit", menu), "menu, language file")
    results["menu_language_only"] = {**language, "mark_found": '<html lang="zh-CN"' in bare_html["park-year"]}
    units = []
    for label, files, mark, edit in OVERRIDE_UNITS:
        copy_overrides(folder / "overrides-unit", [LANGUAGE, *files], edit)
        result, html = built(write_config(folder, "unit.yml", "overrides-unit", menu), label)
        entry = {"override": label, "files": files, "edited": bool(edit), "builds": result["ok"],
                 "error": result.get("error")}  # fmt: skip
        if result["ok"]:
            entry["changes_output"] = any(html[k] != bare_html[k] for k in pages)
            entry["mark_found"] = (mark[1] in html[mark[0]]) if mark else None
        units.append(entry)
    covered = {LANGUAGE} | {name for _, files, _, _ in OVERRIDE_UNITS for name in files}
    overrides = PROJECT / "overrides"
    present = {p.relative_to(overrides).as_posix() for p in overrides.rglob("*") if p.is_file()}
    results["units"] = units
    results["overrides_not_probed"] = sorted(present - covered)
    # The menu Zensical makes itself (the plugin does not run): from the file tree, with the overrides that build.
    names, edit = working_set(units)
    copy_overrides(folder / "overrides-unit", names, edit)
    _, html = built(write_config(folder, "unit.yml", "overrides-unit", menu), "menu, working overrides")
    html_with_menu = html["park-year"]
    with_menu = _menu_pages(html_with_menu, pages["park-year"])
    no_menu, html = built(write_config(folder, "no-menu.yml", "overrides-unit", None), "no menu, working overrides")
    own = _menu_pages(html["park-year"], pages["park-year"])
    off_menu = [page for page in own if re.match(r"(parks/[^/]+/(\d+|sources)|sources/.+|indicators/[^/]+/\d+)$", page)]
    results["no_menu"] = {**no_menu, "menu_pages_on_park_year_page": len(own),
                          "with_the_yearbooks_menu": len(with_menu), "off_menu_pages_shown": len(off_menu),
                          "park_year_page_bytes": len(html["park-year"].encode()),
                          "park_year_page_bytes_with_menu": len(html_with_menu.encode())}  # fmt: skip
    return results


def copy_overrides(target: Path, names: list[str], edit: tuple[str, str] | None = None) -> str:
    """A custom_dir holding `names` of overrides/, with `edit`'s text removed from its file; returns its name."""
    shutil.rmtree(target, ignore_errors=True)
    for name in names:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        text = (PROJECT / "overrides" / name).read_text(encoding="utf-8")
        if edit and edit[0] == name:
            if edit[1] not in text:
                raise run.StageError(f"overrides/{name}:1: expected `{edit[1]}`, found it missing")
            text = text.replace(edit[1], "")
        (target / name).write_text(text, encoding="utf-8")
    return target.name


def working_set(units: list[dict]) -> tuple[list[str], tuple[str, str] | None]:
    """The overrides that build under Zensical, and the edit to make when a file builds only edited."""
    names: set[str] = {LANGUAGE}
    as_they_are: set[str] = {LANGUAGE}
    edit = None
    for (_, files, _, unit_edit), unit in zip(OVERRIDE_UNITS, units, strict=True):
        if unit["builds"]:
            names.update(files)
            if unit_edit:
                edit = unit_edit
            else:
                as_they_are.update(files)
    if edit and edit[0] in as_they_are:
        edit = None
    return sorted(names), edit


# Main ----------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.RawTextHelpFormatter)
    parser.add_argument("--parks", type=int, default=178, help="parks in the corpus (default 178)")
    parser.add_argument("--years", type=int, default=20, help="years per park (default 20)")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    parser.add_argument(
        "--zensical",
        type=Path,
        default=DEFAULT_ZENSICAL,
        help="the zensical command (default .venv-zensical/bin/zensical)",
    )
    parser.add_argument("--probe-parks", type=int, default=5, help="parks of the corpus the overrides are probed on")
    parser.add_argument("--probe-years", type=int, default=3, help="years of that corpus")
    parser.add_argument(
        "--no-mkdocs", action="store_true", help="no yearbook build: its site/ and run.py's last results at this size"
    )
    parser.add_argument(
        "--compare-only", action="store_true", help="compare the two sites already built again, with the saved results"
    )
    parser.add_argument("--as-is", action="store_true", help="also build mkdocs.yml as is at full size (no menu)")
    args = parser.parse_args(argv)
    args.fresh_corpus = False  # run.py's option: the corpus is remade only when its maker or parameters change
    if args.compare_only:
        return compare_again(args)
    if not args.zensical.is_file():
        print(
            f"{args.zensical}: zensical: expected the command, found nothing; install it apart from the project:\n"
            f"  python -m venv .venv-zensical && .venv-zensical/bin/pip install zensical",
            file=sys.stderr,
        )
        return 2
    OUT.mkdir(exist_ok=True)
    started = time.perf_counter()
    results: dict = {
        "command": " ".join(["python", "bench/engine.py", *(argv if argv is not None else sys.argv[1:])]),
        "zensical_version": zensical_version(args.zensical),
        "git": run.git_state(),
        "load_average_at_start": os.getloadavg(),
    }
    print(f"zensical {results['zensical_version']}; overrides one at a time on {args.probe_parks} × {args.probe_years}")
    results["overrides"] = probe_overrides(args.zensical, args)

    project, counts = run.ensure_corpus(args)
    results["corpus"] = {"path": str(project.relative_to(PROJECT)), **counts}
    parks = sorted(p.stem for p in (project / "data/parks").glob("*.yaml"))
    sample = (parks[0], max(int(p.stem) for p in (project / f"data/years/{parks[0]}").glob("*.yaml")))
    if not args.no_mkdocs:
        run.clean(project)
        build = [sys.executable, "-m", "generator", "--data", "data", "build"]
        stage = run.run_stage("yearbook build (MkDocs)", build, project)
        last_line = stage["stdout"].splitlines()[-1]
        split = dict(re.findall(r"(generate|mkdocs|volumes|search index) ([0-9.]+) s", last_line))
        results["mkdocs"] = {
            "yearbook_build_s": stage["seconds"],
            "cpu_seconds": stage["cpu_seconds"],
            "peak_rss_bytes": stage["peak_rss_bytes"],
            "split_s": {k: float(v) for k, v in split.items()},
        }
    else:
        if not (project / SITE_MKDOCS).is_dir():
            raise run.StageError(f"{project / SITE_MKDOCS}: expected a built site (--no-mkdocs), found none")
        results["mkdocs"] = mkdocs_from_run(args)
    folder = zensical_project(project)
    menu = menu_of(project)
    names, edit = working_set(results["overrides"]["units"])
    custom_dir = copy_overrides(folder / "overrides-working", names, edit)
    config = write_config(folder, "zensical.yml", custom_dir, menu)
    results["zensical"] = {
        "config": f"{folder.relative_to(PROJECT)}/{config}",
        "overrides_used": names,
        "override_edit": edit,
        "cold": zensical_build(args.zensical, folder, config, "menu, working overrides, cold", cold=True),
    }
    if results["zensical"]["cold"]["ok"]:
        site = folder / SITE_ZENSICAL
        # Zensical's every build removes what it did not write from its site_dir (a Pagefind index included), so
        # the rebuild with nothing changed comes first, then the search index over what it left.
        results["zensical"]["warm"] = zensical_build(args.zensical, folder, config, "nothing changed", cold=False)
        results["zensical"]["pagefind"] = pagefind_over(site, project)
        results["zensical"]["site"] = site_summary(site, sample)
        results["zensical"]["site_with_pagefind_bytes"] = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
        results["mkdocs_site"] = site_summary(project / SITE_MKDOCS, sample)
        results["compared"] = compare_sites(project / SITE_MKDOCS, site)
    if args.as_is:
        as_is = write_config(folder, "as-is.yml", "overrides", None)
        results["zensical"]["as_is"] = zensical_build(args.zensical, folder, as_is, "mkdocs.yml as is", cold=True)
    results["seconds_for_benchmark"] = round(time.perf_counter() - started, 1)
    results["load_average_at_end"] = os.getloadavg()
    report = table(results)
    print(report)
    run.write_results("engine", results, report, f"{args.parks}x{args.years}")
    return 0


def compare_again(args) -> int:
    """The page-by-page comparison of the two sites already built, into the saved results, and the table again."""
    saved = OUT / f"engine-{args.parks}x{args.years}.json"
    results = json.loads(saved.read_text(encoding="utf-8"))
    project = PROJECT / results["corpus"]["path"]
    folder = project.with_name(project.name.replace("corpus-", "engine-"))
    results["compared"] = compare_sites(project / SITE_MKDOCS, folder / SITE_ZENSICAL)
    report = table(results)
    print(report)
    saved.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    saved.with_suffix(".txt").write_text(report + "\n", encoding="utf-8")
    return 0


def mkdocs_from_run(args) -> dict:
    """The cold `yearbook build` of run.py's last run at this size (bench/out/results-<P>x<Y>.json), if any."""
    saved = OUT / f"results-{args.parks}x{args.years}.json"
    if not saved.is_file():
        return {}
    data = json.loads(saved.read_text(encoding="utf-8"))
    cold = data["runs"][0]
    split = {"generate": None, "mkdocs": cold.get("mkdocs_build_s"), "volumes": cold.get("volumes_s"),
             "search index": cold.get("search_index_s")}  # fmt: skip
    return {"from": f"{saved.relative_to(PROJECT)} ({data['command']}, at {data['git_at_start']['head']})",
            "yearbook_build_s": cold["yearbook_build_s"], "peak_rss_bytes": cold["yearbook_build_rss"],
            "split_s": split}  # fmt: skip


def table(results: dict) -> str:
    """The comparison, then what works and what does not."""
    human = run._human
    mk, zen = results.get("mkdocs", {}), results["zensical"]
    cold, warm = zen["cold"], zen.get("warm", {})
    split = mk.get("split_s", {})
    ms, zs = results.get("mkdocs_site", {}), zen.get("site", {})
    mp, zp = ms.get("park_year_page") or {}, zs.get("park_year_page") or {}
    rows = [
        ("build of the generated docs/ (wall)", split.get("mkdocs"), cold.get("seconds"), "s",
         "MkDocs: its part of `yearbook build` (one share per CPU); Zensical: cold, no cache"),
        ("  … CPU time", None, cold.get("cpu_seconds"), "s", "MkDocs' shares are inside the build's CPU below"),
        ("  … again, nothing changed", None, warm.get("seconds"), "s", "Zensical's cache (.cache/)"),
        ("peak memory of the build", mk.get("peak_rss_bytes"), cold.get("peak_rss_bytes"), "B",
         "MkDocs: the whole `yearbook build` (Pagefind included)"),
        ("yearbook build, end to end", mk.get("yearbook_build_s"), None, "s",
         "generate {generate} s, volumes {volumes} s, search index {search index} s".format(
             **{k: split.get(k) or "—" for k in ("generate", "volumes", "search index")})),
        ("Pagefind over the built site", split.get("search index"), zen.get("pagefind", {}).get("seconds"), "s",
         "the yearbook's search index, generator/publish/search_index.py"),
        ("pages indexed by Pagefind", ms.get("pagefind_pages"), zs.get("pagefind_pages"), "", ""),
        ("HTML pages", ms.get("html_pages"), zs.get("html_pages"), "", ""),
        ("built site", ms.get("site_bytes"), zen.get("site_with_pagefind_bytes"), "B",
         "both with the Pagefind index; Zensical's with its own search.json too"),
        ("engine's own search index (one file)", ms.get("builtin_search_index_bytes") or None,
         zs.get("builtin_search_index_bytes"), "B", "downloaded whole for a first search"),
        ("park-year page", mp.get("total"), zp.get("total"), "B", ""),
        ("  … primary nav", mp.get("nav_primary"), zp.get("nav_primary"), "B", ""),
        ("  … article", mp.get("article"), zp.get("article"), "B", ""),
    ]  # fmt: skip
    lines = [
        f"zensical {results['zensical_version']} beside the yearbook's MkDocs build; corpus "
        f"{results['corpus']['path']}" + (f"; MkDocs numbers from {mk['from']}" if mk.get("from") else ""),
        "",
        f"{'':<40} {'MkDocs':>10} {'Zensical':>10}  note",
        "-" * 100,
    ]
    for label, a, b, unit, note in rows:
        lines.append(f"{label:<40} {human(a, unit):>10} {human(b, unit):>10}  {note}")
    if not cold.get("ok"):
        lines.append(f"Zensical's build failed: {cold.get('error')}")
    compared = results.get("compared")
    if compared:
        n = compared["pages_compared"]
        examples = compared["articles_differing_examples"][:3]
        links = compared["menu_pages"]
        lines += [
            "",
            f"pages compared (up to 40 of each kind): {n}; missing in Zensical's site: {compared['missing_count']}",
            f"  article alike (whitespace aside): {compared['articles_alike']} of {n}; alike once links are resolved "
            f"to the page they lead to: {compared['articles_alike_but_the_form_of_links']} more"
            + (f"; differing otherwise, e.g. {', '.join(examples)}" if examples else ""),
            f"  primary navigation leads to the same pages: {compared['primary_nav_alike']} of {n} "
            f"(pages linked, summed: MkDocs {links['mkdocs']}, Zensical {links['zensical']})",
            "  Markdown extensions, marks counted in those articles (MkDocs / Zensical):",
        ]
        lines += [f"    {k:<26} {v['mkdocs']:>8} {v['zensical']:>8}" for k, v in compared["article_features"].items()]
        for side, counted in compared["article_links"].items():
            lines.append(
                f"  relative links in those articles, {side}: {counted['relative']}, leading nowhere "
                f"{counted['broken']}, climbing above the site's root {counted['above_root']}"
            )
        if compared["broken_link_examples"]:
            lines.append(f"  e.g. on {', '.join(compared['broken_link_examples'][:3])}")
    if zs:
        lines += [
            "",
            f"Material's bundle the overrides load lazily: {zs['material_bundle_named_by_overrides']} "
            f"(in Zensical's site: {'yes' if zs['material_bundle_present'] else 'no'}; "
            f"its bundle: {', '.join(zs['bundles'])})",
        ]
    probe = results["overrides"]
    as_is, no_menu = probe["as_is"], probe["no_menu"]
    lines += [
        "",
        "overrides, each alone on the small corpus (with the yearbook's menu):",
        "  mkdocs.yml as is (no menu: the plugin does not run): "
        + ("builds" if as_is["ok"] else f"fails: {as_is['error']}"),
        "  no menu, the overrides that build: "
        + (
            f"the menu of the park-year page leads to {no_menu['menu_pages_on_park_year_page']} pages "
            f"({no_menu['off_menu_pages_shown']} of them pages the yearbook keeps off its menu), against "
            f"{no_menu['with_the_yearbooks_menu']} with the yearbook's menu; the page "
            f"{run._human(no_menu['park_year_page_bytes'], 'B')} against "
            f"{run._human(no_menu['park_year_page_bytes_with_menu'], 'B')}"
            if no_menu["ok"]
            else f"fails: {no_menu['error']}"
        ),
        "  no overrides, with the menu: "
        + ("builds" if probe["menu_no_overrides"]["ok"] else f"fails: {probe['menu_no_overrides']['error']}"),
        f"  {LANGUAGE} (with the menu; in every probe below): "
        + ("builds" if probe["menu_language_only"]["ok"] else f"fails: {probe['menu_language_only']['error']}")
        + f"; page marked zh-CN: {'yes' if probe['menu_language_only'].get('mark_found') else 'no'}",
    ]
    for unit in probe["units"]:
        state = (
            f"builds; changes the pages: {'yes' if unit['changes_output'] else 'no'}"
            + ("" if unit["mark_found"] is None else f"; its mark: {'found' if unit['mark_found'] else 'missing'}")
            if unit["builds"]
            else f"fails: {unit['error']}"
        )
        lines.append(f"  {unit['override']:<55} {state}")
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
