"""Lighthouse 12.2.3 (npm, pinned) against the system Chromium on the home
page, a document and an FAQ page (when one exists), mobile settings.

    .venv/bin/python bench/lighthouse.py [SITE_DIR]   # default: site/

Serves the built folder on 127.0.0.1, prints the four scores per page and
writes bench-out/lighthouse.json; exit status 1 if any score is below 95.
tests/test_lighthouse.py runs it behind the `lighthouse` marker.
"""
from __future__ import annotations

import functools
import gzip
import http.server
import io
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from tests.tools import pages  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGET = 95
FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
         "--disable-component-update --disable-sync --no-first-run")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed when the browser asks, as any static host
    does (Python's plain server sends everything raw, which no reader meets)."""

    COMPRESSIBLE = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt")

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (path.suffix not in self.COMPRESSIBLE or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


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


def run(site: Path) -> dict[str, dict[str, int]]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    types = pages.page_types(site)
    chosen = {k: types[k] for k in ("home", "document", "faq") if k in types}
    try:
        return {k: scores(base + url) for k, url in chosen.items()}
    finally:
        server.shutdown()


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "site")
    results = run(site)
    out = ROOT / "bench-out"
    out.mkdir(exist_ok=True)
    (out / "lighthouse.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    for kind, s in results.items():
        print(f"{kind:10} " + "  ".join(f"{c} {v}" for c, v in s.items()))
    return 0 if all(v >= TARGET for s in results.values() for v in s.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
