"""The search records as the build made them before issue 15: every
finished page's article cut with HTMLParser at headings with ids. Kept here
as the reference the records made from the model and the rendered content
are compared with (tests/build/test_search_records_build.py), unchanged but
for one fix: a self-closed "<hr />" ends nothing."""
from __future__ import annotations

import html
import json
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from hooks import contract
from hooks.model import anchors
from hooks.model.corpus import Corpus
from hooks.search import store
from hooks.search.records import Record, _body_of, _document_of, _kind, full_title, indexed, number_spellings, short_name

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Tags and classes whose text is navigation or controls, not content.
# A blockquote repeats text that has its own record (a news post quoting the
# Conclusion, an FAQ or a task quoting a clause): results land on the clause.
SKIP_TAGS = {"script", "style", "button", "nav", "svg", "template", "blockquote"}
SKIP_CLASSES = {"headerlink", "kl-toc", "kl-chain", "kl-clause__tools", "md-source-file", "md-post__meta",
                "kl-backlinks", "kl-changes", "kl-graph-figure", "kl-page-end"}
# Headings the templates add (ids "kl-…") label parts of the page's own
# intro, such as the metadata panel, rather than content of their own: what
# follows them belongs to the intro wherever the template puts it (the panel
# sits at the end of a document, after its last section).
TEMPLATE_ID_PREFIX = "kl-"
BLOCKS = {"p", "div", "li", "dd", "dt", "section", "blockquote", "tr", "td", "th", "br", "ul", "ol", "dl",
          "details", "summary", "table"} | HEADINGS
VOID = {"br", "img", "meta", "link", "input", "hr", "wbr", "source", "area", "col", "embed", "param", "track"}


@dataclass
class Section:
    anchor: str | None          # None: the page's own intro
    heading: str
    level: int                  # 1..6, 0 for an intro without a heading
    text: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return " ".join("".join(self.text).split())


class _Splitter(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.sections: list[Section] = [Section(None, "", 0)]
        self._in_article = 0
        self._skip = 0
        self._stack: list[tuple[str, bool]] = []   # (tag, skipping)
        self._heading: list[str] | None = None
        self._heading_depth = 0
        self._target = self.sections[0]   # where text goes

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        if tag == "article" and "md-content__inner" in classes:
            self._in_article += 1
            self._stack.append((tag, False))
            return
        if not self._in_article:
            return
        if tag in VOID:
            if tag == "br" and not self._skip:
                self._emit(" ")
            return
        # Backlinks are marked data-search-exclude: they name other pages.
        skip = tag in SKIP_TAGS or bool(classes & SKIP_CLASSES) or "hidden" in a or "data-search-exclude" in a
        self._stack.append((tag, skip))
        if skip:
            self._skip += 1
            return
        if self._skip:
            return
        if tag in HEADINGS:
            ident = a.get("id")
            level = int(tag[1])
            if ident and not ident.startswith(TEMPLATE_ID_PREFIX) and level > 1:
                self.sections.append(Section(ident, "", level))
                self._target = self.sections[-1]
                self._heading, self._heading_depth = [], len(self._stack)
            elif ident and ident.startswith(TEMPLATE_ID_PREFIX):
                self._target = self.sections[0]
            elif level == 1 and not self.sections[0].heading:
                self._heading, self._heading_depth = [], len(self._stack)
                self.sections[0].level = 1
        if tag in BLOCKS:
            self._emit(" ")

    def handle_startendtag(self, tag, attrs):
        # The one change: "<hr />" closes nothing (HTMLParser's default closed
        # every element open around it, the article too, losing the rest).
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if not self._in_article:
            return
        while self._stack:
            open_tag, skip = self._stack.pop()
            if skip:
                self._skip -= 1
            if self._heading is not None and len(self._stack) < self._heading_depth:
                target = self.sections[-1] if self.sections[-1].anchor else self.sections[0]
                if target.level == 1 and target.anchor is None:
                    target = self.sections[0]
                target.heading = " ".join("".join(self._heading).split())
                self._heading = None
            if open_tag == "article":
                self._in_article -= 1
            if open_tag == tag:
                break
        if tag in BLOCKS and self._in_article and not self._skip:
            self._emit(" ")

    def handle_data(self, data):
        if self._in_article and not self._skip:
            if self._heading is not None:
                self._heading.append(data)
            else:
                self._emit(data)

    def _emit(self, text: str) -> None:
        self._target.text.append(text)


_ARTICLE = '<article class="md-content__inner'


def split(html: str) -> list[Section]:
    """Sections of the page's main article, intro first."""
    # Only the article is read; cutting it out first spares the parser the
    # navigation, which on a large site is most of every page.
    start = html.find(_ARTICLE)
    if start >= 0:
        end = html.find("</article>", start)
        html = html[start:end + len("</article>")] if end >= 0 else html[start:]
    parser = _Splitter()
    parser.feed(html)
    parser.close()
    return parser.sections


def page_records(corpus: Corpus, url: str, page_title: str, page_html: str) -> list[Record]:
    """Records of one built page: its intro, then each section."""
    sections = split(page_html)
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
                                  kind="clause" if clause else "document"))
        elif body:
            name = page_title or sections[0].heading
            records.append(Record(target, f"{section.heading} · {name}", section.heading, body, context=name,
                                  kind=_kind(url)))
    return records


# -- the index as files ---------------------------------------------------------
_FURNITURE = ("huong-dan/", "du-lieu-mo/")   # the editors' guide and the open-data page (contract.reader_page)


def finished_pages(site: Path) -> list[tuple[str, str, str]]:
    """(url, title, html) of every finished page readers search, walked from
    the site folder: MkDocs' pages (with Material's article), without the
    home page, the guide, the open-data page and clause pages."""
    out = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        url = rel[:-len("index.html")] if rel.endswith("index.html") else rel
        parts = url.strip("/").split("/")
        if (not url or url.startswith(_FURNITURE) or not indexed(url)
                or (parts[0] == contract.DOCUMENTS and len(parts) == 3)):
            continue
        text = path.read_text(encoding="utf-8")
        if 'name="generator" content="mkdocs' not in text:
            continue   # not a page MkDocs made (the web editor's own files)
        title = html.unescape(text.split("<title>", 1)[1].split("</title>", 1)[0]).rsplit(" - ", 1)[0]
        out.append((url, title, text))
    return out


def reference_records(corpus: Corpus, site: Path) -> list[Record]:
    return [r for url, title, text in finished_pages(site) for r in page_records(corpus, url, title, text)]


def _load(path: Path):
    text = path.read_text(encoding="utf-8")
    prefix = f"{store.CALLBACK}("
    return json.loads("[" + text[len(prefix):].rstrip().rstrip(");") + "]")[1]


def index_by_url(out: Path) -> dict[str, tuple]:
    """Each record of a written index by its link: its row (link, title,
    kind, text, other title) and every term with its level, as the browser
    reads them."""
    meta = _load(out / "meta.js")
    rows = [row for n in range(-(-meta["records"] // meta["chunk"])) for row in _load(out / "r" / f"{n}.js")]
    terms: list[dict] = [{} for _ in rows]
    for n in range(meta["shards"]):
        for term, data in _load(out / "t" / f"{n}.js").items():
            if term.startswith(store.PREFIX):
                continue   # completions name words, not records
            number = 0
            for i in range(0, len(data), 2):
                number += data[i]
                terms[number][term] = data[i + 1]
    found: dict[str, tuple] = {}
    for row, weights in zip(rows, terms, strict=True):
        key = row[0]
        while key in found:   # two records with one link stay apart
            key += " "
        found[key] = (row, weights)
    return found
