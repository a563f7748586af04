"""Resolve: turn the model into page Markdown and template view data.

Nothing here reads files; everything comes from the corpus built by
`corpus.load`. View data are plain dicts so templates only present them.
"""
from __future__ import annotations

import re

from hooks import contract
from hooks.collect import redirects
from hooks.derive.backlinks import EDITOR, Backlinks, Link, task_label
from hooks.derive.model import Model
from hooks.model import anchors, vocab
from hooks.model.corpus import Body, Clause, Corpus, Document, Task
from hooks.render import graph
from hooks.resolve.placeholders import defer
from hooks.resolve.references import URL_PREFIX, anchor_html
from hooks.resolve.resolver import Resolved
from hooks.text import dates, markdown_scan
from hooks.text.html import Markup, start_tag, tag

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


def heading_level(clause: Clause) -> int:
    return min(2 + clause.depth, 6)


GROUPS = [
    ("implemented_by", "Được cụ thể hóa tại"),
    ("explained_by", "Hỏi đáp liên quan"),
    ("news", "Tin liên quan"),
    ("cited_by", "Được nhắc đến tại"),
]
# How the folded line counts each group: "2 cụ thể hóa · 3 hỏi đáp · 1 tin".
GROUP_COUNTS = {"implemented_by": "cụ thể hóa", "explained_by": "hỏi đáp", "news": "tin", "cited_by": "nhắc đến"}
EDITOR_NOTE = "liên kết do biên tập viên xác định"
# A news post citing more clauses of a document than this is listed once,
# for the whole document, instead of under every clause it quotes.
NEWS_PER_CLAUSE_LIMIT = 3
FIRST_WORDS = 12
# A clause's own number at the start of its text ("2.4. ", "a) ").
_OWN_NUMBER = re.compile(r"^\s*(?:[0-9]+(?:\.[0-9]+)*\.?|[IVXLC]+\.|[a-zđ]\))\s+")


def first_words(text: str, count: int = FIRST_WORDS) -> str:
    """The opening words of a clause, without its own number, for labels,
    tables of contents and share text (never a substitute for the text)."""
    words = _OWN_NUMBER.sub("", text or "", count=1).split()
    return " ".join(words[:count]) + ("…" if len(words) > count else "")


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def heading_in_context(doc: Document, clause: Clause) -> str:
    """'Đoạn 2 · Mục 2.4': the clause's heading, then the units its anchor
    names above it ('Mục 2.2' stays as it is: its number says where it is)."""
    parts = anchors.parse(clause.anchor) or []
    return " · ".join([clause.heading] + [_cap(p.phrase()) for p in reversed(parts[:-1])])


def for_readers(link: Link) -> bool:
    """Links from the home page, the editors' guide and the open-data page are
    site furniture, not places that cite the text: readers do not see them."""
    return contract.reader_page(link.src)


# -- citations ---------------------------------------------------------------
_ARTICLE = re.compile(r'bài\s+"(?P<title>[^"]+)",\s*(?P<outlet>[^,]+?),\s*ngày\s+(?P<date>\d{1,2}/\d{1,2}/\d{4})')


def source_article(doc: Document) -> dict | None:
    """The article a summarised document's items come from, as the document's
    own `text.source` names it: title, outlet and date; None if it names none."""
    found = _ARTICLE.search(" ".join(str(doc.meta["text"].get("source") or "").split()))
    return found.groupdict() if found else None


def cite_text(corpus: Corpus, doc: Document, clause: Clause) -> str | None:
    """What "copy" puts on the clipboard (the URL follows): the official
    citation of a clause the site holds as text; for a provisional item, a
    plain statement that it is the source article's summary; else nothing."""
    if not clause.available:
        return None
    if not clause.provisional:
        return corpus.citation(clause)
    article = source_article(doc)
    if article is None:
        return None
    return (f"{clause.heading}: lời tóm tắt của bài viết nguồn về {corpus.citation_title(doc)}, không phải "
            f"điều khoản của văn bản. Nguồn: bài “{article['title']}”, {article['outlet']}, ngày {article['date']}")


NOTHING = Markup("")


def clause_tools(corpus: Corpus, doc: Document, clause: Clause, aside: Markup = NOTHING) -> Markup:
    """Copy and share buttons of a clause (shown once the script runs: without
    JavaScript they could do nothing), its retired ids and its folded links."""
    buttons = []
    cite = cite_text(corpus, doc, clause)
    permalink = Markup(URL_PREFIX) + contract.clause_url(doc.id, clause.anchor)
    if cite and not clause.provisional:
        buttons.append(tag("button", {"type": "button", "class": "kl-cite", "data-cite": cite,
                                      "data-anchor": clause.anchor, "data-permalink": permalink,
                                      "title": "Sao chép trích dẫn và liên kết cố định"}, "Sao chép trích dẫn"))
    elif cite:
        buttons.append(tag("button", {"type": "button", "class": "kl-cite-source", "data-cite": cite,
                                      "data-anchor": clause.anchor, "data-permalink": permalink,
                                      "title": "Sao chép ghi chú nguồn: nội dung này là tóm tắt của bài viết nguồn"},
                           "Sao chép nguồn"))
    if clause.available:
        words = first_words(clause.text, 25)
        buttons.append(tag("button", {
            "type": "button", "class": "kl-share-clause",
            "data-share-title": f"{heading_in_context(doc, clause)} · {doc.title}",
            "data-share-text": f"“{words}” — {cite or corpus.citation(clause)}",
            "data-share-url": Markup(URL_PREFIX) + contract.clause_page_url(doc.id, clause.anchor),
            "title": "Chia sẻ điều khoản này"}, "Chia sẻ"))
    return tag("div", {"class": "kl-clause__tools"}, *buttons, _old_ids_html(doc, clause), aside)


# -- backlinks -----------------------------------------------------------------
def _link_item(link: Link, urls: dict[str, str]) -> Markup:
    url = contract.page_url(link.src, urls) + (f"#{link.anchor}" if link.anchor else "")
    editor = Markup(" ") + tag("span", {"class": "kl-editor"}, f"({EDITOR_NOTE})") if link.basis == EDITOR else ""
    return tag("li", None, anchor_html(url, link.label), Markup(" — ") + link.detail if link.detail else "", editor)


_NUMBER_IN = re.compile(r"(\d+)$")


def _in_order(links: list[Link]) -> list[Link]:
    """Each source once (what the text states wins over an editor's
    judgement), grouped by source page in order of first mention, and a
    page's tasks by number."""
    best: dict[tuple, Link] = {}
    first: dict[str, int] = {}
    for link in links:
        if not for_readers(link):
            continue
        first.setdefault(link.src, len(first))
        key = (link.src, link.anchor)
        if key not in best or (best[key].basis == EDITOR and link.basis != EDITOR):
            best[key] = link

    def order(link: Link) -> tuple:
        number = _NUMBER_IN.search(link.anchor or "")
        return first[link.src], int(number.group(1)) if number else -1, link.anchor or ""
    return sorted(best.values(), key=order)


def reader_groups(groups: dict[str, list[Link]]) -> dict[str, list[Link]]:
    """Each group in order, and a place listed once: under the first group
    that holds it (a plan that implements a text and also names it is listed
    as implementing it)."""
    seen: set[tuple] = set()
    out = {}
    for name, _ in GROUPS:
        out[name] = [l for l in _in_order(groups.get(name) or []) if (l.src, l.anchor) not in seen]
        seen.update((l.src, l.anchor) for l in out[name])
    return out


def links_summary(groups: dict[str, list[Link]]) -> str:
    return " · ".join(f"{len(groups[name])} {GROUP_COUNTS[name]}" for name, _ in GROUPS if groups.get(name))


def backlinks_markdown(groups: dict[str, list[Link]], urls: dict[str, str], folded: bool = True) -> Markup:
    """Grouped backlinks as one raw HTML block (Markdown passes it through at
    no cost): one list per kind, each source once and in order, links an
    editor judged marked as such; empty groups are left out. Folded, they are
    one line ("Liên kết: 2 cụ thể hóa · 3 hỏi đáp") a reader opens, without
    JavaScript (<details>)."""
    groups = reader_groups(groups)
    parts = []
    for name, title in GROUPS:
        if groups[name]:
            parts += [tag("p", {"class": "kl-backlinks__title"}, title), Markup("<ul>"),
                      *[_link_item(l, urls) for l in groups[name]], Markup("</ul>")]
    if not parts:
        return Markup("")
    # No <aside> around it: one unnamed landmark per clause was noise to a
    # screen reader, and one more element on every restyle of a long page.
    return Markup("\n").join([
        start_tag("details", {"class": "kl-backlinks", "data-search-exclude": True, "open": not folded}),
        tag("summary", None, tag("span", {"class": "kl-backlinks__label"}, "Liên kết:"), " ", links_summary(groups)),
        *parts, Markup("</details>")])


def _old_ids_html(doc: Document, clause: Clause) -> Markup:
    """Retired provisional ids as anchors on the clause that replaced them,
    so links published with them still land here (cite.js then shows the
    clause's own id in the address bar)."""
    return Markup("").join(
        Markup(" ") + tag("span", {"class": "kl-old-id", "id": old, "data-moved-to": clause.anchor},
                          f"Mã tạm trước đây: {old}")
        for old in redirects.old_ids(doc.redirects, clause.anchor))


def crowded_news(corpus: Corpus, links: Backlinks, doc: Document) -> set[str]:
    """News posts that cite more than NEWS_PER_CLAUSE_LIMIT clauses of the
    document: listed once, for the whole document."""
    counts: dict[str, int] = {}
    for clause in doc.clauses.values():
        for link in links.news.get(clause.key, []):
            counts[link.src] = counts.get(link.src, 0) + 1
    return {src for src, n in counts.items() if n > NEWS_PER_CLAUSE_LIMIT}


def clause_groups(links: Backlinks, clause: Clause, crowded: set[str]) -> dict[str, list[Link]]:
    groups = links.for_target(clause.key)
    groups["news"] = [l for l in groups["news"] if l.src not in crowded]
    return groups


def _clause_head(resolved: Resolved, doc: Document, clause: Clause, level: int) -> list[str]:
    """A clause's marker, its heading at `level` with context, and its text
    right below: the part of it Markdown converts (as lines)."""
    hashes = "#" * min(level, 6)
    label = heading_in_context(doc, clause)
    words = first_words(clause.text, 8)
    toc = f"{clause.heading}: {words}" if words else clause.heading
    toc = re.sub(r'["{}\\]', "", toc)
    parts = [
        f"<!--kl:clause {clause.anchor} {clause.depth}-->",
        "",
        f'{hashes} {label} {{#{clause.anchor} .kl-clause__heading data-toc-label="{toc}"}}',
        "",
    ]
    if not clause.available:
        parts += [tag("p", {"class": "kl-clause__missing"},
                      "Chưa có văn bản của điều khoản này trong nguồn hiện có."), ""]
    elif clause.source:
        parts += [_escape_numbering(resolved.clauses[clause.key]), ""]
    return parts


def tail_first(clause: Clause) -> bool:
    """Whether a clause's tools and links come right after its own text, or
    after its sub-clauses when it has no text of its own (so a link to it
    lands on text)."""
    return bool(clause.source) or not clause.available or not clause.children


CLAUSE_END = "<!--kl:/clause-->"


def unit_mark(nonce: str, anchor: str) -> str:
    """Where a document page's Markdown holds a clause's unit (its marker,
    heading and text), converted apart (hooks/render/clause_units.py). The
    nonce is new in each build: no editor's text can hold a mark."""
    return f"<!--kl-unit {nonce} {anchor}-->"


def clause_head_markdown(resolved: Resolved, doc: Document, clause: Clause) -> str:
    """What a unit's mark stands for on its document's page (`unit_mark`)."""
    return "\n".join(_clause_head(resolved, doc, clause, heading_level(clause))[:-1])


def clause_markdown(corpus: Corpus, resolved: Resolved, links: Backlinks, doc: Document, clause: Clause,
                    urls: dict[str, str], fragments: list[str], crowded: set[str] | None = None,
                    top_level: int | None = None, folded: bool = True, nonce: str | None = None) -> str:
    """A clause as its heading with context, its text right below, then its
    tools and its folded links (`tail_first`). `top_level` sets the heading
    level of this clause (its own page); sub-clauses follow. With a `nonce`,
    each clause's marker, heading and text are its `unit_mark`."""
    crowded = crowded if crowded is not None else crowded_news(corpus, links, doc)
    level = heading_level(clause) if top_level is None else top_level
    parts = [unit_mark(nonce, clause.anchor), ""] if nonce else _clause_head(resolved, doc, clause, level)
    # One row under the text: copy, share, then the folded links line.
    tail = [defer(fragments, clause_tail(corpus, links, doc, clause, urls, crowded, folded)), ""]
    if tail_first(clause):
        parts += tail
    for child in clause.children:
        parts += [clause_markdown(corpus, resolved, links, doc, doc.clauses[child], urls, fragments, crowded,
                                  None if top_level is None else top_level + 1, folded, nonce), ""]
    if not tail_first(clause):
        parts += tail
    parts.append(CLAUSE_END)
    return "\n".join(parts)


def clause_tail(corpus: Corpus, links: Backlinks, doc: Document, clause: Clause, urls: dict[str, str],
                crowded: set[str], folded: bool) -> Markup:
    """The row under a clause's text: copy, share, then its links."""
    return clause_tools(corpus, doc, clause, backlinks_markdown(clause_groups(links, clause, crowded), urls, folded))


# Ends a clause's unit (clause_unit_markdown): whatever Markdown puts after
# the unit's last block stays in front of it.
UNIT_END = "<!--kl-unit-end-->"
UNIT_LEVEL = 2
PAGE_TOP_LEVEL = 2   # a clause's heading on its own page


def clause_unit_markdown(resolved: Resolved, doc: Document, clause: Clause) -> str:
    """A clause's marker, heading (at UNIT_LEVEL) and text alone, converted
    once for every clause page that shows it (hooks/render/clause_units.py)."""
    return "\n".join(_clause_head(resolved, doc, clause, UNIT_LEVEL)) + "\n" + UNIT_END + "\n"


def clause_page_markdown(corpus: Corpus, resolved: Resolved, links: Backlinks, doc: Document, clause: Clause,
                         urls: dict[str, str], fragments: list[str]) -> str:
    """The body of a clause's own page: the clause and its sub-clauses, its
    links unfolded."""
    return clause_markdown(corpus, resolved, links, doc, clause, urls, fragments, set(), top_level=PAGE_TOP_LEVEL,
                           folded=False) + "\n"


def clause_page_view(corpus: Corpus, doc: Document, clause: Clause) -> dict:
    article = source_article(doc) if clause.provisional else None
    return {
        "kind": "clause",
        "doc_id": doc.id,
        "anchor": clause.anchor,
        "heading": heading_in_context(doc, clause),
        "phrase": clause.phrase,
        "doc_title": doc.title,
        "doc_url": doc.url,
        "in_document": contract.clause_url(doc.id, clause.anchor),
        "citation": cite_text(corpus, doc, clause) if not clause.provisional else None,
        "provisional": clause.provisional,
        "available": clause.available,
        "article": article,
        "completeness": vocab.COMPLETENESS[doc.completeness],
        "title": f"{heading_in_context(doc, clause)} · {doc.title}",
        "description": first_words(clause.text, 30) if clause.available else
        f"{clause.heading} {doc.title}: chưa có văn bản trong nguồn hiện có.",
    }


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
                      fragments: list[str], urls: dict[str, str] | None = None, nonce: str | None = None) -> str:
    """The page body: free Markdown as written (references resolved), clauses
    wrapped and labelled, then the tasks and everything that points here.
    Finished HTML goes to `fragments`, for `finish_html`. With a `nonce`,
    each clause's marker, heading and text are its `unit_mark`."""
    out: list[str] = []
    crowded = crowded_news(corpus, links, doc)
    for block, text in zip(doc.blocks, resolved.blocks[doc.src], strict=True):
        if block.clause is None:
            out.append(text)
        elif doc.clauses[block.clause].parent is None:
            out.append(clause_markdown(corpus, resolved, links, doc, doc.clauses[block.clause], urls or {},
                                       fragments, crowded, nonce=nonce))
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
                     "available": c.available, "provisional": c.provisional,
                     "words": first_words(c.text, 8) if c.available else ""}
                    for c in doc.clauses.values()],
    }


def article_view(model: Model, doc: Document, urls: dict[str, str]) -> dict:
    """The source article the document's text.source names, with the page of
    the news post that carries it when there is one (matched by title)."""
    article = source_article(doc)
    if article is None:
        return {"article": None}
    post = model.indexes.news_post(article["title"])
    return {"article": article | {"url": contract.page_url(post.src, urls) if post else None}}


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


def body_view(model: Model, body: Body, urls: dict[str, str]) -> dict:
    corpus, links = model.corpus, model.links
    parent = corpus.bodies.get(body.meta.get("parent") or "")
    return {
        "kind": "body",
        "id": body.id,
        "name": body.name,
        "short_name": body.short_name,
        "level": vocab.BODY_LEVELS[body.meta["level"]],
        "group": bool(body.meta.get("group")),
        "parent": {"name": parent.name, "url": parent.url} if parent else None,
        "children": [{"name": b.name, "url": b.url} for b in model.indexes.children.get(body.id, [])],
        "issued": [_doc_ref(corpus, d) for d in model.indexes.issued_by.get(body.id, [])],
        "leads": [_task_view(corpus, t) for t in links.leads.get(body.id, [])],
        "supports": [_task_view(corpus, t) for t in links.supports.get(body.id, [])],
        "cited_by": [{"text": l.label, "url": urls.get(l.src, "")}
                     for l in links.cited_by.get(body.id, []) + links.news.get(body.id, [])
                     + links.explained_by.get(body.id, [])],
    }


def graph_view(model: Model) -> dict:
    """The site-wide graph and the timeline of the documents' dates."""
    corpus = model.corpus
    return {
        "kind": "graph",
        "graph": graph.layout(corpus, set(corpus.documents)),
        "edges": [{"source": corpus.documents[e.source].title, "source_url": corpus.documents[e.source].url,
                   "target": corpus.documents[e.target].title, "target_url": corpus.documents[e.target].url,
                   "label": graph.EDGE_LABELS[e.kind]} for e in graph.edges(corpus)],
        "timeline": [_doc_ref(corpus, d) | {"iso": d.issued.isoformat() if d.issued else "", "type_label": d.type_label}
                     for d in model.indexes.documents],
    }


def documents_index_view(model: Model) -> dict:
    corpus = model.corpus
    return {"kind": "documents-index",
            "documents": [_doc_ref(corpus, d) | {"type_label": d.type_label, "number": d.meta["number"] or vocab.UNKNOWN}
                          for d in model.indexes.documents]}


def bodies_index_view(model: Model) -> dict:
    corpus, issued_by = model.corpus, model.indexes.issued_by
    groups = []
    for level, label in vocab.BODY_LEVELS.items():
        members = sorted((b for b in corpus.bodies.values() if b.meta["level"] == level),
                         key=lambda b: (bool(b.meta.get("group")), b.name))
        if members:
            groups.append({"key": level, "label": label, "bodies": [
                {"name": b.name, "url": b.url, "group": bool(b.meta.get("group")),
                 "issued": [d.title for d in issued_by.get(b.id, [])]}
                for b in members]})
    return {"kind": "bodies-index", "groups": groups}
