"""A real `mkdocs build` collects cycles less often while it runs, and
gives CPython's thresholds back when it ends, good or failed
(hooks/heap.py): `mkdocs serve` lives on between builds."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import copy_project
from hooks import heap
from tests.tools.project import edit

# The CLI in one process, with the thresholds read as the model is built and after the build.
DRIVER = """
import gc, json, sys
from hooks import pipeline
seen = {"before": gc.get_threshold()}
build = pipeline.build
def spy(*args, **kwargs):
    seen["during"] = gc.get_threshold()
    return build(*args, **kwargs)
pipeline.build = spy
from mkdocs.__main__ import cli
try:
    cli(["build", "--strict", "-d", sys.argv[1]], standalone_mode=False)
except Exception as exc:
    seen["failed"] = type(exc).__name__
seen["after"] = gc.get_threshold()
print("HEAP " + json.dumps(seen))
"""


def thresholds(project: Path, site: Path) -> dict:
    result = subprocess.run([sys.executable, "-c", DRIVER, str(site)], cwd=project, capture_output=True, text=True,
                            env=dict(os.environ, NO_MKDOCS_2_WARNING="1"), timeout=300)
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("HEAP ")), None)
    assert line, result.stdout + result.stderr
    return json.loads(line.removeprefix("HEAP "))


def test_a_build_relaxes_collections_and_gives_them_back(tmp_path):
    seen = thresholds(copy_project(tmp_path / "project"), tmp_path / "site")
    assert "failed" not in seen, seen
    assert tuple(seen["during"]) == heap.relaxed(tuple(seen["before"])) != tuple(seen["before"])
    assert seen["after"] == seen["before"]
    assert (tmp_path / "site" / "index.html").exists()


def test_a_failed_build_gives_them_back(tmp_path):
    project = copy_project(tmp_path / "project")
    edit(project, "docs/van-ban/kl-14.md", "issued: 22/09/2021", "issued: 30/02/2021")
    seen = thresholds(project, tmp_path / "site")
    assert seen.get("failed"), seen
    assert tuple(seen["during"]) == heap.relaxed(tuple(seen["before"]))
    assert seen["after"] == seen["before"]
