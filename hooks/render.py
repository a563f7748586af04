"""Resolve: turn the model into page Markdown and template view data.

Nothing here reads files; everything comes from the corpus built by
`corpus.load`. View data are plain dicts so templates only present them.
"""
from __future__ import annotations

import html
import re

from . import dates, vocab
from .corpus import Body, Clause, Corpus, Document

# A paragraph opening with "1. " would become a Markdown list; the number is
# part of the legal text, so escape the dot.
_LIST_START = re.compile(r"(^|\n\n)(\d+)\.(\s)")


def _escape_numbering(markdown: str) -> str:
    return _LIST_START.sub(r"\1\2\\.\3", markdown)


def _heading_level(clause: Clause) -> int:
    return min(2 + clause.depth, 6)


def clause_markdown(corpus: Corpus, doc: Document, clause: Clause) -> str:
    cite = html.escape(corpus.citation(clause), quote=True)
    hashes = "#" * _heading_level(clause)
    parts = [
        f'<section class="kl-clause kl-clause--depth-{clause.depth}" data-clause="{clause.anchor}" markdown="block">',
        "",
        f"{hashes} {clause.heading} {{#{clause.anchor} .kl-clause__heading}}",
        "",
        f'<div class="kl-clause__tools"><button type="button" class="kl-cite" data-cite="{cite}" '
        f'data-anchor="{clause.anchor}" title="Sao chép trích dẫn và liên kết cố định">'
        f'Sao chép trích dẫn</button></div>',
        "",
    ]
    if not clause.available:
        parts += ['<p class="kl-clause__missing">Chưa có văn bản của điều khoản này trong nguồn hiện có.</p>', ""]
    elif clause.source:
        parts += [_escape_numbering(clause.source), ""]
    for child in clause.children:
        parts += [clause_markdown(corpus, doc, doc.clauses[child]), ""]
    parts.append("</section>")
    return "\n".join(parts)


def document_markdown(corpus: Corpus, doc: Document) -> str:
    """The page body: free Markdown as written, clauses wrapped and labelled."""
    out = []
    for block in doc.blocks:
        if block.clause is None:
            out.append(block.markdown)
        elif doc.clauses[block.clause].parent is None:
            out.append(clause_markdown(corpus, doc, doc.clauses[block.clause]))
    return "\n\n".join(out) + "\n"


def _doc_ref(corpus: Corpus, doc: Document, current: Document | None = None) -> dict:
    return {
        "id": doc.id, "title": doc.title, "url": doc.url, "summary": doc.summary,
        "issued": _day(doc.issued), "issuer": _issuer(corpus, doc)["name"],
        "current": current is not None and doc.id == current.id,
        "completeness": vocab.COMPLETENESS[doc.completeness],
    }


def _day(day) -> str:
    return dates.format_dmy(day) if day else vocab.UNKNOWN


def _issuer(corpus: Corpus, doc: Document) -> dict:
    body = corpus.bodies.get(doc.meta["issuer"] or "")
    return {"name": body.name, "url": body.url} if body else {"name": vocab.UNKNOWN, "url": None}


def implementers(corpus: Corpus, doc: Document) -> list[Document]:
    return [d for d in sorted_documents(corpus) if doc.id in d.links("implements")]


def chain(corpus: Corpus, doc: Document) -> list[Document]:
    """The implementation chain through this document: what it implements,
    transitively, then what implements it, ordered by date."""
    up, seen = [], {doc.id}
    frontier = [doc]
    while frontier:
        nxt = []
        for d in frontier:
            for t in d.links("implements"):
                if t not in seen:
                    seen.add(t)
                    nxt.append(corpus.documents[t])
        up += nxt
        frontier = nxt
    down, frontier = [], [doc]
    while frontier:
        nxt = [d for f in frontier for d in implementers(corpus, f) if d.id not in seen]
        seen.update(d.id for d in nxt)
        down += nxt
        frontier = nxt
    return sorted(up + [doc] + down, key=lambda d: d.sort_key)


def sorted_documents(corpus: Corpus) -> list[Document]:
    return sorted(corpus.documents.values(), key=lambda d: d.sort_key)


def document_view(corpus: Corpus, doc: Document) -> dict:
    meta = doc.meta
    signer = meta.get("signer") or {}
    in_chain = chain(corpus, doc)
    related_ids = set(doc.links("related")) | {d.id for d in corpus.documents.values() if doc.id in d.links("related")}
    return {
        "kind": "document",
        "id": doc.id,
        "title": doc.title,
        "type_label": doc.type_label,
        "number": meta["number"] or vocab.UNKNOWN,
        "summary": doc.summary,
        "issuer": _issuer(corpus, doc),
        "signer_name": signer.get("name") or vocab.UNKNOWN,
        "signer_title": " – ".join(x for x in (signer.get("on_behalf"), signer.get("title")) if x) or vocab.UNKNOWN,
        "issued": _day(doc.issued),
        "effective": dates.format_dmy(doc.effective) if doc.effective else vocab.UNKNOWN,
        "status": vocab.STATUSES[meta["legal_status"]],
        "fields": meta.get("fields") or [],
        "completeness": {"key": doc.completeness, "label": vocab.COMPLETENESS[doc.completeness],
                         "source": meta["text"]["source"], "missing": meta["text"].get("missing") or []},
        "citation": corpus.citation_title(doc),
        "chain": [_doc_ref(corpus, d, doc) for d in in_chain] if len(in_chain) > 1 else [],
        "related": [_doc_ref(corpus, corpus.documents[i]) for i in sorted(related_ids)],
        "based_on": [_doc_ref(corpus, corpus.documents[i]) for i in doc.links("based_on")],
        "provisional": any(c.provisional for c in doc.clauses.values()),
        "clauses": [{"anchor": c.anchor, "heading": c.heading, "depth": c.depth,
                     "available": c.available, "provisional": c.provisional}
                    for c in doc.clauses.values()],
    }


def body_view(corpus: Corpus, body: Body) -> dict:
    parent = corpus.bodies.get(body.meta.get("parent") or "")
    return {
        "kind": "body",
        "id": body.id,
        "name": body.name,
        "short_name": body.short_name,
        "level": vocab.BODY_LEVELS[body.meta["level"]],
        "group": bool(body.meta.get("group")),
        "parent": {"name": parent.name, "url": parent.url} if parent else None,
        "children": [{"name": b.name, "url": b.url} for b in corpus.bodies.values()
                     if b.meta.get("parent") == body.id],
        "issued": [_doc_ref(corpus, d) for d in sorted_documents(corpus) if d.meta["issuer"] == body.id],
    }


def documents_index_view(corpus: Corpus) -> dict:
    return {"kind": "documents-index",
            "documents": [_doc_ref(corpus, d) | {"type_label": d.type_label, "number": d.meta["number"] or vocab.UNKNOWN}
                          for d in sorted_documents(corpus)]}


def bodies_index_view(corpus: Corpus) -> dict:
    groups = []
    for level, label in vocab.BODY_LEVELS.items():
        members = sorted((b for b in corpus.bodies.values() if b.meta["level"] == level),
                         key=lambda b: (bool(b.meta.get("group")), b.name))
        if members:
            groups.append({"key": level, "label": label, "bodies": [
                {"name": b.name, "url": b.url, "group": bool(b.meta.get("group")),
                 "issued": [d.title for d in sorted_documents(corpus) if d.meta["issuer"] == b.id]}
                for b in members]})
    return {"kind": "bodies-index", "groups": groups}
