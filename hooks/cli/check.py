"""`make check`: the editors' gate before sending a change. No browser, no
root, well under 30 s on this site: the strict build (every content error
with file, line and fix), every internal link and anchor of the built site,
and the content rules a machine can check, then a summary in Vietnamese.
`make test` stays the full suite."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from hooks import pipeline
from hooks.cli import linkcheck

ROOT = Path(__file__).resolve().parents[2]
# Words the site itself shows, which an answer may quote.
SITE_LABELS = {"chưa xác định", "mức độ đầy đủ"}


def _words(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


def unverified_quotations(model, sources: Path) -> list[tuple[str, str]]:
    """(FAQ id, quotation) for text in straight quotes in an answer that is
    neither in the source texts, nor a document's trích yếu, nor a label of
    the site: quotations are verbatim or they are not quotations."""
    source = " ".join(_words(p.read_text(encoding="utf-8")) for p in sorted(sources.glob("*.txt")))
    summaries = [_words(d.summary) for d in model.corpus.documents.values()]
    out = []
    for faq in model.corpus.faqs.values():
        blocks = model.corpus.pages[faq.src].blocks
        body = _words(" ".join(b.markdown for b in blocks))
        for quote in re.findall(r'"([^"]+)"', body):
            if quote not in source and not any(quote in s for s in summaries) and quote.lower() not in SITE_LABELS:
                out.append((faq.id, quote))
    return out


def main() -> int:
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
        build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                               cwd=ROOT, capture_output=True, text=True, env=env)
        if build.returncode != 0:
            print(build.stdout + build.stderr, file=sys.stderr)
            print("✗ Bản dựng dừng vì lỗi nội dung ở trên: sửa từng lỗi theo tệp, dòng và cách sửa, rồi chạy lại "
                  "'make check'.", file=sys.stderr)
            return 1
        broken = linkcheck.check(site)
        pages, links = linkcheck.count(site)
    model = pipeline.build(ROOT / "docs", ROOT)
    quotes = unverified_quotations(model, ROOT / "sources")
    for line in broken:
        print(f"Liên kết hỏng / broken link: {line}", file=sys.stderr)
    for faq_id, quote in quotes:
        print(f"docs/hoi-dap/{faq_id}.md: trích dẫn \"{quote}\" không có nguyên văn trong nguồn (sources/) hay trích "
              "yếu văn bản. Cách sửa: chép đúng từng chữ của nguồn, hoặc bỏ dấu ngoặc kép nếu là lời giải thích.",
              file=sys.stderr)
    corpus = model.corpus
    clauses = sum(len(d.clauses) for d in corpus.documents.values())
    posts = sum(1 for p in corpus.pages.values() if p.kind == "news")
    ok = not broken and not quotes
    print(f"{'✓' if ok else '✗'} Kiểm tra {'xong' if ok else 'có lỗi'} sau {time.perf_counter() - started:.1f} giây: "
          f"{len(corpus.documents)} văn bản ({clauses} điều khoản), {len(corpus.bodies)} cơ quan, "
          f"{len(corpus.faqs)} hỏi đáp, {posts} tin; {pages} trang, {links} liên kết nội bộ, "
          f"{len(broken)} liên kết hỏng, {len(quotes)} trích dẫn chưa đúng nguyên văn.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
