"""What Chromium does to load a page of the real site on a phone, counted,
against plain Material's page of the same Markdown, in the same run.

    .venv/bin/python -m bench.page_work [--built] [--runs 3]

Builds the real site twice (bench/real.py), serves each as a static host
does, and loads the home page, KL14 and an FAQ at phone size (390×844) with
Chromium's tracing on: the elements it styled over the load, its style
recalculations, the objects it laid out, its paints, the page's elements,
and the scripts that changed <html> or <body> in a way a style rule reads
(each such change restyles every element of the page). These are counts,
so they barely move with the machine, unlike Lighthouse's times; each is
the median of --runs loads. Writes bench-out/page_work.json.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

from bench import real, static, synth
from tests.tools import chromium_trace, pages

OUT = synth.ROOT / "bench-out"
KINDS = ("home", "document", "faq")


def load(browser, url: str, runs: int) -> dict:
    loads = []
    for _ in range(runs):
        events, elements = chromium_trace.traced_load(browser, url)
        loads.append((chromium_trace.work(events) | {"elements": elements}, chromium_trace.root_restyles(events)))
    counts = {key: round(statistics.median(c[key] for c, _ in loads)) for key in loads[0][0]}
    # Which scripts' changes restyled the whole page, by file, in the first load.
    scripts: dict[str, int] = {}
    for script, _, _ in loads[0][1]:
        name = script.rsplit("/", 1)[-1]
        scripts[name] = scripts.get(name, 0) + 1
    return counts | {"root_restyles": scripts}


def measure(sites: dict[str, Path], runs: int) -> dict:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(synth.ROOT / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS

    chosen = {k: u for k, u in pages.page_types(sites["hooks"]).items() if k in KINDS}
    result: dict = {"runs": runs, "pages": {}}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            with static.served(sites["hooks"]) as hooked, static.served(sites["plain"]) as plain:
                for kind, url in chosen.items():
                    row: dict = {"url": url, **{name: load(browser, base + url, runs)
                                                for name, base in (("hooks", hooked), ("plain", plain))}}
                    row["ratio_elements_styled"] = round(row["hooks"]["elements_styled"]
                                                         / row["plain"]["elements_styled"], 2)
                    result["pages"][kind] = row
        finally:
            browser.close()
    return result


def report(result: dict) -> None:
    for kind, row in result["pages"].items():
        for name in ("hooks", "plain"):
            r = row[name]
            print(f"page work {kind:8} {row['url']:<28} {name:5} elements {r['elements']:4}  styled "
                  f"{r['elements_styled']:5} in {r['style_recalcs']:2} recalcs  laid out {r['objects_laid_out']:5} "
                  f"in {r['layouts']:2} layouts  paints {r['paints']:3}  restyled from <html>/<body> by "
                  f"{r['root_restyles']}", flush=True)
        print(f"page work {kind:8} elements styled, hooks / plain: {row['ratio_elements_styled']:.2f}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    real.add_built_option(parser)
    args = parser.parse_args()
    result = measure(real.sites(args.built), args.runs)
    report(result)
    OUT.mkdir(exist_ok=True)
    (OUT / "page_work.json").write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
