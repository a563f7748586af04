"""The reverse index: for every document, clause and body, what implements,
explains or cites it, built from the whole corpus in one pass."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from hooks.model import vocab
from hooks.model.corpus import Corpus, Task
from hooks.resolve.resolver import Resolved
from hooks.text import dates

STATED = "stated"   # the texts themselves say so
EDITOR = "editor"   # an editor judged the link


@dataclass(frozen=True)
class Link:
    kind: str            # document | task | faq | news | page | body
    basis: str           # STATED, EDITOR, or 'cites'
    src: str             # source file of the linking page, for Markdown links
    anchor: str | None   # place on that page (a task id), if any
    label: str
    detail: str = ""


@dataclass
class Backlinks:
    implemented_by: dict[str, list[Link]] = field(default_factory=lambda: defaultdict(list))
    explained_by: dict[str, list[Link]] = field(default_factory=lambda: defaultdict(list))
    news: dict[str, list[Link]] = field(default_factory=lambda: defaultdict(list))
    cited_by: dict[str, list[Link]] = field(default_factory=lambda: defaultdict(list))
    leads: dict[str, list[Task]] = field(default_factory=lambda: defaultdict(list))
    supports: dict[str, list[Task]] = field(default_factory=lambda: defaultdict(list))

    def for_document(self, corpus: Corpus, doc_id: str) -> dict[str, list[Link]]:
        """A document's own links plus those of its clauses, each source once."""
        keys = [doc_id] + [c.key for c in corpus.documents[doc_id].clauses.values()]
        return {name: _unique([link for k in keys for link in getattr(self, name).get(k, [])])
                for name in ("implemented_by", "explained_by", "news", "cited_by")}

    def for_target(self, key: str) -> dict[str, list[Link]]:
        return {name: list(getattr(self, name).get(key, []))
                for name in ("implemented_by", "explained_by", "news", "cited_by")}

    def is_orphan(self, key: str) -> bool:
        return not any(getattr(self, name).get(key) for name in
                       ("implemented_by", "explained_by", "news", "cited_by"))


def _unique(links: list[Link]) -> list[Link]:
    seen, out = set(), []
    for link in links:
        marker = (link.src, link.anchor, link.basis)
        if marker not in seen:
            seen.add(marker)
            out.append(link)
    return out


def task_label(task: Task, doc_title: str) -> str:
    return f"Nhiệm vụ {task.id.rpartition('-')[2]} · {doc_title}"


def build(corpus: Corpus, resolved: Resolved) -> Backlinks:
    index = Backlinks()
    for doc in corpus.documents.values():
        detail = f"{dates.format_dmy(doc.issued) if doc.issued else vocab.UNKNOWN} · {corpus.issuer_name(doc)}"
        for target in doc.links("implements"):
            index.implemented_by[target].append(Link("document", STATED, doc.src, None, doc.title, detail))
        for target in doc.links("based_on"):
            index.cited_by[target].append(Link("document", "cites", doc.src, None, doc.title, "căn cứ"))
        for task in doc.tasks.values():
            lead = corpus.bodies[task.lead].short_name if task.lead else "chưa xác định"
            for basis, targets in ((STATED, task.implements), (EDITOR, task.editor_implements)):
                for target in targets:
                    index.implemented_by[target].append(
                        Link("task", basis, doc.src, task.id, task_label(task, doc.title), f"chủ trì: {lead}"))
            if task.lead:
                index.leads[task.lead].append(task)
            for body in task.support:
                index.supports[body].append(task)
    # An FAQ's `explains` lists what it explains even where the answer
    # does not cite it; the same Link as a citation, so each shows once.
    for entry in corpus.faqs.values():
        link = Link("faq", "cites", entry.src, None, corpus.pages[entry.src].title)
        for target in entry.explains:
            if link not in index.explained_by[target]:
                index.explained_by[target].append(link)
    for occ in resolved.occurrences:
        page = corpus.pages[occ.src]
        if page.draft or _is_own_page(corpus, occ.src, occ.target):
            continue
        link = Link(page.kind, "cites", page.src, None, page.title,
                    dates.iso_to_dmy(page.meta.get("date")) if page.kind == "news" else "")
        group = {"news": index.news, "faq": index.explained_by}.get(page.kind, index.cited_by)
        if link not in group[occ.target]:
            group[occ.target].append(link)
    return index


def _is_own_page(corpus: Corpus, src: str, target: str) -> bool:
    doc_id = target.partition("#")[0]
    return (doc_id in corpus.documents and corpus.documents[doc_id].src == src) or \
        (doc_id in corpus.bodies and corpus.bodies[doc_id].src == src)
