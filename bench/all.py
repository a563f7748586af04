"""Every figure of issue 15 in one run, each against plain Material measured
in the same run:

    .venv/bin/python -m bench.all [--scales 1 10 100] [--same-output-scales 1 10 100] [--quick]
                                  [--steps build weight lighthouse serve]

  build       bench/bench.py: build time and peak memory, synthetic corpus at --scales; at
              --same-output-scales also plain Material with the clause pages (the same output pages)
  weight      bench/page_weight.py: bytes of a phone's first visit to KL14 (real site)
  lighthouse  bench/lighthouse.py: mobile performance, median of runs, home, KL14, an FAQ (real site)
  serve       bench/serve_reload.py: save → reloaded page under `mkdocs serve`, at the scales ≤ 10

--quick: one build per size, one Lighthouse run, three edits per server.
Records the machine's load average before and after. Writes
bench-out/all.json and prints the README's tables (bench/readme_table.py
prints them again from that file).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import time

from bench import bench, lighthouse, page_weight, readme_table, real, serve_reload, synth

OUT = synth.ROOT / "bench-out"
STEPS = ("build", "weight", "lighthouse", "serve")


def _commit() -> str:
    result = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=synth.ROOT, capture_output=True, text=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "hooks", "overrides", "docs", "mkdocs.yml"],
                           cwd=synth.ROOT, capture_output=True, text=True).stdout.strip()
    return result.stdout.strip() + ("+changes" if dirty else "")


def _load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--serve-scales", type=int, nargs="+", help="default: the --scales up to 10")
    parser.add_argument("--repeat", type=int, default=3, help="builds per size (100×: always one)")
    parser.add_argument("--same-output-scales", type=int, nargs="*", default=[1, 10, 100],
                        help="sizes where plain Material also builds the clause pages (at 100×, one more build of about six minutes)")
    parser.add_argument("--lighthouse-runs", type=int, default=3)
    parser.add_argument("--serve-repeat", type=int, default=5)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--steps", nargs="+", choices=STEPS, default=list(STEPS))
    args = parser.parse_args()
    if args.quick:
        args.repeat, args.lighthouse_runs, args.serve_repeat = 1, 1, 3
    serve_scales = args.serve_scales or [s for s in args.scales if s <= 10]

    result: dict = {"date": dt.date.today().isoformat(), "commit": _commit(), "cpus": os.cpu_count(),
                    "load_start": _load(), "steps": args.steps, "seconds": {}}
    OUT.mkdir(exist_ok=True)

    def step(name: str, fn):
        start = time.monotonic()
        result[name] = fn()
        result["seconds"][name] = round(time.monotonic() - start)
        result["load_after_" + name] = _load()
        # Written after every step: a long run that stops late keeps what it measured.
        (OUT / "all.json").write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")

    if "build" in args.steps:
        step("build", lambda: bench.run(args.scales, args.repeat, tuple(args.same_output_scales)))
    sites = real.build() if {"weight", "lighthouse"} & set(args.steps) else {}
    if "weight" in args.steps:
        def weight() -> dict:
            measured = page_weight.measure(sites)
            page_weight.report(measured)
            return measured
        step("page_weight", weight)
    if "lighthouse" in args.steps:
        def lighthouse_step() -> dict:
            measured = lighthouse.compare(sites, args.lighthouse_runs)
            lighthouse.report_compare(measured)
            return measured
        step("lighthouse", lighthouse_step)
    if "serve" in args.steps and serve_scales:
        step("serve", lambda: serve_reload.run(serve_scales, args.serve_repeat))
    result["load_end"] = _load()
    (OUT / "all.json").write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    print()
    print(readme_table.render(result))


if __name__ == "__main__":
    main()
