"""CI runs what the README runs, deploys without cancelling a deployment, and sets site_url from Pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

PROJECT = Path(__file__).resolve().parent.parent
WORKFLOW = yaml.safe_load((PROJECT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
JOBS = WORKFLOW["jobs"]
# The major versions current when the workflow was last reviewed: an older one is a step back.
CURRENT = {
    "actions/checkout": 7,
    "actions/setup-python": 7,
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
    "actions/cache": 6,  # v6.0.0 (2026): ESM, Node 24; the inputs used here unchanged since v4
}


def _runs(job: dict) -> str:
    return "\n".join(step.get("run", "") for step in job["steps"])


def test_pull_requests_run_the_readme_test_command():
    triggers = WORKFLOW[True] if True in WORKFLOW else WORKFLOW["on"]  # YAML 1.1 reads the key `on` as true
    assert "pull_request" in triggers
    test = JOBS["test"]
    assert "if" not in test  # runs on pull requests and on main
    assert "bash .ci/run" in _runs(test)
    assert "./scripts/test" in (PROJECT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert "./scripts/test" in readme


def test_deploying_never_cancels_a_deployment_in_progress():
    assert "concurrency" not in WORKFLOW or not WORKFLOW["concurrency"].get("cancel-in-progress")
    deploy = JOBS["deploy"]
    assert deploy["concurrency"]["cancel-in-progress"] is False
    assert JOBS["build"]["needs"] == "test" and deploy["needs"] == "build"


def test_the_site_is_built_with_the_pages_address():
    steps = JOBS["build"]["steps"]
    pages = next(step for step in steps if step.get("uses", "").startswith("actions/configure-pages@"))
    build = next(step for step in steps if "yearbook build" in step.get("run", ""))
    assert f"steps.{pages['id']}.outputs.base_url" in build["env"]["YEARBOOK_SITE_URL"]


def test_every_job_has_a_timeout_and_current_actions():
    for name, job in JOBS.items():
        assert 0 < job["timeout-minutes"] <= 90, name
        for step in job["steps"]:
            if "uses" in step:
                action, version = step["uses"].split("@")
                assert action in CURRENT, action
                assert int(re.match(r"v(\d+)", version).group(1)) >= CURRENT[action], step["uses"]


@pytest.mark.parametrize(
    ("folder", "input_files"),
    [(".cache/yearbook", "data/**"), (".cache/search", "data/sources/**"), (".cache/pages", "data/**")],
)
def test_the_build_keeps_the_cache_folders_between_runs(folder, input_files):
    """.cache/yearbook (proofs and generated files, generator/cache.py), .cache/search (the search indexes) and
    .cache/pages (the built HTML, generator/publish/built_pages.py) are restored before the build, from the newest
    cache when no exact one exists: their entries are keyed by their inputs, so an older one is safe."""
    steps = JOBS["build"]["steps"]
    build = next(n for n, step in enumerate(steps) if "yearbook build" in step.get("run", ""))
    kept = [
        (n, step["with"])
        for n, step in enumerate(steps)
        if step.get("uses", "").startswith("actions/cache@") and step["with"]["path"] == folder
    ]
    assert len(kept) == 1 and kept[0][0] < build
    inputs = kept[0][1]
    assert inputs["key"].startswith(inputs["restore-keys"]) and f"hashFiles('{input_files}'" in inputs["key"]
    assert "--no-cache" not in steps[build]["run"]
