"""Lighthouse 12.2.3 (npm, pinned) against the system Chromium on the home
page, KL14 (the "document" page) and an FAQ page (when one exists), mobile
settings, served gzip-compressed as a static host serves them.

    .venv/bin/python bench/lighthouse.py [SITE_DIR] [--runs 3]   # default: site/
    .venv/bin/python bench/lighthouse.py --compare [--runs 3]     # real site vs plain Material

Prints the four scores per page (the median of --runs runs, each score
taken separately) and writes bench-out/lighthouse.json; exit status 1 if any
score is below 95. --compare builds the real site with the hooks and as
plain Material (bench/real.py), runs both alternately and prints each
performance score and its ratio (bench-out/lighthouse-compare.json).
tests/browser/test_lighthouse.py runs it behind the `lighthouse` marker.

Lighthouse times the page's main thread and multiplies it (simulated 4×
slower CPU), so anything else running on a 2-core machine moves the score:
the same page scored 91 to 100 within an hour here, plain Material's too.
The benchmark (the command line, --compare, bench.all) therefore starts
each run once the CPUs have been quiet for a few seconds (waiting at most
two minutes), and records for each run how busy they were and Lighthouse's
own `benchmarkIndex` (its measure of the CPU's speed at the start of the
run), so a run on a busy machine shows as one. The test does not wait: it
asserts the other categories, and reports performance only.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench import static  # noqa: E402
from tests.tools import pages  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGET = 95
PERFORMANCE_TARGET = 98   # issue 15, median of 3 runs; reported, never asserted in tests
KINDS = ("home", "document", "faq")
FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
         "--disable-component-update --disable-sync --no-first-run")


QUIET_BUSY = 0.15       # the share of all CPUs' time busy over a second that still counts as quiet
QUIET_SECONDS = 3       # seconds in a row
QUIET_WAIT_MAX = 120    # then the run starts anyway, and its record says how busy it was


def _cpu_times() -> tuple[int, int] | None:
    """(all, idle) jiffies from the first line of /proc/stat; None off Linux."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None
    return sum(fields[:8]), fields[3] + fields[4]   # guest time is already in user time; iowait is idle


def busy_share(interval: float = 1.0) -> float | None:
    """The share of the CPUs' time spent busy over `interval` seconds."""
    before = _cpu_times()
    time.sleep(interval)
    after = _cpu_times()
    if before is None or after is None or after[0] == before[0]:
        return None
    return round(1 - (after[1] - before[1]) / (after[0] - before[0]), 3)


def wait_quiet(sample=busy_share, clock=time.monotonic) -> dict:
    """Block until `sample()` has been at most QUIET_BUSY for QUIET_SECONDS
    samples in a row, or QUIET_WAIT_MAX seconds have passed. Returns what
    the run's record keeps: seconds waited, the last sample, whether quiet."""
    start, calm, last = clock(), 0, None
    while clock() - start < QUIET_WAIT_MAX:
        last = sample()
        if last is None:
            return {"waited_s": 0, "busy": None, "quiet": None}
        calm = calm + 1 if last <= QUIET_BUSY else 0
        if calm >= QUIET_SECONDS:
            return {"waited_s": round(clock() - start), "busy": last, "quiet": True}
    return {"waited_s": round(clock() - start), "busy": last, "quiet": False}


def scores(url: str, quiet: bool = False) -> dict:
    """The four category scores; with `quiet`, once the CPUs are quiet, and
    with the run's conditions under "conditions"."""
    conditions = wait_quiet() if quiet else None
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
               PUPPETEER_SKIP_DOWNLOAD="1")
    result = subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile", f"--chrome-flags={FLAGS}"],
        capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    report = json.loads(result.stdout)
    out: dict = {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}
    if conditions is not None:
        out["conditions"] = dict(conditions, benchmark_index=round(report["environment"]["benchmarkIndex"]))
    return out


def _chosen(site: Path) -> dict[str, str]:
    types = pages.page_types(site)
    return {k: types[k] for k in KINDS if k in types}


def _median(runs: list[dict]) -> dict[str, int]:
    return {c: round(statistics.median(r[c] for r in runs)) for c in CATEGORIES}


def run(site: Path, runs: int = 1, quiet: bool = False) -> dict[str, dict[str, int]]:
    """Page kind -> the median of each score over `runs` runs."""
    with static.served(site) as base:
        return {k: _median([scores(base + url, quiet) for _ in range(runs)]) for k, url in _chosen(site).items()}


def compare(sites: dict[str, Path], runs: int = 3) -> dict:
    """Both sites served at once and measured alternately, so drift on the
    machine hits both alike: per page kind, each site's median scores, its
    performance run by run, and the performance ratio (hooks / plain)."""
    chosen = _chosen(sites["hooks"])
    chosen = {k: u for k, u in chosen.items() if k in _chosen(sites["plain"])}
    raw: dict[str, dict[str, list[dict[str, int]]]] = {k: {n: [] for n in sites} for k in chosen}
    with static.served(sites["hooks"]) as hooked, static.served(sites["plain"]) as plain:
        bases = {"hooks": hooked, "plain": plain}
        for _ in range(runs):
            for kind, url in chosen.items():
                for name in sites:
                    raw[kind][name].append(scores(bases[name] + url, quiet=True))
    out: dict = {"runs": runs, "target_performance": PERFORMANCE_TARGET, "pages": {}}
    for kind, url in chosen.items():
        row: dict = {"url": url}
        for name in sites:
            row[name] = _median(raw[kind][name])
            row[name + "_performance_runs"] = [r["performance"] for r in raw[kind][name]]
            row[name + "_conditions"] = [r["conditions"] for r in raw[kind][name]]
        row["performance_ratio"] = round(row["hooks"]["performance"] / max(row["plain"]["performance"], 1), 3)
        out["pages"][kind] = row
    return out


def report_compare(result: dict) -> None:
    for kind, row in result["pages"].items():
        print(f"lighthouse {kind:9} {row['url']:<28} performance hooks {row['hooks']['performance']:>3} "
              f"{row['hooks_performance_runs']}  plain {row['plain']['performance']:>3} {row['plain_performance_runs']}"
              f"  ratio {row['performance_ratio']:.3f}  (hooks a11y/bp/seo "
              f"{row['hooks']['accessibility']}/{row['hooks']['best-practices']}/{row['hooks']['seo']})"
              f"  benchmarkIndex hooks {[c['benchmark_index'] for c in row['hooks_conditions']]}"
              f" plain {[c['benchmark_index'] for c in row['plain_conditions']]}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("site", nargs="?", type=Path, default=ROOT / "site")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--compare", action="store_true")
    args = parser.parse_args()
    out = ROOT / "bench-out"
    out.mkdir(exist_ok=True)
    if args.compare:
        from bench import real
        result = compare(real.build(), args.runs)
        (out / "lighthouse-compare.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
        report_compare(result)
        return 0
    results = run(args.site, args.runs, quiet=True)
    (out / "lighthouse.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    for kind, s in results.items():
        print(f"{kind:10} " + "  ".join(f"{c} {v}" for c, v in s.items()))
    return 0 if all(v >= TARGET for s in results.values() for v in s.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
