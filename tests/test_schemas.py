"""The JSON Schemas serve editors: Chinese titles and descriptions, completion examples current with data/,
every real file valid as editors' YAML 1.1 tools read it, and the editor settings that use them."""

from __future__ import annotations

import fnmatch
import json
import re
import shutil
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from generator.cli import main
from generator.data.load import load
from generator.editor.schema_examples import PLACES, updated_schemas, vocabulary

PROJECT = Path(__file__).resolve().parent.parent
SCHEMAS = PROJECT / "schemas"
CJK = re.compile(r"[\u4e00-\u9fff]")
KIND_OF = {"indicators.yaml": "indicators", "parks": "park", "sources": "source", "years": "year"}


def _fields(node: dict, path: str = ""):
    """Every field schema (name path, schema) under `node`."""
    if isinstance(node.get("items"), dict):
        yield from _fields(node["items"], path)
    for name, child in node.get("properties", {}).items():
        yield f"{path}{name}", child
        yield from _fields(child, f"{path}{name}.")


def test_examples_are_current_with_the_data():
    current = updated_schemas(SCHEMAS, vocabulary(load(PROJECT / "data")))
    stale = [path.name for path, text in current.items() if path.read_text(encoding="utf-8") != text]
    assert stale == [], "run `yearbook schemas` and commit schemas/"


def test_examples_offer_the_ids_themes_and_units_in_use():
    year = json.loads((SCHEMAS / "year.schema.json").read_text(encoding="utf-8"))
    entry = year["properties"]["indicators"]["items"]["properties"]
    assert "gdp" in entry["id"]["examples"]
    assert "xinyu-2014-work-summary" in entry["source"]["examples"]
    parks = year["properties"]["park"]["examples"]
    assert {"xiamen-torch", "xinyu"} <= set(parks) and parks == sorted(parks)
    assert "招商引资" in year["properties"]["facts"]["items"]["properties"]["theme"]["examples"]
    assert len(PLACES) >= 10


def test_every_field_has_a_chinese_title_and_description():
    for path in sorted(SCHEMAS.glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert CJK.search(schema["title"]) and CJK.search(schema["description"]), path.name
        for name, field in _fields(schema):
            assert field.get("title"), f"{path.name}: {name} has no title"
            assert CJK.search(field.get("description", "")), f"{path.name}: {name} has no Chinese description"


def test_every_real_file_passes_its_schema_as_yaml_1_1_tools_read_it():
    # Editors' language servers read YAML 1.1: an unquoted 2017-02-03 is a date there, and the schema wants text.
    validators = {
        kind: Draft202012Validator(json.loads((SCHEMAS / f"{kind}.schema.json").read_text(encoding="utf-8")))
        for kind in KIND_OF.values()
    }
    files = sorted((PROJECT / "data").rglob("*.yaml"))
    assert len(files) > 10
    for path in files:
        kind = KIND_OF[path.relative_to(PROJECT / "data").parts[0]]
        errors = [e.message for e in validators[kind].iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))]
        assert errors == [], path


def test_schemas_command_reports_and_refreshes_stale_examples(tmp_path, capsys):
    shutil.copytree(PROJECT / "data", tmp_path / "data")
    shutil.copytree(SCHEMAS, tmp_path / "schemas")
    park = (tmp_path / "data" / "parks" / "xinyu.yaml").read_text(encoding="utf-8")
    (tmp_path / "data" / "parks" / "zz-new.yaml").write_text(park.replace("id: xinyu", "id: zz-new"), "utf-8")
    data = str(tmp_path / "data")
    assert main(["--data", data, "schemas", "--check"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "schemas/source.schema.json: expected examples current with data/, found them out of date (run yearbook "
        "schemas)",
        "schemas/year.schema.json: expected examples current with data/, found them out of date (run yearbook schemas)",
    ]
    assert main(["--data", data, "schemas"]) == 0
    assert main(["--data", data, "schemas", "--check"]) == 0
    year = json.loads((tmp_path / "schemas" / "year.schema.json").read_text(encoding="utf-8"))
    parks = year["properties"]["park"]["examples"]
    assert {"xiamen-torch", "xinyu", "zz-new"} <= set(parks) and parks == sorted(parks)


def test_vscode_settings_map_every_schema_and_recommend_the_yaml_extension():
    settings = json.loads((PROJECT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = settings["yaml.schemas"]
    assert sorted(Path(schema).name for schema in mapped) == sorted(p.name for p in SCHEMAS.glob("*.json"))
    for schema, pattern in mapped.items():
        assert (PROJECT / schema).is_file()
        matched = [
            p for p in (PROJECT / "data").rglob("*.yaml") if fnmatch.fnmatch(p.relative_to(PROJECT).as_posix(), pattern)
        ]
        assert matched, pattern
    extensions = json.loads((PROJECT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]
