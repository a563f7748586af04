"""The README's benchmark tables, in Markdown, from one run of bench/all.py.

    .venv/bin/python -m bench.readme_table [bench-out/all.json]
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from bench import lighthouse, synth

TARGETS = {"build": "≤ 1.10 (< 1.0 at 10× and 100×)", "weight": "≤ 1.10", "lighthouse": "≥ 98",
           "growth": "≤ 10.5", "memory": "≤ 1.5 at 100×"}
KINDS = {"home": "home", "document": "KL14", "faq": "an FAQ"}


def _n(x: float, digits: int = 2) -> str:
    return f"{x:,.{digits}f}"


def _kb(b: int) -> str:
    return f"{b / 1000:,.1f} KB"


def build_table(rows: list[dict]) -> list[str]:
    out = ["| size | pages | build with hooks | plain Material | ratio | ratio without the search index "
           "| first builds (hooks, templates compiled / plain), ratio | peak memory (hooks / plain) | memory ratio |",
           "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in rows:
        first = (f"{_n(r['hooks_first_s'])} / {_n(r['plain_first_s'])} s, {_n(r['ratio_first'])}"
                 if "plain_first_s" in r else f"{_n(r['hooks_first_s'])} s" if "hooks_first_s" in r else "—")
        out.append(f"| {r['scale']}× | {r['pages']:,} | {_n(r['hooks_s'])} s | {_n(r['plain_s'])} s | {_n(r['ratio'])} "
                   f"| {_n(r['ratio_without_search_index'])} | {first} "
                   f"| {r['hooks_peak_mib']:,} / {r['plain_peak_mib']:,} MiB "
                   f"| {_n(r['hooks_peak_mib'] / r['plain_peak_mib'])} |")
    by = {r["scale"]: r for r in rows}
    if 10 in by and 100 in by:
        out += ["", f"100× / 10× build time: {_n(by[100]['hooks_s'] / by[10]['hooks_s'], 1)} with hooks, "
                f"{_n(by[100]['plain_s'] / by[10]['plain_s'], 1)} for plain Material (target {TARGETS['growth']}); "
                f"first builds at both sizes (a new project, no earlier site to replace, as the one 100× build): "
                f"{_n(by[100]['hooks_first_s'] / by[10]['hooks_first_s'])} with hooks, "
                f"{_n(by[100]['plain_first_s'] / by[10]['plain_first_s'])} plain."]
    same = [r for r in rows if "plain_clauses_s" in r]
    if same:
        out += ["", "The same output pages on both sides: plain Material also builds every clause page, as a "
                "plain Markdown page outside the navigation (`synth.plain_clause_pages`):", "",
                "| size | clause pages | build with hooks | plain Material with clause pages | ratio "
                "| the clause pages cost plain | the clause pages cost the hooks (as logged) "
                "| peak memory (hooks / plain with clause pages) | memory ratio |",
                "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for r in same:
            # Runs before 04/12/2026 did not record plain's memory with the clause pages.
            mib = r.get("plain_clauses_peak_mib")
            memory = (f"{r['hooks_peak_mib']:,} / {mib:,} MiB | {_n(r['hooks_peak_mib'] / mib)}" if mib else "— | —")
            out.append(f"| {r['scale']}× | {r['n_clause_pages']:,} | {_n(r['hooks_s'])} s | {_n(r['plain_clauses_s'])} s "
                       f"| {_n(r['ratio_same_output'])} | {_n(r['plain_clause_pages_s'])} s "
                       f"| {_n(r['clause_pages_s'])} s | {memory} |")
    repeats = sorted({r["repeats"] for r in rows})
    out += ["", f"Build targets: ratio {TARGETS['build']}, peak memory {TARGETS['memory']}. "
            f"Median of {'/'.join(map(str, repeats))} build(s) per size."]
    return out


def readers_table(result: dict) -> list[str]:
    out = ["| figure | with hooks | plain Material | ratio (hooks / plain) | target |", "| --- | --- | --- | --- | --- |"]
    weight = result.get("page_weight")
    if weight:
        h, p = weight["hooks"], weight["plain"]
        out.append(f"| first visit to KL14 on a phone, transferred (gzip) | {_kb(h['transferred'])} in {h['requests_n']} "
                   f"requests | {_kb(p['transferred'])} in {p['requests_n']} requests | {_n(weight['ratio'])} "
                   f"(without either site's search files: {_n(weight['ratio_without_search'])}) | {TARGETS['weight']} |")
    lh = result.get("lighthouse")
    if lh:
        for kind, row in lh["pages"].items():
            out.append(f"| Lighthouse mobile performance, {KINDS.get(kind, kind)} (median of {lh['runs']}: "
                       f"{', '.join(map(str, row['hooks_performance_runs']))} / "
                       f"{', '.join(map(str, row['plain_performance_runs']))}) | {row['hooks']['performance']} "
                       f"| {row['plain']['performance']} | {_n(row['performance_ratio'])} | {TARGETS['lighthouse']} |")
    for r in result.get("serve") or []:
        rebuild = (f" (rebuild {_n(r['hooks_rebuild_s'])} s / {_n(r['plain_rebuild_s'])} s)"
                   if r.get("hooks_rebuild_s") and r.get("plain_rebuild_s") else "")
        out.append(f"| `make serve`, save → reloaded page, {r['scale']}× (median of {r['repeats']}){rebuild} "
                   f"| {_n(r['hooks_s'])} s | {_n(r['plain_s'])} s | {_n(r['ratio'])} | reported |")
    return out


def lighthouse_conditions(result: dict) -> str:
    """One sentence on the machine under the Lighthouse runs (bench/lighthouse.py
    waits for quiet CPUs before each run and records them)."""
    runs = [c for row in (result.get("lighthouse") or {}).get("pages", {}).values()
            for side in ("hooks", "plain") for c in row.get(side + "_conditions") or []]
    if not runs:
        return ""
    index = sorted(c["benchmark_index"] for c in runs)
    busy = [c["busy"] for c in runs if c["busy"] is not None]
    loud = sum(1 for c in runs if c["quiet"] is False)
    return (f"Each of the {len(runs)} Lighthouse runs started once the CPUs had been quiet for "
            f"{lighthouse.QUIET_SECONDS} s (busy at most {lighthouse.QUIET_BUSY:.0%} of each second; "
            f"it waited at most {max(c['waited_s'] for c in runs)} s"
            + (f"; in the last second before a run, at most {max(busy):.0%} busy" if busy else "")
            + (f"; {loud} run(s) started busy after the {lighthouse.QUIET_WAIT_MAX} s limit" if loud else "")
            + f"). Lighthouse's `benchmarkIndex` (its measure of the CPU at the start of a run): "
            f"{index[0]:,} to {index[-1]:,}.")


def render(result: dict) -> str:
    date = dt.date.fromisoformat(result["date"]).strftime("%d/%m/%Y")
    steps = ", ".join(f"{k.removeprefix('load_after_').replace('_', ' ')} {v[0]}" for k, v in result.items()
                      if k.startswith("load_after_"))
    end = result.get("load_end")
    parts = [f"Measured on {date} by `python -m bench.all` (commit {result['commit']}, {result['cpus']} CPUs). "
             f"Load average (1 / 5 / 15 min): {'/'.join(map(str, result['load_start']))} at the start"
             + (f", {'/'.join(map(str, end))} at the end" if end else "")
             + (f"; 1 min after each step: {steps}." if steps else "."), ""]
    if result.get("build"):
        parts += build_table(result["build"]) + [""]
    readers = readers_table(result)
    if len(readers) > 2:
        parts += readers
    conditions = lighthouse_conditions(result)
    if conditions:
        parts += ["", conditions]
    return "\n".join(parts).rstrip() + "\n"


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else synth.ROOT / "bench-out" / "all.json"
    print(render(json.loads(path.read_text(encoding="utf-8"))), end="")
