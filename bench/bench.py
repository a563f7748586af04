"""Build-speed benchmark: the site's hooks against a plain Material build of
the same pages, in the same run, at 1×, 10× and 100× of the base corpus.

    .venv/bin/python -m bench.bench            # all sizes
    .venv/bin/python -m bench.bench --scales 1 10 --repeat 3

Prints, per size: build time with hooks, plain build time, their ratio (also
without the search index, which replaces Material's lunr index and is timed
by the build itself), and peak memory (RSS) of each build process. Results
also go to bench-out/.

Plain Material builds the pages of the corpus; the hooks also write a page
for every clause. At the sizes of --same-output-scales (1× and 10×: 100×
would add 30,000 full theme renders), a third build gives plain Material
those clause pages too, as plain Markdown pages outside the navigation, and
the ratio against it compares the same output pages on both sides.
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
_CLAUSES = re.compile(r"clause pages: (\d+), ([\d.]+) s")


def timed_build(project: Path, allow_warnings: bool = False) -> tuple[float, int, float, float]:
    """Wall time, peak RSS (KiB), and the times the build says it spent on
    the search index and on the clause pages, of one `mkdocs build` in its
    own process."""
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
    search, clauses = _SEARCH.search(text), _CLAUSES.search(text)
    return (elapsed, usage.ru_maxrss, float(search.group(2)) if search else 0.0,
            float(clauses.group(2)) if clauses else 0.0)


def run(scales: list[int], repeat: int, same_output_scales: tuple[int, ...] = (1, 10)) -> list[dict]:
    rows = []
    for scale in scales:
        projects = synth.projects(OUT / f"x{scale}", scale, scale in same_output_scales)
        hooked, plain, same = projects.hooks, projects.plain, projects.same_output
        counts, clause_pages = projects.counts, projects.clause_pages
        reps = repeat if scale < 100 else 1
        h_times, p_times, c_times, s_times, k_times, h_mem, p_mem, c_mem = [], [], [], [], [], 0, 0, 0
        for _ in range(reps):
            # Alternate the builds so drift on the machine hits each alike.
            t, m, search_s, clauses_s = timed_build(hooked)
            h_times.append(t)
            s_times.append(search_s)
            k_times.append(clauses_s)
            h_mem = max(h_mem, m)
            t, m, _, _ = timed_build(plain)
            p_times.append(t)
            p_mem = max(p_mem, m)
            if same:
                t, m, _, _ = timed_build(same)
                c_times.append(t)
                c_mem = max(c_mem, m)
        h, p, sx = statistics.median(h_times), statistics.median(p_times), statistics.median(s_times)
        pages = projects.pages
        # The first build of a new project compiles the theme's templates;
        # the next ones take them from its .cache/jinja/ (plain Material
        # compiles them in every build). Both sides' first builds, beside.
        first, plain_first = h_times[0], p_times[0]
        row = {"scale": scale, "pages": pages, **{f"n_{k}": v for k, v in counts.items()},
               "hooks_s": round(h, 2), "plain_s": round(p, 2), "ratio": round(h / p, 3),
               "hooks_first_s": round(first, 2), "plain_first_s": round(plain_first, 2),
               "ratio_first": round(first / plain_first, 3),
               "search_index_s": round(sx, 2), "ratio_without_search_index": round((h - sx) / p, 3),
               "clause_pages_s": round(statistics.median(k_times), 2),
               "hooks_peak_mib": round(h_mem / 1024), "plain_peak_mib": round(p_mem / 1024), "repeats": reps}
        line = (f"{scale:>4}× {pages:>6} pages  hooks {h:7.2f} s  plain {p:7.2f} s  ratio {h / p:5.3f}  "
                f"(of which search index {sx:5.2f} s; ratio without it {(h - sx) / p:5.3f})  "
                f"peak {row['hooks_peak_mib']:>5} MiB vs {row['plain_peak_mib']:>5} MiB"
                f"\n      first builds (the hooks' compiles the templates): hooks {first:7.2f} s  "
                f"plain {plain_first:7.2f} s  ratio {first / plain_first:5.3f}")
        if same:
            c = statistics.median(c_times)
            # What each side pays for the clause pages: ours as the build logs it.
            row |= {"n_clause_pages": clause_pages, "plain_clauses_s": round(c, 2), "ratio_same_output": round(h / c, 3),
                    "plain_clause_pages_s": round(c - p, 2), "plain_clauses_peak_mib": round(c_mem / 1024)}
            line += (f"\n      same output ({clause_pages} clause pages on both sides): plain {c:7.2f} s  "
                     f"ratio {h / c:5.3f}; the clause pages cost plain {c - p:6.2f} s, the hooks "
                     f"{row['clause_pages_s']:6.2f} s; peak {row['plain_clauses_peak_mib']:>5} MiB")
        rows.append(row)
        print(line, flush=True)
    by = {r["scale"]: r for r in rows}
    if 10 in by and 100 in by:
        print(f"100× / 10× build time with hooks: {by[100]['hooks_s'] / by[10]['hooks_s']:.2f} "
              f"(plain: {by[100]['plain_s'] / by[10]['plain_s']:.2f})")
        # 100× has one build: a new project's first, with no earlier site to
        # replace. The 10× median also counts builds that replace one, so the
        # like-for-like growth is first build against first build.
        print(f"100× / 10× first builds with hooks: {by[100]['hooks_first_s'] / by[10]['hooks_first_s']:.2f} "
              f"(plain: {by[100]['plain_first_s'] / by[10]['plain_first_s']:.2f})")
    OUT.mkdir(exist_ok=True)
    (OUT / "build-bench.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--same-output-scales", type=int, nargs="*", default=[1, 10])
    args = parser.parse_args()
    run(args.scales, args.repeat, tuple(args.same_output_scales))
