"""Search records: one per page section.

Each clause, FAQ entry, heading section and news post is its own record with
its deep link and a title naming document and clause ("Mục 2.4 · Kết luận
14-KL/TW"). `search/store.py` turns the records into the files the browser
searches. Knows nothing of MkDocs: `site.py` passes each page's rendered
content with its view (`content_records`), or, for the few listings whose
template adds more than the content, the finished page (`page_records`).
"""
from __future__ import annotations

from dataclasses import dataclass

from hooks import contract
from hooks.model import anchors
from hooks.model.corpus import Corpus
from hooks.search import frames
from hooks.search import sections as search_sections

# Generated listings repeat what the posts and documents say.
_SKIP_PREFIXES = tuple(f"{contract.BLOG}/{p}/" for p in ("archive", "category", "page"))
_SKIP_URLS = {"404.html", f"{contract.BLOG}/"}

# What a result is, as readers name it (issue 13): each result shows its
# kind, and readers filter by it. The order is the index's order (records of
# equal score come in it) and the filter's.
KINDS = {
    "document": "Văn bản",
    "clause": "Điều khoản",
    # An item of a source article's summary (noi-dung-N) is no provision.
    "excerpt": "Đoạn trích",
    "faq": "Hỏi đáp",
    "news": "Tin",
    "body": "Cơ quan",
    "page": "Trang",
}
# Other pages by folder; listings of documents and the graph are pages.
_KIND_OF_FOLDER = {contract.FAQS: "faq", contract.BLOG: "news", contract.BODIES: "body"}


@dataclass
class Record:
    url: str          # site-relative, with '#anchor' for a section
    title: str        # shown as the result's title
    heading: str      # the section's heading, weighed above the text
    text: str         # shown in excerpts
    context: str = "" # indexed lightly: the document a clause belongs to
    names: str = ""   # weighed highest: a document's number and name, a body's names
    kind: str = "page"   # one of KINDS
    # Another title readers know it by: a document's number with its summary,
    # a body's short name. A query it holds ranks the record first (search-core.js byTitle).
    alt_title: str = ""


def indexed(url: str, src: str | None = None) -> bool:
    """Whether a page is in readers' search. Not the home page, the editors'
    guide or the open-data page (the site's own furniture, `contract.reader_page`),
    nor generated listings. FAQ pages are results of their own; search.js
    lists them after the legal text they explain unless their question is
    what was typed."""
    if src is not None and not contract.reader_page(src):
        return False
    return url not in _SKIP_URLS and not url.startswith(_SKIP_PREFIXES)


def short_name(corpus: Corpus, doc_id: str) -> str:
    """'Kết luận 14-KL/TW': how readers name a document in a result title."""
    doc = corpus.documents[doc_id]
    return f"{doc.type_label} {doc.meta['number']}" if doc.meta["number"] else doc.title


def full_title(corpus: Corpus, doc_id: str) -> str:
    """'Kết luận số 14-KL/TW về chủ trương khuyến khích …': the document's
    name with its summary (trích yếu), as it is cited in full."""
    doc = corpus.documents[doc_id]
    return " ".join(filter(None, (doc.title, doc.meta["summary"])))


def number_spellings(corpus: Corpus, doc_id: str) -> str:
    """The ways people type a number ('14-KL/TW', 'kl 14', 'kl14') and the
    document's full title: a query of its summary's words finds the document."""
    doc = corpus.documents[doc_id]
    compact = doc_id.replace("-", "")
    spaced = doc_id.replace("-", " ")
    return " ".join((full_title(corpus, doc_id), doc.meta["number"] or "", short_name(corpus, doc_id), spaced,
                     compact))


def from_content(view: dict | None, source_page: bool) -> bool:
    """Whether a page's records come from its rendered content: a page of
    the corpus (not a view the blog makes) whose template prints its
    content, with what `frames` knows around it."""
    return source_page and (view is None or frames.of(view) is not None)


def content_records(corpus: Corpus, url: str, page_title: str, content_html: str, fragments: list[str],
                    view: dict | None) -> list[Record]:
    """Records of a page from its rendered content (placeholders not yet
    finished) and its view: no finished page is cut again."""
    return section_records(corpus, url, page_title,
                           search_sections.split_content(content_html, fragments, frames.of(view)))


def page_records(corpus: Corpus, url: str, page_title: str, page_html: str) -> list[Record]:
    """Records of one finished page: its intro, then each section."""
    return section_records(corpus, url, page_title, search_sections.split(page_html))


def section_records(corpus: Corpus, url: str, page_title: str,
                    sections: list[search_sections.Section]) -> list[Record]:
    """The page's intro, then each section, named from the model."""
    doc_id = _document_of(corpus, url)
    body_id = _body_of(corpus, url)
    records = []
    for section in sections:
        body = section.body
        if section.anchor is None:
            if doc_id:
                records.append(Record(url, short_name(corpus, doc_id), "", body,
                                      names=number_spellings(corpus, doc_id), kind="document",
                                      alt_title=full_title(corpus, doc_id)))
            elif body_id:
                body_model = corpus.bodies[body_id]
                records.append(Record(url, body_model.name, "", body,
                                      names=f"{body_model.name} {body_model.short_name}", kind="body",
                                      alt_title=body_model.short_name or ""))
            else:
                title = section.heading or page_title
                records.append(Record(url, title, title, body, kind=_kind(url)))
            continue
        target = f"{url}#{section.anchor}"
        if doc_id:
            doc_name = short_name(corpus, doc_id)
            clause = corpus.documents[doc_id].clauses.get(section.anchor)
            label = anchors.cited(clause.anchor) if clause else section.heading
            if not body and not clause:
                continue
            # A heading of the page that is no clause (the plain summary) is the document's.
            records.append(Record(target, f"{label} · {doc_name}", label, body, context=doc_name,
                                  kind=_clause_kind(clause) if clause else "document"))
        elif body:
            name = page_title or sections[0].heading
            records.append(Record(target, f"{section.heading} · {name}", section.heading, body, context=name,
                                  kind=_kind(url)))
    return records


def _clause_kind(clause) -> str:
    return "excerpt" if clause.provisional else "clause"


def _document_of(corpus: Corpus, url: str) -> str | None:
    found = contract.id_of_url(url)
    return found[1] if found and found[0] == "document" and found[1] in corpus.documents else None


def _body_of(corpus: Corpus, url: str) -> str | None:
    found = contract.id_of_url(url)
    return found[1] if found and found[0] == "body" and found[1] in corpus.bodies else None


def _kind(url: str) -> str:
    """A page's kind from its folder: FAQ, news, body, else a page of the site."""
    return _KIND_OF_FOLDER.get(url.split("/", 1)[0], "page")
