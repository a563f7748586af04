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
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
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


def scores(url: str) -> dict[str, int]:
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"),
               PUPPETEER_SKIP_DOWNLOAD="1")
    result = subprocess.run(
        ["node", str(LIGHTHOUSE), url, "--output=json", "--output-path=stdout", "--quiet",
         f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile", f"--chrome-flags={FLAGS}"],
        capture_output=True, text=True, env=env, timeout=300)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    report = json.loads(result.stdout)
    return {c: round(report["categories"][c]["score"] * 100) for c in CATEGORIES}


def _chosen(site: Path) -> dict[str, str]:
    types = pages.page_types(site)
    return {k: types[k] for k in KINDS if k in types}


def _median(runs: list[dict[str, int]]) -> dict[str, int]:
    return {c: round(statistics.median(r[c] for r in runs)) for c in CATEGORIES}


def run(site: Path, runs: int = 1) -> dict[str, dict[str, int]]:
    """Page kind -> the median of each score over `runs` runs."""
    with static.served(site) as base:
        return {k: _median([scores(base + url) for _ in range(runs)]) for k, url in _chosen(site).items()}


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
                    raw[kind][name].append(scores(bases[name] + url))
    out: dict = {"runs": runs, "target_performance": PERFORMANCE_TARGET, "pages": {}}
    for kind, url in chosen.items():
        row: dict = {"url": url}
        for name in sites:
            row[name] = _median(raw[kind][name])
            row[name + "_performance_runs"] = [r["performance"] for r in raw[kind][name]]
        row["performance_ratio"] = round(row["hooks"]["performance"] / max(row["plain"]["performance"], 1), 3)
        out["pages"][kind] = row
    return out


def report_compare(result: dict) -> None:
    for kind, row in result["pages"].items():
        print(f"lighthouse {kind:9} {row['url']:<28} performance hooks {row['hooks']['performance']:>3} "
              f"{row['hooks_performance_runs']}  plain {row['plain']['performance']:>3} {row['plain_performance_runs']}"
              f"  ratio {row['performance_ratio']:.3f}  (hooks a11y/bp/seo "
              f"{row['hooks']['accessibility']}/{row['hooks']['best-practices']}/{row['hooks']['seo']})", flush=True)


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
    results = run(args.site, args.runs)
    (out / "lighthouse.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    for kind, s in results.items():
        print(f"{kind:10} " + "  ".join(f"{c} {v}" for c, v in s.items()))
    return 0 if all(v >= TARGET for s in results.values() for v in s.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
