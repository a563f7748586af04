"""Resolve: rewrite every page's [[…]] references and document numbers into
links, in one pass over the blocks the corpus already parsed.

Output is separate from the model (data flows one way): resolved Markdown per
block and per clause, every occurrence for the backlinks and the report, and
the numbers that match no known document.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field, replace

from hooks import contract
from hooks.model.corpus import Corpus, Page
from hooks.model.errors import ErrorSink, shown
from hooks.resolve import references
from hooks.resolve.placeholders import defer as render_defer
from hooks.text import docnumbers, markdown_scan, textnorm

_HEADING = re.compile(r"^#{1,6}\s+(.+?)(?:\s*\{#([a-z0-9-]+)[^}]*\})?\s*$")
_NO_AUTOLINK = re.compile(r"^\s*(#{1,6}\s|!!!|\?\?\?|<)")


@dataclass(frozen=True)
class Occurrence:
    src: str          # page that holds it
    line: int
    target: str       # 'kl-14', 'kl-14#muc-2-4', 'so-noi-vu'
    how: str          # 'reference' ([[…]]), 'number' (a document number in prose) or 'link' (Markdown link)
    text: str         # as written


@dataclass
class Resolved:
    blocks: dict[str, list[str]] = field(default_factory=dict)   # src -> Markdown per block
    clauses: dict[str, str] = field(default_factory=dict)        # 'doc#anchor' -> Markdown
    occurrences: list[Occurrence] = field(default_factory=list)
    fragments: list[str] = field(default_factory=list)           # link HTML behind inline placeholders
    unknown_numbers: list[tuple[str, int, str]] = field(default_factory=list)


def targets(corpus: Corpus) -> dict[str, references.Target]:
    """Everything a reference may point to, with its link text and hover."""
    out: dict[str, references.Target] = {}
    for doc in corpus.documents.values():
        target = references.Target(doc.id, "document", doc.url, doc.title, doc.summary)
        for clause in doc.clauses.values():
            target.anchors[clause.anchor] = references.Anchor(
                corpus.clause_name(clause), references.first_words(clause.text))
        for block in doc.blocks:
            for line in markdown_scan.prose_lines(block.markdown):
                heading = _HEADING.match(line.text)
                if heading is None:
                    continue
                anchor = heading.group(2) or textnorm.slugify(heading.group(1))
                target.anchors.setdefault(anchor, references.Anchor(f"{heading.group(1)} — {doc.title}", ""))
        for old, new in doc.redirects.items():
            target.anchors[old] = replace(target.anchors[new], moved_to=new)
        for task in doc.tasks.values():
            number = task.id.rpartition("-")[2]
            target.anchors[task.id] = references.Anchor(f"nhiệm vụ {number} {doc.title}",
                                                        references.first_words(task.what))
        out[doc.id] = target
    for body in corpus.bodies.values():
        out[body.id] = references.Target(body.id, "body", body.url, body.short_name, body.name)
    for faq in corpus.faqs.values():
        out[faq.id] = references.Target(faq.id, "faq", faq.url, faq.question)
    return out


def run(corpus: Corpus, sink: ErrorSink) -> Resolved:
    """Resolve every page; report bad references to `sink` with file and line."""
    index = targets(corpus)
    by_number = {docnumbers.canonical(d.meta["number"]): d for d in corpus.documents.values() if d.meta["number"]}
    resolved = Resolved()
    placed: dict[str, str] = {}   # link HTML -> its placeholder: the same link is held once
    for page in corpus.pages.values():
        own = page.src.rpartition("/")[2][:-3] if page.kind == "document" else None
        pieces = []
        for block in page.blocks:
            if block.clause is None:
                pieces.append(_resolve_text(block.markdown, block.line, page, own, index, by_number, sink, resolved,
                                             corpus.broken, placed))
            else:
                pieces.append("")
                assert own is not None   # clause blocks only exist in documents
                clause = corpus.documents[own].clauses[block.clause]
                resolved.clauses[clause.key] = _resolve_text(clause.source, clause.source_line, page, own,
                                                             index, by_number, sink, resolved, corpus.broken, placed)
        resolved.blocks[page.src] = pieces
    return resolved


def _resolve_text(text: str, start: int, page: Page, own: str | None, index, by_number,
                  sink: ErrorSink, resolved: Resolved, broken: set[str], placed: dict[str, str]) -> str:
    # A reference to a file that failed its own checks is not reported
    # again: that file's error is the one to fix.
    linked: set[str] = set()      # documents already linked in this section
    skip_line = [False]

    in_heading = [False]

    def on_line(i: int, line: str) -> None:
        in_heading[0] = line.startswith("#")
        if in_heading[0]:
            linked.clear()          # a heading opens a new section
        skip_line[0] = bool(_NO_AUTOLINK.match(line))

    def _place(link_html: str) -> str:
        # Headings keep real HTML so their slugs stay clean; elsewhere the
        # link waits behind a placeholder Markdown does not parse.
        if in_heading[0]:
            return link_html
        mark = placed.get(link_html)
        if mark is None:
            mark = placed[link_html] = render_defer(resolved.fragments, link_html, inline=True)
        return mark

    def on_ref(match: re.Match, i: int) -> str:
        raw = match.group(0)
        line = start + i
        ref = references.parse(raw[2:-2])
        if ref is None:
            sink.add(page.path, line, f"tham chiếu {shown(raw)} sai cú pháp.", f"malformed reference {shown(raw)}.",
                     "viết [[mã]], [[mã#điều-khoản]] hoặc [[mã#điều-khoản|chữ hiển thị]].",
                     "write [[id]], [[id#anchor]] or [[id#anchor|text]].")
            return raw
        near = references.check(ref, index)
        if near is not None and ref.id in broken:
            return raw
        if near is not None:
            sink.add(page.path, line, f"tham chiếu {raw} trỏ đến {shown(ref.key)}, không có trên trang.",
                     f"reference {raw} points to {shown(ref.key)}, which does not exist.",
                     f"các mã gần nhất: {', '.join(near)}.", f"nearest valid ids: {', '.join(near)}.")
            return raw
        ref = references.canonical(ref, index)
        resolved.occurrences.append(Occurrence(page.src, line, ref.key, "reference", raw))
        return _place(references.render(ref, index))

    def on_text(text: str, i: int) -> str:
        if skip_line[0] or not text:
            return text
        out, pos = [], 0
        for begin, end, written, key in docnumbers.find(text):
            doc = by_number.get(key)
            if doc is None:
                resolved.unknown_numbers.append((page.src, start + i, written))
                continue
            if doc.id == own or doc.id in linked:
                continue
            linked.add(doc.id)
            resolved.occurrences.append(Occurrence(page.src, start + i, doc.id, "number", written))
            out.append(text[pos:begin])
            out.append(_place(references.render(references.Ref(doc.id, None, written), index)))
            pos = end
        out.append(text[pos:])
        return "".join(out)

    def on_link(target: str, i: int) -> None:
        # A plain Markdown link to a document page cites it too, and must
        # point to a document and clause that exist.
        found = document_link(page.src, target)
        if found is None:
            return
        ref = references.Ref(found[0], found[1], None)
        near = references.check(ref, index)
        if near is not None and ref.id in broken:
            return
        if near is not None:
            sink.add(page.path, start + i, f"liên kết '{target}' trỏ đến {shown(ref.key)}, không có trên trang.",
                     f"link '{target}' points to {shown(ref.key)}, which does not exist.",
                     f"các mã gần nhất: {', '.join(near)}.", f"nearest valid ids: {', '.join(near)}.")
            return
        ref = references.canonical(ref, index)
        resolved.occurrences.append(Occurrence(page.src, start + i, ref.key, "link", target))

    return markdown_scan.rewrite(text, on_ref, on_text, on_line, on_link)


def document_link(src: str, target: str) -> tuple[str, str | None] | None:
    """(doc_id, anchor) if a Markdown link written in `src` points into the
    documents folder, else None (external, in-page, other pages)."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith(("//", "#")) or not target:
        return None
    path, _, anchor = target.partition("#")
    path = path.lstrip("/") if path.startswith("/") else posixpath.normpath(
        posixpath.join(posixpath.dirname(src), path))
    path = path.removesuffix("/index.html").removesuffix("/").removesuffix(".md")
    folder, _, doc_id = path.rpartition("/")
    if folder != contract.DOCUMENTS or not doc_id or doc_id == "index":
        return None
    return doc_id, anchor or None
