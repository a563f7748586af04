"""Under `make serve`: time from saving a Markdown file to the page showing
the change, with the hooks against plain Material's `mkdocs serve
--livereload` of the same synthetic pages, in the same run.

    .venv/bin/python -m bench.serve_reload [--scales 1 10] [--repeat 5]

For each size, generates the corpus twice (bench/synth.py; plain as
bench/bench.py builds it), starts both servers on free ports as `make
serve` does (`mkdocs serve --livereload`, full rebuilds), opens the same
document page of each in headless Chromium, then edits alternately: appends
a new word to the page's last clause, and times from the write to the
moment the page's text shows the word (the server noticed the file, rebuilt
the site, and live reload reloaded the page). Median of --repeat edits;
also the rebuild time each server printed. Writes bench-out/serve_reload.json.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench import synth
from hooks.cli import port

OUT = synth.ROOT / "bench-out"
PAGE = "van-ban/vb-1"   # a document: what editors change most
_BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")


class Server:
    """One `mkdocs serve --livereload` of a project, started and stopped by us."""

    def __init__(self, project: Path):
        self.project = project
        self.port = port.unused()
        self.log = project / "serve.log"
        self.url = f"http://127.0.0.1:{self.port}/{PAGE}/"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        cmd = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr", f"127.0.0.1:{self.port}",
               "-f", str(project / "mkdocs.yml")]
        with self.log.open("w") as out:
            self.proc = subprocess.Popen(cmd, cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT)

    def wait_ready(self, timeout: float = 900) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise SystemExit(f"mkdocs serve stopped in {self.project}:\n{self.log.read_text()[-3000:]}")
            try:
                with urllib.request.urlopen(self.url, timeout=5) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.5)
        raise SystemExit(f"mkdocs serve not ready after {timeout} s in {self.project}")

    def builds(self) -> list[float]:
        return [float(s) for s in _BUILT.findall(self.log.read_text(encoding="utf-8", errors="replace"))]

    def stop(self) -> None:
        # SIGINT, as Ctrl-C: mkdocs removes its temporary site folder.
        self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def _append_word(markdown: Path, word: str) -> None:
    """The word at the end of the last clause's paragraph (a paragraph
    outside any clause would be a content error under the hooks)."""
    text = markdown.read_text(encoding="utf-8").rstrip("\n")
    markdown.write_text(f"{text} {word}\n", encoding="utf-8")


# When the reloaded page first painted (its first contentful paint, else the
# end of DOMContentLoaded), in ms since the epoch, by the page's own clock.
_SHOWN_AT = """() => {
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    const nav = performance.getEntriesByType("navigation")[0];
    return performance.timeOrigin + (paint ? paint.startTime : nav.domContentLoadedEventEnd);
}"""


def _shown_at(page, word: str) -> float | None:
    # textContent, not innerText: innerText leaves out text the browser has
    # not laid out, as with a stylesheet that skips content far below the screen.
    try:
        if page.evaluate("w => !!document.body && document.body.textContent.includes(w)", word):
            return float(page.evaluate(_SHOWN_AT))
    except Exception:   # the page is reloading: its context is gone for a moment
        pass
    return None


def time_edit(page, server: Server, word: str, timeout: float = 1800) -> tuple[float, float | None]:
    """Seconds from the write to the reloaded page showing the word, and the
    rebuild time the server printed for it. The page is checked only every
    quarter second (checking costs CPU the rebuild needs); the end time is
    the page's own paint time, so the coarse check does not blur it."""
    before = len(server.builds())
    start = time.time()
    _append_word(server.project / "docs" / f"{PAGE}.md", word)
    while (shown := _shown_at(page, word)) is None:
        if time.time() - start > timeout:
            raise SystemExit(f"{server.url} did not show {word!r} within {timeout} s; see {server.log}")
        time.sleep(0.25)
    builds = server.builds()
    return shown / 1000 - start, builds[-1] if len(builds) > before else None


def measure(scale: int, repeat: int) -> dict:
    from playwright.sync_api import sync_playwright

    sys.path.insert(0, str(synth.ROOT / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS

    base = OUT / f"serve-x{scale}"
    projects = {"hooks": base / "hooks", "plain": base / "plain"}
    synth.generate(projects["hooks"], scale)
    synth.generate(projects["plain"], scale)
    synth.plain(projects["plain"])
    servers = {name: Server(project) for name, project in projects.items()}
    times: dict[str, list[float]] = {n: [] for n in servers}
    rebuilds: dict[str, list[float]] = {n: [] for n in servers}
    try:
        for server in servers.values():
            server.wait_ready()
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            pages = {}
            for name, server in servers.items():
                pages[name] = browser.new_page()
                pages[name].goto(server.url, wait_until="load")
            time.sleep(2)   # let the file watchers take their first look
            for i in range(repeat):
                # Alternate the two servers so drift on the machine hits both alike.
                for name, server in servers.items():
                    seconds, rebuilt = time_edit(pages[name], server, f"benchreload{i}{name}")
                    times[name].append(round(seconds, 3))
                    print(f"serve {scale:>4}× {name:5} edit {i + 1}: {seconds:6.2f} s (rebuild {rebuilt} s)", flush=True)
                    if rebuilt is not None:
                        rebuilds[name].append(rebuilt)
                    time.sleep(1.5)   # the watcher polls every 0.5 s; start each edit from quiet
            browser.close()
    finally:
        for server in servers.values():
            server.stop()
    h, p = statistics.median(times["hooks"]), statistics.median(times["plain"])
    row = {"scale": scale, "repeats": repeat, "hooks_s": round(h, 2), "plain_s": round(p, 2),
           "ratio": round(h / p, 3), "hooks_runs": times["hooks"], "plain_runs": times["plain"],
           "hooks_rebuild_s": round(statistics.median(rebuilds["hooks"]), 2) if rebuilds["hooks"] else None,
           "plain_rebuild_s": round(statistics.median(rebuilds["plain"]), 2) if rebuilds["plain"] else None}
    print(f"serve {scale:>4}×  save → reloaded page: hooks {h:6.2f} s  plain {p:6.2f} s  ratio {h / p:5.3f}  "
          f"(rebuild as printed: {row['hooks_rebuild_s']} s / {row['plain_rebuild_s']} s; runs {times['hooks']} / "
          f"{times['plain']})", flush=True)
    return row


def run(scales: list[int], repeat: int) -> list[dict]:
    rows = [measure(scale, repeat) for scale in scales]
    OUT.mkdir(exist_ok=True)
    (OUT / "serve_reload.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return rows


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    run(args.scales, args.repeat)
