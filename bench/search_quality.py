"""Result quality: the query table of tests/browser/test_search_browser.py, run
through this site's search and through Material's own (lunr, `lang: vi`)
on the same built pages, in headless Chromium.

The site is built twice from this repository: as it ships, and with
Material's search box and index instead of ours (bench/search_bench.py's
`as_plain_material`; hooks and content unchanged, so the pages and anchors
are the same). For each query it records the first result and whether it
is the expected one.

Usage: .venv/bin/python bench/search_quality.py
Output: bench-out/search_quality.json and a summary.
"""
from __future__ import annotations

import functools
import http.server
import json
import shutil
import sys
import tempfile
import threading
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench-out"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "browser"))
from test_search_browser import QUERIES  # noqa: E402

from bench.search_bench import _Quiet, as_plain_material, build, watch  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

ENGINES = {
    "site": ("[data-kl-search-input]", "[data-kl-search-results]", "[data-kl-search-results] a"),
    "material": ("input.md-search__input", ".md-search-result", ".md-search-result__item a"),
}


def first_results(site: Path, engine: str) -> list[str | None]:
    from playwright.sync_api import sync_playwright
    field, container, links = ENGINES[engine]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/", wait_until="load")
            watch(page, container)
            page.keyboard.press("/")
            for query, _ in QUERIES:
                # Typed, not pasted: Material searches on key events.
                page.locator(field).fill("")
                page.locator(field).press_sequentially(query)
                # A second of quiet after the last key and the last change.
                page.wait_for_function("() => performance.now() - Math.max(window.__klLast, window.__klTyped)"
                                       " > 1000", timeout=60_000)
                href = page.eval_on_selector_all(links, "els => els.length ? els[0].href : null")
                if href:
                    parts = urllib.parse.urlsplit(href)
                    href = parts.path + (f"#{parts.fragment}" if parts.fragment else "")
                out.append(href)
            browser.close()
    finally:
        server.shutdown()
    return out


def main() -> None:
    rows = {}
    with tempfile.TemporaryDirectory(prefix="kl-quality-") as tmp:
        for engine in ENGINES:
            project = Path(tmp) / engine
            shutil.copytree(ROOT, project, ignore=shutil.ignore_patterns(
                ".git", ".venv", "node_modules", "site", "bench-out", "__pycache__"))
            if engine == "material":
                as_plain_material(project)
            build(project)
            rows[engine] = first_results(project / "site", engine)
    table = [{"query": q, "expected": want, **{e: rows[e][i] for e in ENGINES},
              **{f"{e}_ok": rows[e][i] == want for e in ENGINES}} for i, (q, want) in enumerate(QUERIES)]
    OUT.mkdir(exist_ok=True)
    (OUT / "search_quality.json").write_text(json.dumps(table, ensure_ascii=False, indent=1), encoding="utf-8")
    for row in table:
        marks = "  ".join(f"{e}:{'ok' if row[f'{e}_ok'] else '--'}" for e in ENGINES)
        print(f"{marks}  {row['query'][:60]}")
    for e in ENGINES:
        print(f"{e}: expected first result for {sum(r[f'{e}_ok'] for r in table)} of {len(table)} queries")


if __name__ == "__main__":
    main()
