"""The search index: one record per page section, written with Pagefind.

Each clause, FAQ entry, heading section and news post is its own record with
its deep link and a title naming document and clause ("Mục 2.4 · Kết luận
14-KL/TW"). Records are small HTML documents handed to Pagefind's Python
API; Pagefind splits the index into chunks so a reader downloads only the
words they type. Knows nothing of MkDocs: `site.py` passes the built pages.
"""
from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import anchors, search_sections, search_text
from .corpus import Corpus

OUTPUT = "pagefind"
# Separates the words a reader sees from the extra spellings indexed after
# them; the browser cuts excerpts there (U+2063 INVISIBLE SEPARATOR).
VARIANTS_MARK = "\u2063"
# Pagefind ships UI bundles we replace with our own; nobody downloads them.
_UNUSED = ("pagefind-ui.js", "pagefind-ui.css", "pagefind-component-ui.js", "pagefind-component-ui.css",
           "pagefind-modular-ui.js", "pagefind-modular-ui.css", "pagefind-highlight.js")
# Generated listings repeat what the posts and documents say.
_SKIP_PREFIXES = ("tin-tuc/archive/", "tin-tuc/category/", "tin-tuc/page/", "search/")
_SKIP_URLS = {"404.html", "tin-tuc/"}

# Weights (Pagefind's scale, 0–10): a document's number and name outrank any
# mention of them in a clause, a post or a chain of links.
W_DOC_NAME = 10.0
# A news post ranks after the legal text that says the same words: results
# should land on the clause; a post is found by its title.
W_TEXT = {"tin-tuc": 0.5}
W_HEADING = 5.0
W_CONTEXT = 0.5


@dataclass
class Record:
    url: str          # site-relative, with '#anchor' for a section
    title: str        # shown as the result's title
    heading: str      # indexed with W_HEADING
    text: str         # indexed at normal weight, shown in excerpts
    context: str = "" # indexed lightly: the document a clause belongs to
    names: str = ""   # indexed with W_DOC_NAME: a document's number and name, a body's names
    kind: str = "page"

    def html(self) -> str:
        """The record as Pagefind reads it: the text a reader sees first, then
        after VARIANTS_MARK the weighted names, heading and extra spellings."""
        esc = html.escape
        variants = " ".join(search_text.d_variants(" ".join((self.title, self.heading, self.text, self.names))))
        parts = [f'<html lang="vi"><head><title>{esc(self.title)}</title></head>',
                 '<body data-pagefind-body>',
                 f'<meta data-pagefind-meta="title[content]" content="{esc(self.title)}">',
                 f'<meta data-pagefind-meta="kind[content]" content="{esc(self.kind)}">',
                 # The deep link: records are written as numbered files, so
                 # the URL travels as metadata rather than as the file path.
                 f'<meta data-pagefind-meta="url[content]" content="/{esc(self.url)}">',
                 f'<p data-pagefind-weight="{W_TEXT.get(self.kind, 1.0)}">{esc(self.text)}</p>'
                 f"<p>{VARIANTS_MARK}</p>"]
        if self.names:
            parts.append(f'<h1 data-pagefind-weight="{W_DOC_NAME}">{esc(self.names)}</h1>')
        if self.heading:
            parts.append(f'<h2 data-pagefind-weight="{W_HEADING}">{esc(self.heading)}</h2>')
        if self.context:
            parts.append(f'<p data-pagefind-weight="{W_CONTEXT}">{esc(self.context)}</p>')
        if variants:
            parts.append(f"<p>{esc(variants)}</p>")
        parts.append("</body></html>")
        return "".join(parts)


def indexed(url: str) -> bool:
    # FAQ pages are results of their own; search.js lists them after the
    # legal text they explain unless their question is what was typed.
    return url not in _SKIP_URLS and not url.startswith(_SKIP_PREFIXES)


def short_name(corpus: Corpus, doc_id: str) -> str:
    """'Kết luận 14-KL/TW': how readers name a document in a result title."""
    doc = corpus.documents[doc_id]
    return f"{doc.type_label} {doc.meta['number']}" if doc.meta["number"] else doc.title


def number_spellings(corpus: Corpus, doc_id: str) -> str:
    """The ways people type a number: '14-KL/TW', 'kl 14', 'kl14'."""
    doc = corpus.documents[doc_id]
    compact = doc_id.replace("-", "")
    spaced = doc_id.replace("-", " ")
    return " ".join((doc.title, doc.meta["number"] or "", short_name(corpus, doc_id), spaced, compact))


def page_records(corpus: Corpus, url: str, page_title: str, page_html: str) -> list[Record]:
    """Records of one built page: its intro, then each section."""
    sections = search_sections.split(page_html)
    doc_id = _document_of(corpus, url)
    body_id = _body_of(corpus, url)
    records = []
    for section in sections:
        body = section.body
        if section.anchor is None:
            if doc_id:
                records.append(Record(url, short_name(corpus, doc_id), "", body,
                                      names=number_spellings(corpus, doc_id), kind="document"))
            elif body_id:
                body_model = corpus.bodies[body_id]
                records.append(Record(url, body_model.name, "", body,
                                      names=f"{body_model.name} {body_model.short_name}", kind="body"))
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
            records.append(Record(target, f"{label} · {doc_name}", label, body, context=doc_name,
                                  kind="clause" if clause else "section"))
        elif body:
            name = page_title or sections[0].heading
            records.append(Record(target, f"{section.heading} · {name}", section.heading, body, context=name,
                                  kind=_kind(url)))
    return records


def _document_of(corpus: Corpus, url: str) -> str | None:
    parts = url.strip("/").split("/")
    if len(parts) == 2 and parts[0] == "van-ban" and parts[1] in corpus.documents:
        return parts[1]
    return None


def _body_of(corpus: Corpus, url: str) -> str | None:
    parts = url.strip("/").split("/")
    if len(parts) == 2 and parts[0] == "co-quan" and parts[1] in corpus.bodies:
        return parts[1]
    return None


def _kind(url: str) -> str:
    return url.split("/", 1)[0] or "page"


def write(records: list[Record], site_dir: Path) -> Path:
    """Write the index under site_dir/pagefind/ and drop Pagefind's own UI."""
    output = Path(site_dir) / OUTPUT
    if output.exists():
        shutil.rmtree(output)
    # One run of the Pagefind binary over the records written as files: its
    # Python service reads one reply per 0.1 s, which made indexing take
    # 0.1 s a record (13 s for this site, an hour at 100× the corpus).
    with tempfile.TemporaryDirectory(prefix="kl-search-") as tmp:
        for n, record in enumerate(records):
            Path(tmp, f"{n}.html").write_text(record.html(), encoding="utf-8")
        subprocess.run([sys.executable, "-m", "pagefind", "--site", tmp, "--output-path", str(output),
                        "--force-language", "vi", "--silent"], check=True)
    for name in _UNUSED:
        (output / name).unlink(missing_ok=True)
    return output
