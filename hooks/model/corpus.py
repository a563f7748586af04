"""The content model: documents with their clauses and tasks, bodies, FAQ
entries and every page, as collect builds them. Later stages read it and
never the files; nothing here reads a file either."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hooks import contract
from hooks.model import anchors, vocab
from hooks.text import dates

SOURCE_ARTICLE = "của bài viết nguồn"   # what a provisional excerpt belongs to


@dataclass
class Block:
    """A piece of the body: free Markdown, or the start of a clause."""
    markdown: str = ""
    clause: str | None = None
    line: int = 0                   # 1-based line where `markdown` starts


@dataclass
class Faq:
    id: str
    path: Path
    src: str                        # 'hoi-dap/<id>.md'
    question: str
    audience: list[str]
    topic: str
    explains: list[str]             # 'kl-14#muc-2-4'
    reviewed: dt.date | None
    key_lines: dict[str, int] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return contract.url("faq", self.id)

    @property
    def topic_label(self) -> str:
        return vocab.FAQ_TOPICS[self.topic]

    @property
    def audience_labels(self) -> list[str]:
        return [vocab.AUDIENCES[a] for a in self.audience]


@dataclass
class Page:
    """Every Markdown file, as read once: where references and numbers live."""
    src: str                      # path under docs/, POSIX: 'van-ban/kl-14.md'
    path: Path
    kind: str                     # document | body | faq | news | page
    meta: dict[str, Any]
    blocks: list[Block]
    key_lines: dict[str, int]
    title: str = ""

    @property
    def draft(self) -> bool:
        return bool(self.meta.get("draft"))


@dataclass
class Task:
    doc_id: str
    id: str
    what: str
    stated_in: str
    lead: str | None
    support: list[str]
    deadline: dt.date | None
    implements: list[str]          # targets the text itself states
    editor_implements: list[str]   # targets an editor judged
    line: int

    @property
    def key(self) -> str:
        return f"{self.doc_id}#{self.id}"


@dataclass
class Clause:
    doc_id: str
    anchor: str
    heading: str          # 'Mục 2.4'
    phrase: str           # 'mục 2.4' as prose names it
    text: str             # plain words, children included
    own_text: str
    source: str           # own Markdown
    available: bool
    provisional: bool
    parent: str | None
    children: list[str]
    depth: int
    line: int
    source_line: int

    @property
    def key(self) -> str:
        return f"{self.doc_id}#{self.anchor}"


@dataclass
class Document:
    id: str
    path: Path
    meta: dict[str, Any]
    issued: dt.date | None   # None: not known yet
    effective: dt.date | None
    clauses: dict[str, Clause]
    blocks: list[Block]
    tasks: dict[str, Task] = field(default_factory=dict)
    redirects: dict[str, str] = field(default_factory=dict)   # retired provisional id -> clause

    @property
    def src(self) -> str:
        return contract.src("document", self.id)

    @property
    def type_label(self) -> str:
        return vocab.DOC_TYPES.get(self.meta["type"] or "", vocab.UNKNOWN_DOC_TYPE)

    @property
    def title(self) -> str:
        """'Kết luận số 14-KL/TW'."""
        if not self.meta["number"]:
            return f"{self.type_label} chưa rõ số hiệu ({self.id})"
        return f"{self.type_label} số {self.meta['number']}"

    @property
    def sort_key(self) -> tuple:
        # Documents whose date is not known yet come last.
        return (self.issued or dt.date.max, self.id)

    @property
    def summary(self) -> str:
        return self.meta["summary"] or vocab.UNKNOWN

    @property
    def url(self) -> str:
        return contract.url("document", self.id)

    @property
    def completeness(self) -> str:
        return self.meta["text"]["completeness"]

    def links(self, kind: str) -> list[str]:
        return list(self.meta.get(kind) or [])


@dataclass
class Body:
    id: str
    path: Path
    meta: dict[str, Any]

    @property
    def name(self) -> str:
        return self.meta["name"]

    @property
    def short_name(self) -> str:
        return self.meta.get("short_name") or self.meta["name"]

    @property
    def url(self) -> str:
        return contract.url("body", self.id)

    @property
    def src(self) -> str:
        return contract.src("body", self.id)


@dataclass
class Corpus:
    root: Path
    docs_dir: Path
    documents: dict[str, Document] = field(default_factory=dict)
    bodies: dict[str, Body] = field(default_factory=dict)
    pages: dict[str, Page] = field(default_factory=dict)   # by src
    faqs: dict[str, Faq] = field(default_factory=dict)
    # Ids of files that exist but failed their checks: already reported, so
    # links to them are not reported again as links to nothing.
    broken: set[str] = field(default_factory=set)
    # Reverse links between documents, filled once at the end of `load`.
    reverse: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # kind -> target -> sources

    def linked_from(self, kind: str, doc_id: str) -> list[str]:
        return self.reverse.get(kind, {}).get(doc_id, [])

    def url_of(self, ident: str) -> str:
        """Site URL of a document, body or FAQ by its public id; '' if none."""
        thing = self.documents.get(ident) or self.bodies.get(ident) or self.faqs.get(ident)
        return thing.url if thing else ""

    def texts(self, page: Page) -> list[tuple[str, int]]:
        """Every piece of a page's own Markdown with the file line it starts
        on: its free blocks and, for a document, its clauses' text."""
        texts = [(b.markdown, b.line) for b in page.blocks if b.markdown]
        doc = self.documents.get(page.src.rpartition("/")[2][:-3]) if page.kind == "document" else None
        return texts + ([(c.source, c.source_line) for c in doc.clauses.values()] if doc else [])

    def tasks(self) -> list[Task]:
        return [t for d in self.documents.values() for t in d.tasks.values()]

    def citation_title(self, doc: Document) -> str:
        """'Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị'."""
        text = doc.title
        if doc.issued:
            text += f" ngày {dates.format_admin(doc.issued)}"
        if doc.meta["issuer"] in self.bodies:
            text += f" của {self.bodies[doc.meta['issuer']].name}"
        return text

    def issuer_name(self, doc: Document, short: bool = False) -> str:
        body = self.bodies.get(doc.meta["issuer"] or "")
        return (body.short_name if short else body.name) if body else vocab.UNKNOWN

    def clause_name(self, clause: Clause) -> str:
        """How prose names a clause: 'mục 2.4 Kết luận số 14-KL/TW'. A
        provisional item is the source article's excerpt, named as such
        ('đoạn trích 7 của bài viết nguồn về Kế hoạch số 116/KH-UBND'), never
        as a provision of the document."""
        doc = self.documents[clause.doc_id]
        if clause.provisional:
            return f"{clause.phrase} {SOURCE_ARTICLE} về {doc.title}"
        return f"{clause.phrase} {doc.title}"

    def citation(self, clause: Clause) -> str:
        """'Mục 2.4 Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị'."""
        if clause.provisional:
            return anchors.cited(clause.anchor) + self.clause_name(clause)[len(clause.phrase):]
        return f"{anchors.cited(clause.anchor)} {self.citation_title(self.documents[clause.doc_id])}"

    def ids(self) -> dict[str, str]:
        """Every public id with its kind."""
        out = {i: "document" for i in self.documents}
        out.update({i: "body" for i in self.bodies})
        out.update({i: "faq" for i in self.faqs})
        return out
