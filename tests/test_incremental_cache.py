"""generate with the cache folder (.cache/yearbook/) writes what a generate without it writes, whatever changed in
between and whatever state the cache is in."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from conftest import PROJECT, copy_project, generated_files

import generator.cache as cache_module
import generator.pages.render as render
from generator.cache import FOLDER
from generator.pages.address import site_url
from generator.pages.write import GENERATED
from generator.publish.generate import generate

YEAR = "data/years/xiamen-torch/2016.yaml"
REPORT = "data/sources/xiamen-torch-2016-work-report.txt"


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def templates(tmp_path, monkeypatch) -> Path:
    """An editable copy of site_templates/ that the generator renders from and its version is made of."""
    root = tmp_path / "generator-root"
    root.mkdir()
    for name in ("generator", "schemas", "requirements.lock"):
        (root / name).symlink_to(PROJECT / name)
    shutil.copytree(PROJECT / "site_templates", root / "site_templates")
    monkeypatch.setattr(cache_module, "_ROOT", root)
    monkeypatch.setattr(render, "TEMPLATE_DIR", root / "site_templates")
    cache_module.generator_version.cache_clear()
    render.environment.cache_clear()
    yield root / "site_templates"
    cache_module.generator_version.cache_clear()
    render.environment.cache_clear()


def _edit_template(templates: Path) -> None:
    page = templates / "park_year.md.j2"
    page.write_text(page.read_text(encoding="utf-8") + "\n<!-- edited -->\n", encoding="utf-8")
    cache_module.generator_version.cache_clear()  # a new process sees the new version; this one is told


EDITS = {
    # A figure corrected: its value, the quote and summary that state it, and the report it is quoted from.
    "a value": lambda p, t: [_replace(p / path, "2145.69", "2145.96") for path in (YEAR, REPORT)],
    "a report's text": lambda p, t: _replace(p / REPORT, "厦门火炬高新区2016年", "前言。\n\n厦门火炬高新区2016年"),
    "a template": lambda p, t: _edit_template(t),
    "the indicator catalogue": lambda p, t: _replace(
        p / "data/indicators.yaml", "在本年内生产的工业产品总量", "在一年内生产的工业产品总量"
    ),
    "a park's name in every page's menu": lambda p, t: _replace(
        p / "data/parks/xiamen-torch.yaml", "short_name: 厦门火炬高新区", "short_name: 厦门火炬高技术区"
    ),
}


def _cold(tmp_path: Path, project: Path) -> tuple[dict[str, bytes], list]:
    """What generate without the cache writes from `project`'s data, in a project of its own."""
    cold = copy_project(tmp_path / "cold", data=project / "data")
    _, nav, _ = generate(cold, cache=False)
    assert not (cold / FOLDER).exists()
    return generated_files(cold / "docs"), nav


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_a_cached_generate_after_an_edit_writes_what_a_cold_one_writes(tmp_path, templates, edit):
    project = copy_project(tmp_path / "yearbook")
    generate(project)
    before = generated_files(project / "docs")
    again, _, _ = generate(project)
    assert again.written == () and again.removed == ()

    EDITS[edit](project, templates)
    report, nav, _ = generate(project)
    after = generated_files(project / "docs")
    assert report.written  # the edit shows somewhere
    assert set(report.written) == {path for path in after if before.get(path) != after[path]}
    cold, cold_nav = _cold(tmp_path, project)
    assert after == cold  # every file, byte for byte, not only those the edit was expected to touch
    assert nav == cold_nav


def test_an_edit_renders_only_the_pages_that_show_it(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "yearbook")
    generate(project)
    rendered: list[set[str] | None] = []
    original = render.render_pages
    monkeypatch.setattr(render, "render_pages", lambda yb, only=None: rendered.append(only) or original(yb, only))
    EDITS["a value"](project, None)
    generate(project)
    (only,) = rendered
    assert only is not None and "parks/xiamen-torch/2016.md" in only
    assert not any(page.startswith(("parks/xinyu/", "sources/xinyu")) for page in only)
    assert len(only) < len(generated_files(project / "docs")) / 3


def test_only_the_changed_year_file_is_proved_again(tmp_path, monkeypatch):
    import generator.data.validate as validate

    project = copy_project(tmp_path / "yearbook")
    generate(project)
    proved: list[str] = []
    original = validate._check_year
    monkeypatch.setattr(
        validate, "_check_year", lambda document, *rest: proved.append(document.path) or original(document, *rest)
    )
    generate(project)
    assert proved == []  # nothing changed
    EDITS["a value"](project, None)
    generate(project)
    assert proved == [YEAR]


def test_an_emptied_docs_folder_is_filled_from_the_cache(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "yearbook")
    generate(project)
    expected = generated_files(project / "docs")
    for root in GENERATED:
        target = project / "docs" / root
        shutil.rmtree(target) if target.is_dir() else target.unlink(missing_ok=True)
    (project / "docs" / "parks").mkdir()
    (project / "docs" / "parks" / "stray.md").write_text("left over\n", encoding="utf-8")
    monkeypatch.setattr(render, "render_pages", _refuse)  # nothing changed: nothing is rendered
    report, _, _ = generate(project)
    assert generated_files(project / "docs") == expected
    assert report.removed == ("parks/stray.md",)


def _refuse(*args, **kwargs):
    raise AssertionError("rendered although nothing changed")


def _corrupt_state(cache: Path) -> None:
    state = cache / "state.json"
    data = bytearray(state.read_bytes())
    data[len(data) // 2] ^= 0x01  # one bit, which JSON may well still read
    state.write_bytes(bytes(data))


def _foreign_state(cache: Path) -> None:
    """A well-formed record, checksum and all, made under another key (another generator or site address)."""
    state = cache / "state.json"
    _, _, body = state.read_bytes().partition(b"\n")
    record = json.loads(body)
    record["key"] = "0" * 64
    body = json.dumps(record).encode()
    state.write_bytes(cache_module.hashlib.sha256(body).hexdigest().encode() + b"\n" + body)


def _tampered_files(cache: Path) -> None:
    for path in sorted((cache / "files").rglob("*"))[:400]:
        if path.is_file():
            path.write_bytes(b"not what its name says\n")


def _tampered_proofs(cache: Path) -> None:
    """Proofs that say every file is sound, under the right key but a wrong checksum."""
    proofs = cache / "proofs.json"
    checksum, _, body = proofs.read_bytes().partition(b"\n")
    proofs.write_bytes(checksum + b"\n" + body.replace(b'"data":{', b'"data":{"x":[],', 1))


def _tampered_parsed(cache: Path) -> None:
    """The kept data of every YAML file with another name for a park (on every page's menu)."""
    records = [path for path in (cache / "parsed.json", cache / "parsed-recent.json") if path.is_file()]
    assert records
    for path in records:
        checksum, _, body = path.read_bytes().partition(b"\n")
        path.write_bytes(checksum + b"\n" + body.replace("厦门火炬高新区".encode(), "厦门火炬高技术区".encode()))


def _tampered_downloads(cache: Path) -> None:
    """Each park's download parts swapped for another park's, checksums and all: the records, then their texts."""
    for pattern in ("*.json", "*.bin"):
        records = sorted((cache / "downloads").glob(pattern))
        assert len(records) > 1
        contents = [path.read_bytes() for path in records]
        for path, content in zip(records, contents[1:] + contents[:1], strict=True):
            path.write_bytes(content)


@pytest.mark.parametrize(
    "damage",
    [_corrupt_state, _foreign_state, _tampered_files, _tampered_proofs, _tampered_parsed, _tampered_downloads],
)
def test_a_damaged_cache_is_ignored(tmp_path, damage):
    project = copy_project(tmp_path / "yearbook")
    generate(project)
    EDITS["a value"](project, None)
    damage(project / FOLDER)
    for root in GENERATED:  # docs/ gone too: every file must come from somewhere sound
        target = project / "docs" / root
        shutil.rmtree(target) if target.is_dir() else target.unlink(missing_ok=True)
    _, nav, _ = generate(project)
    cold, cold_nav = _cold(tmp_path, project)
    assert generated_files(project / "docs") == cold and nav == cold_nav


def test_a_proof_that_failed_is_not_kept_as_a_pass(tmp_path):
    from generator.data.problems import DataError

    project = copy_project(tmp_path / "yearbook")
    generate(project)
    _replace(project / YEAR, "value: 2145.69", "value: 2145.96")  # the report still says 2145.69
    for _ in range(2):
        with pytest.raises(DataError, match="problem"):
            generate(project)


def test_the_cache_can_be_turned_off(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "yearbook")
    monkeypatch.setenv(cache_module.OFF, "1")
    generate(project)
    assert not (project / FOLDER).exists()
    monkeypatch.delenv(cache_module.OFF)
    generate(project, cache=False)
    assert not (project / FOLDER).exists()
    generate(project)
    assert (project / FOLDER / "state.json").is_file()


def test_the_cache_folder_is_ignored_by_git():
    ignored = (PROJECT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert ".cache/" in ignored or "/.cache/" in ignored
    assert os.fspath(FOLDER).startswith(".cache")


def test_an_edit_that_keeps_a_files_size_and_time_is_seen(tmp_path, monkeypatch):
    import generator.publish.incremental as incremental

    monkeypatch.setattr(incremental, "_RACY_NS", 0)  # every stamp recorded is trusted, however recent
    project = copy_project(tmp_path / "yearbook")
    generate(project)
    generate(project)
    for path in (YEAR, REPORT):  # the same number of bytes, the same modification time
        before = os.stat(project / path)
        _replace(project / path, "2145.69", "2145.96")
        assert os.stat(project / path).st_size == before.st_size
        os.utime(project / path, ns=(before.st_atime_ns, before.st_mtime_ns))
    report, nav, _ = generate(project)
    assert report.written
    cold, cold_nav = _cold(tmp_path, project)
    assert generated_files(project / "docs") == cold and nav == cold_nav


def test_files_whose_stamp_was_recorded_are_not_hashed_again(tmp_path, monkeypatch):
    import generator.publish.incremental as incremental

    project = copy_project(tmp_path / "yearbook")
    generate(project)
    state = incremental.read_state(cache_module.Cache(project, site_url()))
    hashed: list[bytes] = []
    original = incremental.hashlib.sha256
    monkeypatch.setattr(incremental.hashlib, "sha256", lambda data=b"": hashed.append(data) or original(data))
    monkeypatch.setattr(incremental, "_RACY_NS", 10**18)  # every file changed too close to the run to be trusted
    assert incremental.inputs_of(project / "data", state).shas == state["inputs"]
    assert len(hashed) == len(state["inputs"])
    hashed.clear()
    monkeypatch.setattr(incremental, "_RACY_NS", 0)
    found = incremental.inputs_of(project / "data", state)
    assert hashed == [] and found.shas == state["inputs"]


def test_parsed_data_is_kept_in_a_big_record_and_a_recent_one(tmp_path):
    cache = cache_module.Cache(tmp_path, "site")
    texts = [f"n: {n}\n" for n in range(100)]
    first = cache_module.Parsed(cache)
    for n, text in enumerate(texts):
        assert first.recall(text) is None
        first.remember(text, {"n": n})
    first.keep()  # more than the recent record holds: all in the big one
    assert len(cache.read("parsed")) == 100 and cache.read("parsed-recent") == {}
    second = cache_module.Parsed(cache)
    for n, text in enumerate(texts[:-1]):
        assert second.recall(text) == {"n": n}
    second.remember("n: edited\n", {"n": "edited"})
    second.keep()  # one text new, one no longer read: only the recent record is written
    assert len(cache.read("parsed")) == 100 and cache.read("parsed-recent") == {
        cache_module.Parsed._name("n: edited\n"): {"n": "edited"}
    }
    third = cache_module.Parsed(cache)
    assert third.recall("n: edited\n") == {"n": "edited"}
    for text in texts[:30]:
        third.recall(text)
    third.keep()  # most texts no longer read: the big record made again with those read
    assert len(cache.read("parsed")) == 31 and cache.read("parsed-recent") == {}
    assert cache_module.Parsed(cache).recall(texts[-1]) is None
