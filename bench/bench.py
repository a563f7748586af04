"""Build-speed benchmark: the site's hooks against a plain Material build of
the same pages, in the same run, at 1×, 10× and 100× of the base corpus.

    .venv/bin/python -m bench.bench            # all sizes
    .venv/bin/python -m bench.bench --scales 1 10 --repeat 3

Prints, per size: build time with hooks, plain build time, their ratio (also
without the search index, which replaces Material's lunr index and is timed
by the build itself), and peak memory (RSS) of each build process. Results
also go to bench-out/.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench import synth

OUT = synth.ROOT / "bench-out"


_SEARCH = re.compile(r"search index: (\d+) bản ghi / records, ([\d.]+) s")


def timed_build(project: Path, allow_warnings: bool = False) -> tuple[float, int, float]:
    """Wall time, peak RSS (KiB) and the time the build says it spent on the
    search index, of one `mkdocs build` in its own process."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    cmd = [sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"), "-d", str(project / "site")]
    start = time.perf_counter()
    log = project / "build.log"
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    text = log.read_text(encoding="utf-8", errors="replace")
    # Both builds are strict: a warning would mean a broken synthetic corpus.
    if status != 0 or ("WARNING" in text and not allow_warnings):
        raise SystemExit(f"build failed in {project}:\n{text[-3000:]}")
    search = _SEARCH.search(text)
    return elapsed, usage.ru_maxrss, float(search.group(2)) if search else 0.0


def run(scales: list[int], repeat: int) -> list[dict]:
    rows = []
    for scale in scales:
        hooked, plain = OUT / f"x{scale}" / "site-hooks", OUT / f"x{scale}" / "site-plain"
        counts = synth.generate(hooked, scale)
        synth.generate(plain, scale)
        synth.plain(plain)
        reps = repeat if scale < 100 else 1
        h_times, p_times, s_times, h_mem, p_mem = [], [], [], 0, 0
        for _ in range(reps):
            # Alternate the two builds so drift on the machine hits both alike.
            t, m, search_s = timed_build(hooked)
            h_times.append(t)
            s_times.append(search_s)
            h_mem = max(h_mem, m)
            t, m, _ = timed_build(plain)
            p_times.append(t)
            p_mem = max(p_mem, m)
        h, p, sx = statistics.median(h_times), statistics.median(p_times), statistics.median(s_times)
        pages = sum(1 for _ in (hooked / "docs").rglob("*.md"))
        row = {"scale": scale, "pages": pages, **{f"n_{k}": v for k, v in counts.items()},
               "hooks_s": round(h, 2), "plain_s": round(p, 2), "ratio": round(h / p, 3),
               "search_index_s": round(sx, 2), "ratio_without_search_index": round((h - sx) / p, 3),
               "hooks_peak_mib": round(h_mem / 1024), "plain_peak_mib": round(p_mem / 1024), "repeats": reps}
        rows.append(row)
        print(f"{scale:>4}× {pages:>6} pages  hooks {h:7.2f} s  plain {p:7.2f} s  ratio {h / p:5.3f}  "
              f"(of which search index {sx:5.2f} s; ratio without it {(h - sx) / p:5.3f})  "
              f"peak {row['hooks_peak_mib']:>5} MiB vs {row['plain_peak_mib']:>5} MiB", flush=True)
    by = {r["scale"]: r for r in rows}
    if 10 in by and 100 in by:
        print(f"100× / 10× build time with hooks: {by[100]['hooks_s'] / by[10]['hooks_s']:.2f} "
              f"(plain: {by[100]['plain_s'] / by[10]['plain_s']:.2f})")
    OUT.mkdir(exist_ok=True)
    (OUT / "build-bench.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    run(args.scales, args.repeat)
