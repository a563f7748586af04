"""The derived model: the collected corpus, its resolved references, and
every index later stages read, each computed once per build here. Views,
publishing and search only read what this holds."""
from __future__ import annotations

from dataclasses import dataclass, field

from hooks.derive import backlinks
from hooks.derive import report as link_report
from hooks.model.corpus import Body, Corpus, Document, Faq, Page
from hooks.resolve.resolver import Resolved

RELATED = 4   # questions shown before and after one in its topic


@dataclass
class Indexes:
    documents: list[Document] = field(default_factory=list)          # by date, then id
    issued_by: dict[str, list[Document]] = field(default_factory=dict)   # body id -> its documents, by date
    children: dict[str, list[Body]] = field(default_factory=dict)    # body id -> bodies under it
    # a news post's title, its spaces run together -> the first such post (not a draft)
    news_by_title: dict[str, Page] = field(default_factory=dict)
    # 'doc#anchor' -> (document date, document id, place in the text)
    clause_order: dict[str, tuple] = field(default_factory=dict)
    faqs: list[Faq] = field(default_factory=list)                    # in reading order
    faq_rank: dict[str, int] = field(default_factory=dict)           # FAQ id -> place in `faqs`
    faqs_by_topic: dict[str, list[Faq]] = field(default_factory=dict)
    place_in_topic: dict[str, int] = field(default_factory=dict)     # FAQ id -> place in its topic
    faqs_by_document: dict[str, list[Faq]] = field(default_factory=dict)   # FAQs explaining its clauses
    # page src -> (doc_id, anchor) pairs it cites, in order, without repeats
    cited: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    # page src -> targets it cites ('kl-14#muc-2-4', 'so-noi-vu'), in order, without repeats
    targets: dict[str, list[str]] = field(default_factory=dict)

    def news_post(self, title: str) -> Page | None:
        """The first published news post of this title, spaces run together
        on both sides."""
        return self.news_by_title.get(_spaced(title))

    def related(self, faq: Faq) -> list[Faq]:
        """The questions nearest this one in its topic, in reading order; a
        bounded list, so a page does not grow with the number of questions."""
        same, at = self.faqs_by_topic[faq.topic], self.place_in_topic[faq.id]
        return same[max(0, at - RELATED):at] + same[at + 1:at + 1 + RELATED]


@dataclass
class Model:
    corpus: Corpus
    resolved: Resolved
    links: backlinks.Backlinks
    indexes: Indexes

    @property
    def report(self) -> dict:
        """Made when read, not held: it repeats every reference. The build
        writes it once, before the pages (hooks/site.py write_report)."""
        return link_report.build(self.corpus, self.resolved, self.links, self.indexes.issued_by)


def derive(corpus: Corpus, resolved: Resolved) -> Model:
    indexes = build_indexes(corpus, resolved)
    links = backlinks.build(corpus, resolved)
    return Model(corpus, resolved, links, indexes)


def build_indexes(corpus: Corpus, resolved: Resolved) -> Indexes:
    ix = Indexes()
    ix.documents = sorted(corpus.documents.values(), key=lambda d: d.sort_key)
    for doc in ix.documents:
        ix.issued_by.setdefault(doc.meta["issuer"], []).append(doc)
        for i, clause in enumerate(doc.clauses.values()):
            ix.clause_order[clause.key] = (*doc.sort_key, i)
    for body in corpus.bodies.values():
        parent = body.meta.get("parent")
        if parent:
            ix.children.setdefault(parent, []).append(body)
    for page in corpus.pages.values():
        if page.kind == "news" and not page.draft:
            ix.news_by_title.setdefault(_spaced(page.title), page)
    # FAQs follow the texts: by the first clause each explains.
    ix.faqs = sorted(corpus.faqs.values(),
                     key=lambda f: (min(ix.clause_order[k] for k in f.explains), f.question))
    for rank, faq in enumerate(ix.faqs):
        ix.faq_rank[faq.id] = rank
        same = ix.faqs_by_topic.setdefault(faq.topic, [])
        ix.place_in_topic[faq.id] = len(same)
        same.append(faq)
        for doc_id in dict.fromkeys(k.partition("#")[0] for k in faq.explains):
            ix.faqs_by_document.setdefault(doc_id, []).append(faq)
    seen: dict[str, set[str]] = {}
    for occ in resolved.occurrences:
        if occ.target in seen.setdefault(occ.src, set()):
            continue
        seen[occ.src].add(occ.target)
        ix.targets.setdefault(occ.src, []).append(occ.target)
        doc_id, _, anchor = occ.target.partition("#")
        if doc_id in corpus.documents:
            ix.cited.setdefault(occ.src, []).append((doc_id, anchor or None))
    return ix


def _spaced(text: str) -> str:
    return " ".join(text.split())
