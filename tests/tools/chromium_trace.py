"""Chromium's own trace of a page as a phone loads it: what the browser did,
counted, not timed. On a machine whose speed moves by half from one minute
to the next, counts are what a small change to a page can be judged by
(bench/page_work.py; a browser test in tests/browser/test_browser.py)."""
from __future__ import annotations

import json

PHONE = {"width": 390, "height": 844}
CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline",
              "disabled-by-default-devtools.timeline.invalidationTracking",
              "disabled-by-default-devtools.timeline.stack"]


def traced_load(browser, url: str) -> tuple[list[dict], int]:
    """The trace events of one first visit to `url` at phone size, until the
    network is idle, and the page's element count then."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    browser.start_tracing(page=page, categories=CATEGORIES)
    page.goto(url)
    page.wait_for_load_state("networkidle")
    events = json.loads(browser.stop_tracing())["traceEvents"]
    elements = page.evaluate("document.getElementsByTagName('*').length")
    context.close()
    # The trace is the whole browser's (its own pages' scripts too): keep
    # the process that parsed this page.
    pids = {e["pid"] for e in events if e.get("name") == "ParseHTML"
            and e.get("args", {}).get("beginData", {}).get("url", "").split("#")[0] == url.split("#")[0]}
    assert pids, f"no process parsed {url} in the trace"
    return [e for e in events if e.get("pid") in pids], elements


def root_restyles(events: list[dict]) -> list[tuple[str, int, str]]:
    """Each change of <html> or <body> by a script that a style rule reads
    (a rule of the form `.class .descendant` makes Chromium restyle every
    element below): the script's address, its line, and the element."""
    found = []
    for event in events:
        data = event.get("args", {}).get("data", {})
        top = (data.get("stackTrace") or [{}])[0]
        if (event.get("name") == "StyleRecalcInvalidationTracking"
                and str(data.get("nodeName", "")).split(" ")[0] in ("HTML", "BODY") and top.get("url")):
            found.append((top["url"], top.get("lineNumber", 0), data["nodeName"]))
    return found


def work(events: list[dict]) -> dict[str, int]:
    """What the browser did over the load: elements it styled (each
    recalculation counts the elements it styled), style recalculations,
    layouts and the objects they laid out, paints."""
    counts = {"elements_styled": 0, "style_recalcs": 0, "layouts": 0, "objects_laid_out": 0, "paints": 0}
    for event in events:
        name, args = event.get("name"), event.get("args", {})
        if name == "UpdateLayoutTree":
            counts["style_recalcs"] += 1
            counts["elements_styled"] += args.get("elementCount") or args.get("endData", {}).get("elementCount") or 0
        elif name == "Layout":
            counts["layouts"] += 1
            counts["objects_laid_out"] += args.get("beginData", {}).get("dirtyObjects", 0)
        elif name == "Paint":
            counts["paints"] += 1
    return counts
