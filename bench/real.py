"""The real site (this repository's docs/) built twice into bench-out/real/:
as it ships (hooks, overrides, our search) and as plain Material of the same
Markdown (no hooks, no template overrides, no extra CSS or JavaScript,
Material's own search plugin), for the benchmarks that load real pages.

    .venv/bin/python -m bench.real      # builds both, prints their folders
"""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from bench import bench, synth

OUT = synth.ROOT / "bench-out" / "real"
PROJECTS = {"hooks": OUT / "project-hooks", "plain": OUT / "project-plain"}


def _copy(dest: Path, folders: tuple[str, ...]) -> None:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(synth.ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in folders:
        shutil.copytree(synth.ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))


def plain_config(config: str) -> str:
    """mkdocs.yml of a plain Material site: synth.plain's changes, and
    without our stylesheet and scripts, since the page weight of plain
    Material is Material's own. Not strict: the Markdown uses our
    extensions ([[…]] references and the like), which plain Material leaves
    as text and may warn about."""
    config = config.replace("hooks:\n  - hooks/site.py\n", "").replace("  custom_dir: overrides\n", "")
    config = re.sub(r"^extra_(css|javascript):\n(  - .*\n)+", "", config, flags=re.M)
    config = config.replace("\nstrict: true\n", "\nstrict: false\n")
    assert "\nhooks:" not in config and "custom_dir" not in config and "extra_javascript" not in config
    return synth.with_material_search(config)


def add_built_option(parser) -> None:
    parser.add_argument("--built", action="store_true", help="use the sites bench/real.py left in bench-out/real/")


def sites(built: bool) -> dict[str, Path]:
    """{"hooks": site folder, "plain": site folder}: as an earlier build left
    them (`built`), or built now."""
    return {name: project / "site" for name, project in PROJECTS.items()} if built else build()


def build() -> dict[str, Path]:
    """{"hooks": site folder, "plain": site folder}, both freshly built."""
    hooked, plain = PROJECTS["hooks"], PROJECTS["plain"]
    _copy(hooked, ("hooks", "overrides", "docs"))
    _copy(plain, ("docs",))
    config = plain / "mkdocs.yml"
    config.write_text(plain_config(config.read_text(encoding="utf-8")), encoding="utf-8")
    sites = {}
    for name, project in (("hooks", hooked), ("plain", plain)):
        bench.timed_build(project, allow_warnings=name == "plain")
        sites[name] = project / "site"
    return sites


if __name__ == "__main__":
    for name, site in build().items():
        print(f"{name}: {site}")
