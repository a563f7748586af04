"""Placeholders of new files (`make new`) never reach a built site.

Every template marks what the editor must replace with MARKER. Under
`make serve` a new file shows as it is, recognisably unfinished; the build
that publishes stops on the first line of each file that still holds it.
News posts start as drafts, which the build leaves out anyway."""
from __future__ import annotations

from hooks.model.corpus import Corpus, Page
from hooks.model.errors import ErrorSink

MARKER = "(sửa lại)"


def _meta_lines(page: Page) -> list[tuple[int | None, str]]:
    out = []

    def walk(value, key: str) -> None:
        if isinstance(value, str) and MARKER in value:
            out.append((page.key_lines.get(key), key))
        elif isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{key}.{k}")
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{key}[{i}]")

    for key, value in page.meta.items():
        walk(value, key)
    return out


def _text_lines(corpus: Corpus, page: Page) -> list[int]:
    return [start + i for text, start in corpus.texts(page) for i, line in enumerate(text.split("\n"))
            if MARKER in line]


def check(corpus: Corpus, sink: ErrorSink) -> None:
    for page in corpus.pages.values():
        # Only the kinds `make new` creates; the guide may name the marker.
        if page.draft or page.kind == "page":
            continue
        found = [(line, f"trường '{key}'", f"field '{key}'") for line, key in _meta_lines(page)]
        found += [(line, "nội dung", "the text") for line in _text_lines(corpus, page)]
        if not found:
            continue
        line, where, where_en = min(found, key=lambda f: f[0] or 0)
        sink.add(page.path, line, f"{where} còn chữ giữ chỗ “{MARKER}” của mẫu tệp mới; "
                 "trang xuất bản không đăng nội dung chưa hoàn thành.",
                 f"{where_en} still holds the new-file placeholder “{MARKER}”; a published site never shows it.",
                 f"thay chỗ có “{MARKER}” bằng nội dung thật (còn {len(found)} chỗ trong tệp này).",
                 f"replace each “{MARKER}” with real content ({len(found)} in this file).")
