"""Search speed and size: this site's search against plain Material search.

For each scale (1×, 10×, 100× of a base synthetic corpus) it builds the same
pages twice, once as the site ships (Pagefind index, our search box) and once
with Material's own lunr search, serves each on 127.0.0.1, and in headless
Chromium measures, for one query typed right after the page loads:

  * bytes downloaded before the first results appear (raw and gzip),
  * time from page load to first results, and from the last keystroke.

Usage: .venv/bin/python bench/search_bench.py [--scales 1 10 100] [--query "can bo"]
Output goes to bench-out/. The corpus comes from bench/synth.py when it is
present (the lead's generator); otherwise from the minimal generator below.
"""
from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import random
import re
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
from conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

BASE = {"documents": 10, "clauses": 30, "faqs": 50, "posts": 50}
WORDS = ("cán bộ năng động sáng tạo vì lợi ích chung khuyến khích bảo vệ đổi mới thí điểm trách nhiệm cấp ủy "
         "tổ chức đảng người đứng đầu chính quyền cơ quan đơn vị đề xuất thẩm quyền xem xét quyết định nhân rộng "
         "mô hình giải pháp thể chế hóa quy định pháp luật đội ngũ công chức viên chức tỉnh huyện").split()


def _text(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def minimal_generate(dest: Path, scale: int, seed: int = 14) -> None:
    """Filler corpus in the real formats: documents shaped like kl-14.md
    (clause lines `{#muc-N}`), FAQ pages and blog posts. Never published."""
    rng = random.Random(seed)
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for folder in ("hooks", "overrides", "docs"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    docs = dest / "docs"
    template = (ROOT / "docs/van-ban/kl-14.md").read_text(encoding="utf-8")
    front = template.split("\n---\n", 1)[0] + "\n---\n"
    for d in range(BASE["documents"] * scale):
        number = 1000 + d
        meta = front.replace("id: kl-14", f"id: kl-{number}").replace("number: 14-KL/TW", f"number: {number}-KL/TW")
        clauses = "\n\n".join(f"{{#muc-{c}}}\n{c}. {_text(rng, 60)}" for c in range(1, BASE["clauses"] + 1))
        (docs / "van-ban" / f"kl-{number}.md").write_text(f"{meta}\n## Nội dung\n\n{clauses}\n", encoding="utf-8")
    (docs / "hoi-dap").mkdir(exist_ok=True)
    for f in range(BASE["faqs"] * scale):
        (docs / "hoi-dap" / f"hd-{f}.md").write_text(
            f"# Hỏi đáp thử {f}\n\n## Câu hỏi\n\n{_text(rng, 20)}\n\n## Trả lời\n\n{_text(rng, 80)}\n", encoding="utf-8")
    posts = docs / "tin-tuc" / "posts"
    for p in range(BASE["posts"] * scale):
        (posts / f"thu-{p}.md").write_text(
            f"---\ntitle: \"Tin thử {p}\"\ndate: 2023-01-{1 + p % 28:02d}\nauthors:\n  - tuan-lam\n"
            f"categories:\n  - Triển khai văn bản\nslug: tin-thu-{p}\n---\n\n# Tin thử {p}\n\n{_text(rng, 40)}\n\n"
            f"<!-- more -->\n\n{_text(rng, 200)}\n", encoding="utf-8")


def generate(dest: Path, scale: int) -> str:
    try:
        from bench import synth  # the lead's generator, once merged
        synth.generate(dest, scale)
        return "bench/synth.py"
    except ImportError:
        minimal_generate(dest, scale)
        return "bench/search_bench.py (minimal generator)"


def as_plain_material(project: Path) -> None:
    """The same pages with Material's own search box and lunr index."""
    (project / "overrides/partials/search.html").unlink()
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  - assets/javascripts/search.js\n", ""),
                      encoding="utf-8")


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
    bodies: list[bytes] = []
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.on("response", lambda r: bodies.append(_body(r)))
            page.goto(url, wait_until="load")
            loaded = page.evaluate("performance.now()")
            page.keyboard.press("/")
            page.locator(field).press_sequentially(query)
            typed = page.evaluate("performance.now()")
            page.wait_for_selector(results, timeout=120_000)
            shown = page.evaluate("performance.now()")
            raw = sum(len(b) for b in bodies)
            gz = sum(len(gzip.compress(b)) for b in bodies)
            browser.close()
    finally:
        server.shutdown()
    return {"bytes": raw, "gzip": gz, "ms_from_load": round(shown - loaded), "ms_from_keystroke": round(shown - typed)}


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--query", default="can bo nang dong")
    args = parser.parse_args()
    rows = []
    for scale in args.scales:
        for engine in ("site", "material"):
            project = OUT / f"x{scale}-{engine}"
            source = generate(project, scale)
            if engine == "material":
                as_plain_material(project)
            seconds = build(project)
            m = measure(project / "site", engine, args.query)
            m.update(scale=scale, engine=engine, build_s=round(seconds, 1), corpus=source,
                     index_bytes=site_size(project / "site", "pagefind" if engine == "site" else
                                           "search/search_index.json"))
            rows.append(m)
            print(json.dumps(m, ensure_ascii=False), flush=True)
            shutil.rmtree(project)
    OUT.mkdir(exist_ok=True)
    (OUT / "search_bench.json").write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
    print("\nscale  engine    gzip-before-results  raw-before-results  ms-from-load  ms-from-keystroke  index-on-disk")
    for r in rows:
        print(f"{r['scale']:>4}×  {r['engine']:<8}  {r['gzip']:>19,}  {r['bytes']:>18,}  {r['ms_from_load']:>12}"
              f"  {r['ms_from_keystroke']:>17}  {r['index_bytes']:>13,}")
    print("\nratios (site / material)")
    for scale in args.scales:
        s = next(r for r in rows if r["scale"] == scale and r["engine"] == "site")
        m = next(r for r in rows if r["scale"] == scale and r["engine"] == "material")
        print(f"{scale:>4}×  gzip {s['gzip'] / m['gzip']:.2f}  raw {s['bytes'] / m['bytes']:.2f}  "
              f"time-from-load {s['ms_from_load'] / max(m['ms_from_load'], 1):.2f}")


if __name__ == "__main__":
    main()
