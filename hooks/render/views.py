"""Resolve: turn the model into page Markdown and template view data.

Nothing here reads files; everything comes from the corpus built by
`corpus.load`. View data are plain dicts so templates only present them.
"""
from __future__ import annotations

import re

from hooks import contract
from hooks.text import dates
from hooks.text import markdown_scan
from hooks.render import graph
from hooks.text.html import Markup, start_tag, tag
from hooks.collect import redirects
from hooks.model import vocab
from hooks.derive.backlinks import EDITOR, Backlinks, Link, task_label
from hooks.model.corpus import Body, Clause, Corpus, Document, Task
from hooks.resolve.references import anchor_html
from hooks.resolve.placeholders import defer
from hooks.resolve.resolver import Resolved

# A paragraph opening with "1. " would become a Markdown list; the number is
# part of the legal text, so escape the dot (not in code, which shows as written).
_LIST_START = re.compile(r"^(\d+)\.(\s|$)")


def _escape_numbering(markdown: str) -> str:
    out, after_blank = [], True
    for line in markdown_scan.lines(markdown):
        text = line.text
        if after_blank and not line.is_code:
            text = _LIST_START.sub(r"\1\\.\2", text, count=1)
        out.append(text)
        after_blank = not text.strip()
    return "\n".join(out)


def _heading_level(clause: Clause) -> int:
    return min(2 + clause.depth, 6)


GROUPS = [
    ("implemented_by", "Được cụ thể hóa tại"),
    ("explained_by", "Hỏi đáp liên quan"),
    ("news", "Tin liên quan"),
    ("cited_by", "Được nhắc đến tại"),
]
EDITOR_NOTE = "liên kết do biên tập viên xác định"


def _link_item(link: Link, urls: dict[str, str]) -> Markup:
    url = contract.page_url(link.src, urls) + (f"#{link.anchor}" if link.anchor else "")
    return tag("li", None, anchor_html(url, link.label), Markup(" — ") + link.detail if link.detail else "")


def backlinks_markdown(groups: dict[str, list[Link]], urls: dict[str, str]) -> Markup:
    """Grouped backlinks as one raw HTML block (Markdown passes it through at
    no cost); empty groups are left out, and links an editor judged are kept
    apart from those the texts state."""
    parts = []
    editor = Markup(" ") + tag("span", {"class": "kl-editor"}, f"({EDITOR_NOTE})")
    for name, title in GROUPS:
        links = groups.get(name) or []
        stated = [l for l in links if l.basis != EDITOR]
        judged = [l for l in links if l.basis == EDITOR]
        for subset, suffix in ((stated, ""), (judged, editor)):
            if subset:
                parts += [tag("p", {"class": "kl-backlinks__title"}, title, suffix), Markup("<ul>"),
                          *[_link_item(l, urls) for l in subset], Markup("</ul>")]
    if not parts:
        return Markup("")
    return Markup("\n").join([start_tag("aside", {"class": "kl-backlinks", "data-search-exclude": True}),
                               *parts, Markup("</aside>")])


def _old_ids_html(doc: Document, clause: Clause) -> Markup:
    """Retired provisional ids as anchors on the clause that replaced them,
    so links published with them still land here (cite.js then shows the
    clause's own id in the address bar)."""
    return Markup("").join(
        Markup(" ") + tag("span", {"class": "kl-old-id", "id": old, "data-moved-to": clause.anchor},
                          f"Mã tạm trước đây: {old}")
        for old in redirects.old_ids(doc.redirects, clause.anchor))


def clause_markdown(corpus: Corpus, resolved: Resolved, links: Backlinks, doc: Document, clause: Clause,
                    urls: dict[str, str], fragments: list[str]) -> str:
    hashes = "#" * _heading_level(clause)
    parts = [
        f"<!--kl:clause {clause.anchor} {clause.depth}-->",
        "",
        f"{hashes} {clause.heading} {{#{clause.anchor} .kl-clause__heading}}",
        "",
        tag("div", {"class": "kl-clause__tools"},
            tag("button", {"type": "button", "class": "kl-cite", "data-cite": corpus.citation(clause),
                           "data-anchor": clause.anchor, "title": "Sao chép trích dẫn và liên kết cố định"},
                "Sao chép trích dẫn"),
            _old_ids_html(doc, clause)),
        "",
    ]
    if not clause.available:
        parts += [tag("p", {"class": "kl-clause__missing"},
                      "Chưa có văn bản của điều khoản này trong nguồn hiện có."), ""]
    elif clause.source:
        parts += [_escape_numbering(resolved.clauses[clause.key]), ""]
    aside = backlinks_markdown(links.for_target(clause.key), urls)
    if aside:
        parts += [defer(fragments, aside), ""]
    for child in clause.children:
        parts += [clause_markdown(corpus, resolved, links, doc, doc.clauses[child], urls, fragments), ""]
    parts.append("<!--kl:/clause-->")
    return "\n".join(parts)


def _targets_markdown(corpus: Corpus, targets: list[str]) -> list[Markup]:
    out = []
    for target in targets:
        doc_id, _, anchor = target.partition("#")
        doc = corpus.documents[doc_id]
        text = corpus.clause_name(doc.clauses[anchor]) if anchor in doc.clauses else \
            f"nhiệm vụ {anchor.rpartition('-')[2]} {doc.title}" if anchor else doc.title
        out.append(anchor_html(doc.url + (f"#{anchor}" if anchor else ""), text))
    return out


def tasks_markdown(corpus: Corpus, doc: Document) -> str:
    """The tasks a document assigns, each with its own anchor (nhiem-vu-N)."""
    if not doc.tasks:
        return ""
    unknown = vocab.UNKNOWN
    parts = ["## Nhiệm vụ được giao {#nhiem-vu}", "",
             "Nhiệm vụ, cơ quan chủ trì, phối hợp và thời hạn chỉ ghi theo những gì nguồn nêu; "
             "phần nguồn không nêu ghi là “Chưa xác định”.", ""]
    for task in doc.tasks.values():
        lead = corpus.bodies[task.lead] if task.lead else None
        support = [corpus.bodies[b] for b in task.support]
        stated = _targets_markdown(corpus, task.implements)
        judged = _targets_markdown(corpus, task.editor_implements)
        parts += [
            f"### {task_label(task, doc.title).split(' · ')[0]} {{#{task.id} .kl-task__heading}}", "",
            "<!--kl:task-->", "",
            f"> {task.what}", "",
            # f-strings, not +: str + Markup would escape the Markdown side
            f"- **Chủ trì:** {anchor_html(lead.url, lead.name) if lead else unknown}",
            f"- **Phối hợp:** {', '.join(anchor_html(b.url, b.name) for b in support) if support else unknown}",
            f"- **Thời hạn:** {dates.format_dmy(task.deadline) if task.deadline else unknown}",
            f"- **Nêu tại:** {anchor_html(f'{doc.url}#{task.stated_in}', doc.clauses[task.stated_in].phrase)}",
        ]
        if stated:
            parts.append("- **Thực hiện (theo văn bản):** " + "; ".join(stated))
        if judged:
            parts.append(f"- **Cụ thể hóa ({EDITOR_NOTE}):** " + "; ".join(judged))
        parts += ["", "<!--kl:/task-->", ""]
    return "\n".join(parts)


def document_markdown(corpus: Corpus, resolved: Resolved, links: Backlinks, doc: Document,
                      fragments: list[str], urls: dict[str, str] | None = None) -> str:
    """The page body: free Markdown as written (references resolved), clauses
    wrapped and labelled, then the tasks and everything that points here.
    Finished HTML goes to `fragments`, for `finish_html`."""
    out: list[str] = []
    for block, text in zip(doc.blocks, resolved.blocks[doc.src]):
        if block.clause is None:
            out.append(text)
        elif doc.clauses[block.clause].parent is None:
            out.append(clause_markdown(corpus, resolved, links, doc, doc.clauses[block.clause], urls or {},
                                       fragments))
    tasks = tasks_markdown(corpus, doc)
    if tasks:
        out.append(tasks)
    groups = links.for_document(corpus, doc.id)
    aside = backlinks_markdown(groups, urls or {})
    if aside:
        out += ["## Liên kết đến văn bản này {#lien-ket-den}", defer(fragments, aside)]
    return "\n\n".join(out) + "\n"


def page_markdown(resolved: Resolved, src: str) -> str:
    return "\n\n".join(resolved.blocks[src]) + "\n"


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
    return [corpus.documents[i] for i in corpus.linked_from("implements", doc.id)]


CHAIN_DEPTH_DOWN = 2   # a root may have many descendants; show two levels


def chain(corpus: Corpus, doc: Document) -> list[Document]:
    """The implementation chain through this document: everything it
    implements, transitively, and what implements it (two levels down),
    ordered by date."""
    seen = {doc.id}
    up, frontier = [], [doc]
    while frontier:
        nxt = [corpus.documents[t] for d in frontier for t in d.links("implements") if t not in seen]
        seen.update(d.id for d in nxt)
        up += nxt
        frontier = nxt
    down, frontier = [], [doc]
    for _ in range(CHAIN_DEPTH_DOWN):
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
    related_ids = set(doc.links("related")) | set(corpus.linked_from("related", doc.id))
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
        "graph": graph.layout(corpus, graph.neighbourhood(corpus, doc, in_chain), doc.id,
                              f"Lược đồ quan hệ của {doc.title}"),
        "clauses": [{"anchor": c.anchor, "heading": c.heading, "depth": c.depth,
                     "available": c.available, "provisional": c.provisional}
                    for c in doc.clauses.values()],
    }


def _task_view(corpus: Corpus, task: Task) -> dict:
    doc = corpus.documents[task.doc_id]

    def target(t: str) -> dict:
        doc_id, _, anchor = t.partition("#")
        d = corpus.documents[doc_id]
        text = corpus.clause_name(d.clauses[anchor]) if anchor in d.clauses else d.title
        return {"text": text, "url": d.url + (f"#{anchor}" if anchor else "")}

    return {
        "label": task_label(task, doc.title), "url": f"{doc.url}#{task.id}", "what": task.what,
        "lead": corpus.bodies[task.lead].short_name if task.lead else vocab.UNKNOWN,
        "support": [corpus.bodies[b].short_name for b in task.support],
        "deadline": dates.format_dmy(task.deadline) if task.deadline else vocab.UNKNOWN,
        "stated_in": {"text": corpus.clause_name(doc.clauses[task.stated_in]),
                      "url": f"{doc.url}#{task.stated_in}"},
        "implements": [target(t) for t in task.implements],
        "editor_implements": [target(t) for t in task.editor_implements],
    }


def body_view(corpus: Corpus, body: Body, links: Backlinks, urls: dict[str, str]) -> dict:
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
        "leads": [_task_view(corpus, t) for t in links.leads.get(body.id, [])],
        "supports": [_task_view(corpus, t) for t in links.supports.get(body.id, [])],
        "cited_by": [{"text": l.label, "url": urls.get(l.src, "")}
                     for l in links.cited_by.get(body.id, []) + links.news.get(body.id, [])
                     + links.explained_by.get(body.id, [])],
    }


def graph_view(corpus: Corpus) -> dict:
    """The site-wide graph and the timeline of the documents' dates."""
    return {
        "kind": "graph",
        "graph": graph.layout(corpus, set(corpus.documents)),
        "edges": [{"source": corpus.documents[e.source].title, "source_url": corpus.documents[e.source].url,
                   "target": corpus.documents[e.target].title, "target_url": corpus.documents[e.target].url,
                   "label": graph.EDGE_LABELS[e.kind]} for e in graph.edges(corpus)],
        "timeline": [_doc_ref(corpus, d) | {"iso": d.issued.isoformat() if d.issued else "", "type_label": d.type_label}
                     for d in sorted_documents(corpus)],
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
