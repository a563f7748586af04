"""Build cost counted, not timed: the CPU instructions of one `mkdocs build`
with the hooks, of plain Material of the same pages, and of plain Material
with the clause pages too (the same output pages), under valgrind's
callgrind, at 1× by default.

    .venv/bin/python -m bench.build_count [--scales 1]

The build time on this kind of machine moves by up to half from one run to
the next, which hides a change of a few percent. An instruction count does
not move with the machine's load: the same build counts the same within a
few hundredths of a percent (Python's hash seed is fixed for it). It is not
a time: it leaves out waiting on the disk and the cost of cache misses, so
its ratio is a second figure beside bench.bench's, not the target's.
Callgrind runs a build about 50 times slower, so 1× takes about a quarter
of an hour for the four builds (the hooks' project is built twice: its
first build compiles the templates, the second takes them from
.cache/jinja/), and 10× is for a quiet afternoon. Not part of
bench.all. Writes bench-out/build_count.json.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from bench import synth

OUT = synth.ROOT / "bench-out"
_COLLECTED = re.compile(r"Collected : (\d+)")


def counted_build(project: Path) -> int:
    """Instructions of one `mkdocs build` of `project`, with those of the
    processes it starts (git)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", PYTHONHASHSEED="0")
    with tempfile.TemporaryDirectory() as logs:
        cmd = ["valgrind", "--tool=callgrind", "--trace-children=yes", f"--log-file={logs}/log.%p",
               f"--callgrind-out-file={logs}/out.%p", sys.executable, "-m", "mkdocs", "build", "-q",
               "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")]
        done = subprocess.run(cmd, cwd=project, env=env, capture_output=True, text=True)
        texts = [path.read_text(encoding="utf-8", errors="replace") for path in Path(logs).glob("log.*")]
    if done.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{done.stderr[-3000:]}")
    return sum(int(found.group(1)) for text in texts for found in _COLLECTED.finditer(text))


def measure(scale: int) -> dict:
    projects = synth.projects(OUT / f"count-x{scale}", scale, same_output=True)
    assert projects.same_output is not None
    # The hooks' project twice: its first build compiles the theme's
    # templates into .cache/jinja/, the next takes them from there (plain
    # Material compiles them in every build).
    found = {name: counted_build(project) for name, project in
             (("hooks_first", projects.hooks), ("hooks", projects.hooks), ("plain", projects.plain),
              ("plain_with_clause_pages", projects.same_output))}
    return {"scale": scale, "pages": projects.pages, "clause_pages": projects.clause_pages, "instructions": found,
            "ratio": round(found["hooks"] / found["plain"], 3),
            "ratio_same_output": round(found["hooks"] / found["plain_with_clause_pages"], 3),
            "ratio_first": round(found["hooks_first"] / found["plain"], 3),
            "ratio_first_same_output": round(found["hooks_first"] / found["plain_with_clause_pages"], 3)}


def report(rows: list[dict]) -> None:
    for row in rows:
        n = row["instructions"]
        print(f"{row['scale']}×: {row['pages']} pages (+{row['clause_pages']} clause pages); instructions "
              f"hooks {n['hooks'] / 1e9:.2f} G, plain {n['plain'] / 1e9:.2f} G, plain with the clause pages "
              f"{n['plain_with_clause_pages'] / 1e9:.2f} G; ratio {row['ratio']:.2f}, on the same output pages "
              f"{row['ratio_same_output']:.2f}; the first build with hooks (templates compiled) "
              f"{n['hooks_first'] / 1e9:.2f} G, ratio {row['ratio_first']:.2f} / {row['ratio_first_same_output']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1])
    args = parser.parse_args()
    rows = [measure(scale) for scale in args.scales]
    report(rows)
    OUT.mkdir(exist_ok=True)
    (OUT / "build_count.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
