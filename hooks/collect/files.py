"""Images and files a page links to must exist: a missing one stops the run
on its line in Vietnamese, before MkDocs' English warning (absolute paths
start at docs/, relative ones at the page's folder)."""
from __future__ import annotations

import functools
import posixpath
import re
import urllib.parse

from hooks.model.corpus import Corpus
from hooks.model.errors import ErrorSink, nearest
from hooks.text import markdown_scan

_SRC = re.compile(r"""\ssrc\s*=\s*["']?([^"'\s>]+)""", re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:|^//", re.I)


def _targets(line: markdown_scan.Line):
    """(target, is_image) of every Markdown link, image and <img src> on a prose line."""
    for seg in markdown_scan.segments(line):
        if seg.kind == markdown_scan.LINK:
            yield markdown_scan.link_target(seg.text), seg.text.startswith("!")
        elif seg.kind == markdown_scan.HTML and seg.text.lower().startswith("<img"):
            found = _SRC.search(seg.text)
            if found:
                yield found.group(1), True


def check(corpus: Corpus, sink: ErrorSink) -> None:
    docs = corpus.docs_dir

    @functools.cache
    def known() -> list[str]:
        # Listed only when a link is broken: the suggestions need every file, a good build does not.
        return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file())

    for page in corpus.pages.values():
        folder = posixpath.dirname(page.src)
        for text, start in corpus.texts(page):
            for line in markdown_scan.prose_lines(text):
                for target, image in _targets(line):
                    path = urllib.parse.unquote(target.partition("#")[0].partition("?")[0])
                    # Only what names a file: site URLs of pages ('../van-ban/kl-14/') are the resolver's.
                    if not path or _SCHEME.match(path) or not posixpath.splitext(path)[1]:
                        continue
                    rel = posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path))
                    if rel.startswith("../") or not (docs / rel).is_file():
                        near = ", ".join(nearest(rel, known(), 2))
                        what, what_en = ("ảnh", "image") if image else ("tệp", "file")
                        sink.add(page.path, start + line.index, f"{what} “{target}” không có (tìm ở docs/{rel}).",
                                 f"{what_en} “{target}” does not exist (looked for docs/{rel}).",
                                 f"đặt tệp vào docs/{rel}, hoặc sửa đường dẫn; tệp gần giống: {near}.",
                                 f"add docs/{rel} or fix the path; nearest: {near}.")
