"""Search speed and size: this site's search against plain Material search.

For each scale (1×, 10×, 100× of a base synthetic corpus) it builds the same
pages twice, once as the site ships (our sharded index and search box) and once
with Material's own lunr search, serves each on 127.0.0.1, and in headless
Chromium measures, for one query typed right after the page loads:

  * bytes downloaded before the results of the whole query appear (raw and gzip),
  * time from page load to those results, and from the last keystroke,
  * on the same page, a second query typed at 120 ms a key: last key → results.

Usage: .venv/bin/python bench/search_bench.py [--scales 1 10 100] [--query "can bo" "kh 116"] [--built]
Output goes to bench-out/. The corpus comes from bench/synth.py, the same
generator as the build benchmark.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench-out"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
from bench import synth  # noqa: E402
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

WARM_QUERY = "thi diem"
INDEX = "assets/tim-kiem"


def generate(dest: Path, scale: int) -> str:
    synth.generate(dest, scale)
    return "bench/synth.py"


def as_plain_material(project: Path) -> None:
    """The same pages with Material's own search box and lunr index."""
    (project / "overrides/partials/search.html").unlink()
    (project / "overrides/partials/header.html").unlink()
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for script in ("search-core.js", "search.js"):
        text = text.replace(f"  - assets/javascripts/{script}\n", "")
    config.write_text(synth.with_material_search(text), encoding="utf-8")


def build(project: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"),
                    "-d", str(project / "site")], check=True, cwd=project,
                   env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"})
    return time.perf_counter() - start


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def measure(site: Path, engine: str, query: str) -> dict:
    from playwright.sync_api import sync_playwright
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    results = "[data-kl-search-results] li" if engine == "site" else ".md-search-result__item"
    field = "[data-kl-search-input]" if engine == "site" else "input.md-search__input"
    container = "[data-kl-search-results]" if engine == "site" else ".md-search-result"
    bodies: list[bytes] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.on("response", lambda r: bodies.append(_body(r)))
            page.goto(url, wait_until="load")
            # Results for a partial query may show while typing; the reader
            # waits for the whole query's.
            watch(page, container)
            loaded = page.evaluate("performance.now()")
            page.keyboard.press("/")
            page.locator(field).press_sequentially(query)
            page.wait_for_selector(results, timeout=120_000)
            typed, shown = settled(page)
            raw = sum(len(b) for b in bodies)
            gz = sum(len(gzip.compress(b)) for b in bodies)
            # A second query on the same page: the engine is loaded, as for a
            # reader who opened the box and then typed at human speed.
            page.locator(field).fill("")
            page.locator(field).press_sequentially(WARM_QUERY, delay=120)   # a quick typist
            typed_warm, shown_warm = settled(page)
            browser.close()
    finally:
        server.shutdown()
    return {"bytes": raw, "gzip": gz, "ms_from_load": round(shown - loaded), "ms_from_keystroke": round(shown - typed),
            "ms_from_keystroke_warm": round(shown_warm - typed_warm)}


def watch(page, container: str) -> None:
    """Time in the page the last input event (window.__klTyped) and the last
    change to the result list (window.__klLast)."""
    page.evaluate("""sel => { window.__klLast = 0; window.__klTyped = 0;
        document.addEventListener("input", () => { window.__klTyped = performance.now(); }, true);
        new MutationObserver(() => { window.__klLast = performance.now(); }).observe(
            document.querySelector(sel), {childList: true, subtree: true, characterData: true}); }""", container)


def settled(page) -> tuple[float, float]:
    """(last input, last change to the results) once the list has been
    still for a second after the last input."""
    page.wait_for_function("() => window.__klLast > window.__klTyped && "
                           "performance.now() - window.__klLast > 1000", timeout=120_000)
    return page.evaluate("[window.__klTyped, window.__klLast]")


def _body(response) -> bytes:
    try:
        return response.body()
    except Exception:  # redirects and aborted requests have no body
        return b""


def site_size(site: Path, sub: str) -> int:
    target = site / sub
    if target.is_file():
        return target.stat().st_size
    return sum(p.stat().st_size for p in target.rglob("*") if p.is_file()) if target.exists() else 0


def measure_site(site: Path, engine: str, queries: list[str], **fields) -> list[dict]:
    rows = []
    for query in queries:
        m = measure(site, engine, query)
        m.update(fields, engine=engine, query=query,
                 index_bytes=site_size(site, INDEX if engine == "site" else "search/search_index.json"))
        rows.append(m)
        print(json.dumps(m, ensure_ascii=False), flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--query", nargs="+", default=["can bo nang dong"],
                        help="queries, each typed on a fresh page (default: four of the ten commonest syllables)")
    parser.add_argument("--built", action="store_true",
                        help="measure the sites bench/bench.py left in bench-out/x<scale>/ (site-hooks as this "
                             "site, site-plain as plain Material) instead of building them again")
    args = parser.parse_args()
    rows = []
    for scale in args.scales:
        for engine in ("site", "material"):
            if args.built:
                folder = "site-hooks" if engine == "site" else "site-plain"
                rows += measure_site(OUT / f"x{scale}" / folder / "site", engine, args.query,
                                     scale=scale, build_s=None, corpus="bench/bench.py output")
                continue
            project = OUT / f"x{scale}-{engine}"
            source = generate(project, scale)
            if engine == "material":
                as_plain_material(project)
            seconds = build(project)
            rows += measure_site(project / "site", engine, args.query,
                                 scale=scale, build_s=round(seconds, 1), corpus=source)
            shutil.rmtree(project)
    OUT.mkdir(exist_ok=True)
    (OUT / "search_bench.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print("\nscale  engine    query                 gzip-before-results  raw-before-results  ms-from-load"
          "  ms-from-keystroke  ms-warm  index-on-disk")
    for r in rows:
        print(f"{r['scale']:>4}×  {r['engine']:<8}  {r['query'][:20]:<20}  {r['gzip']:>19,}  {r['bytes']:>18,}"
              f"  {r['ms_from_load']:>12}  {r['ms_from_keystroke']:>17}  {r['ms_from_keystroke_warm']:>7}"
              f"  {r['index_bytes']:>13,}")
    print("\nratios (site / material)")
    for s in (r for r in rows if r["engine"] == "site"):
        m = next(r for r in rows if r["scale"] == s["scale"] and r["engine"] == "material" and r["query"] == s["query"])
        print(f"{s['scale']:>4}×  {s['query'][:20]:<20}  gzip {s['gzip'] / m['gzip']:.2f}  raw {s['bytes'] / m['bytes']:.2f}"
              f"  from-load {s['ms_from_load'] / max(m['ms_from_load'], 1):.2f}"
              f"  from-keystroke {s['ms_from_keystroke'] / max(m['ms_from_keystroke'], 1):.2f}"
              f"  warm {s['ms_from_keystroke_warm'] / max(m['ms_from_keystroke_warm'], 1):.2f}")


if __name__ == "__main__":
    main()
