"""The shape of hooks/: stages import only from the stages below them, no
module imports another in a cycle, and only the hook (site.py, and
site_clause_pages.py and site_markdown.py, which write and convert pages as
MkDocs does) imports MkDocs."""
from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

HOOKS = ROOT / "hooks"
# Lowest first; a module may import its own stage and any stage before it.
STAGES = ["contract", "text", "model", "collect", "resolve", "derive", "render", "publish", "search", "pipeline",
          "cli", "heap", "site"]


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")


def imports(path: Path) -> set[str]:
    """Modules of hooks/ and top-level packages this file imports."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            assert node.level == 0, f"{path}: relative import"
            out.add(node.module)
            if node.module.startswith("hooks"):
                # 'from hooks.text import dates' imports the module hooks.text.dates
                out.update(f"{node.module}.{a.name}" for a in node.names
                           if (HOOKS.parent / f"{node.module}.{a.name}".replace(".", "/")).with_suffix(".py").exists())
    return out


def graph() -> dict[str, set[str]]:
    mods = {module_name(p): p for p in HOOKS.rglob("*.py")}
    return {name: {i for i in imports(path) if i in mods and i != name} for name, path in mods.items()}


def stage(module: str) -> int:
    parts = module.split(".")
    if len(parts) < 2:
        return -1
    return STAGES.index("site" if parts[1].startswith("site_") else parts[1])


def test_only_the_hook_imports_mkdocs():
    users = sorted(module_name(p) for p in HOOKS.rglob("*.py")
                   if any(i == "mkdocs" or i.startswith("mkdocs.") for i in imports(p)))
    assert users == ["hooks.site", "hooks.site_clause_pages", "hooks.site_markdown"]


def test_stages_import_only_from_below():
    wrong = [(m, i) for m, deps in graph().items() for i in deps if stage(i) > stage(m)]
    assert not wrong, wrong


def test_no_import_cycle():
    g = graph()
    state: dict[str, int] = {}

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(g[node]):
            assert state.get(nxt) != 1, " -> ".join(path + [nxt])
            if nxt not in state:
                visit(nxt, path + [nxt])
        state[node] = 2

    for node in sorted(g):
        if node not in state:
            visit(node, [node])
