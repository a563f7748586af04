"""Retired provisional clause ids, and the clauses that took their place.

Where only a summary of a document was published, its items carry
provisional ids (`noi-dung-N`). When the official text arrives its own
numbering takes over, and every old id must keep working: no published link
breaks (DESIGN.md). A document lists each retired id in `redirects` with the
clause that replaced it. This module checks the list and maps any target
written with an old id to the new clause; the page keeps the old id as an
anchor on that clause (render.py), so old links land there too.
"""
from __future__ import annotations

import re

from hooks.model.corpus import Corpus
from hooks.model.errors import ErrorSink, nearest, shown
from hooks.text import frontmatter

PROVISIONAL = re.compile(r"^noi-dung-\d+$")


def check(corpus: Corpus, sources: dict[str, frontmatter.Source], sink: ErrorSink) -> None:
    """Fill each document's `redirects` map from valid entries; report the rest."""
    for doc in corpus.documents.values():
        src = sources[doc.id]
        for i, entry in enumerate(doc.meta.get("redirects") or []):
            old, new = entry["from"], entry["to"]

            def err(key: str, vi: str, en: str, fix_vi: str, fix_en: str) -> None:
                path = f"redirects[{i}].{key}"
                sink.add(doc.path, frontmatter.line_of(src.key_lines, path), vi, en, fix_vi, fix_en, field=path)

            ok = True
            if not PROVISIONAL.match(old):
                ok = False
                err("from", f"chỉ mã tạm dạng noi-dung-N mới được chuyển hướng, không phải {shown(old)}.",
                    f"only provisional ids (noi-dung-N) can be redirected, not {shown(old)}.",
                    "mã đã công bố theo số của văn bản không bao giờ đổi; bỏ dòng này.",
                    "ids from the document's own numbering never change; remove this entry.")
            elif old in doc.clauses:
                ok = False
                err("from", f"{shown(old)} vẫn là một điều khoản của văn bản này.",
                    f"{shown(old)} is still a clause of this document.",
                    f"bỏ dòng {{#{old}}} khỏi văn bản, hoặc bỏ chuyển hướng này.",
                    f"remove the {{#{old}}} line from the text, or this redirect.")
            elif old in doc.redirects:
                ok = False
                err("from", f"{shown(old)} đã được chuyển hướng ở trên.", f"{shown(old)} is already redirected above.",
                    "mỗi mã cũ chỉ chuyển đến một điều khoản; bỏ dòng lặp.",
                    "each old id goes to one clause; remove the repeated entry.")
            if new not in doc.clauses:
                ok = False
                near = ", ".join(nearest(new, list(doc.clauses)))
                err("to", f"không có điều khoản {shown(new)} trong văn bản này.",
                    f"there is no clause {shown(new)} in this document.",
                    f"ghi mã một điều khoản của văn bản; gần nhất: {near}.",
                    f"name a clause of this document; nearest: {near}.")
            if ok:
                doc.redirects[old] = new


def canonical(corpus: Corpus, target: str) -> str:
    """'kh-116#noi-dung-1' -> 'kh-116#muc-1' once redirected; else unchanged."""
    doc_id, _, anchor = target.partition("#")
    doc = corpus.documents.get(doc_id)
    if doc is not None and anchor in doc.redirects:
        return f"{doc_id}#{doc.redirects[anchor]}"
    return target


def apply(corpus: Corpus) -> None:
    """Front-matter targets written with an old id name the new clause from
    here on, so checks, backlinks and pages see one id per clause."""
    for doc in corpus.documents.values():
        for task in doc.tasks.values():
            task.stated_in = doc.redirects.get(task.stated_in, task.stated_in)
            task.implements = [canonical(corpus, t) for t in task.implements]
            task.editor_implements = [canonical(corpus, t) for t in task.editor_implements]
    for faq in corpus.faqs.values():
        faq.explains = list(dict.fromkeys(canonical(corpus, t) for t in faq.explains))


def old_ids(redirects: dict[str, str], anchor: str) -> list[str]:
    """The retired ids that now lead to `anchor`."""
    return [old for old, new in redirects.items() if new == anchor]
