"""Bytes a phone downloads on a first visit to a page of the real site,
against plain Material's page of the same Markdown, in the same run.

    .venv/bin/python -m bench.page_weight [--page /van-ban/kl-14/] [--built]

Builds the real site twice (bench/real.py: with the hooks; plain Material
with its own search), serves each gzip-compressed as a static host does,
and loads the page in headless Chromium as a phone (390×844, mobile user
agent, touch, empty cache). Every request until the load event and then
network idle counts: HTML, CSS, JavaScript, fonts, images, and search files
when the page fetches them at load (Material's worker fetches its whole
index; ours waits for the first keystroke). Transferred = compressed body +
response headers, as DevTools counts it. Writes bench-out/page_weight.json.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench import real, static, synth

OUT = synth.ROOT / "bench-out"
PAGE = "/van-ban/kl-14/"
TARGET = 1.10   # issue 15: at most plain Material's page + 10%
PHONE = {"width": 390, "height": 844}
# Chrome on a current Android phone: Material and our scripts see a phone.
MOBILE_UA = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
             "Chrome/131.0.0.0 Mobile Safari/537.36")


def _kind(url: str, resource_type: str) -> str:
    path = url.split("?")[0]
    if any(part in path for part in ("/search", "/tim-kiem", "/lunr/", "/workers/")):
        return "search"
    if path.endswith((".png", ".svg", ".ico", ".jpg", ".webp")):
        return "image"
    return {"document": "html", "stylesheet": "css", "script": "js", "image": "image", "font": "font",
            "fetch": "fetch", "xhr": "fetch"}.get(resource_type, resource_type)


def first_visit(browser, url: str) -> dict:
    """Requests of one first visit (a fresh context: empty cache, no cookies)."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=3, is_mobile=True, has_touch=True,
                                  user_agent=MOBILE_UA)
    finished: list = []
    failed: list[str] = []
    # Context-level events include the requests of the page's workers
    # (Material's search worker fetches its index from one).
    context.on("requestfinished", lambda r: finished.append(r))
    context.on("requestfailed", lambda r: failed.append(r.url))
    page = context.new_page()
    response = page.goto(url, wait_until="load")
    if response is None or response.status != 200:
        raise SystemExit(f"{url}: HTTP {response.status if response else 'no response'}")
    page.wait_for_load_state("networkidle")
    requests, totals = [], {"transferred": 0, "body": 0}
    by_kind: dict[str, int] = {}
    for request in finished:
        sizes = request.sizes()
        resp = request.response()
        # Chromium reports 0 for a worker's own script; the server's
        # Content-Length (always sent, gzip or not) is the bytes on the wire.
        length = resp.header_value("content-length") if resp else None
        body = int(length) if length else sizes["responseBodySize"]
        headers = sizes["responseHeadersSize"]
        kind = _kind(request.url, request.resource_type)
        requests.append({"url": request.url.split("://", 1)[1].split("/", 1)[1], "kind": kind,
                         "status": resp.status if resp else None, "body": body, "headers": headers,
                         "gzip": bool(resp and resp.header_value("content-encoding") == "gzip")})
        totals["transferred"] += body + headers
        totals["body"] += body
        by_kind[kind] = by_kind.get(kind, 0) + body + headers
    context.close()
    return {**totals, "requests_n": len(requests), "by_kind": by_kind, "failed": failed, "requests": requests}


def measure(sites: dict[str, Path], page_url: str = PAGE) -> dict:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(synth.ROOT / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS

    result: dict = {"page": page_url, "target_ratio": TARGET}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name, site in sites.items():
                with static.served(site) as base:
                    result[name] = first_visit(browser, base + page_url)
        finally:
            browser.close()
    result["ratio"] = round(result["hooks"]["transferred"] / result["plain"]["transferred"], 3)
    # Secondary: the page without either site's search files, so a change in
    # the page itself is not hidden by Material's index growing with the site.
    bare = {n: result[n]["transferred"] - result[n]["by_kind"].get("search", 0) for n in sites}
    result["ratio_without_search"] = round(bare["hooks"] / bare["plain"], 3)
    return result


def report(result: dict) -> None:
    for name in ("hooks", "plain"):
        r = result[name]
        kinds = ", ".join(f"{k} {v / 1000:.1f}" for k, v in sorted(r["by_kind"].items(), key=lambda kv: -kv[1]))
        print(f"{result['page']} {name:5}  {r['transferred'] / 1000:7.1f} KB transferred in {r['requests_n']} requests"
              f" (KB by kind: {kinds})", flush=True)
    ok = "met" if result["ratio"] <= TARGET else "NOT met"
    print(f"page weight ratio (hooks / plain): {result['ratio']:.3f}  (target ≤ {TARGET}: {ok}; "
          f"without either site's search files {result['ratio_without_search']:.3f})", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--page", default=PAGE)
    real.add_built_option(parser)
    args = parser.parse_args()
    result = measure(real.sites(args.built), args.page)
    report(result)
    OUT.mkdir(exist_ok=True)
    (OUT / "page_weight.json").write_text(json.dumps(result, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
