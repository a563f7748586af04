"""The search records as the build made them before issue 15: every
finished page's article cut at headings with ids (`records.page_records`,
which the build still uses for listings). The reference the records made
from the model and the rendered content are compared with
(tests/build/test_search_records_build.py): the words the templates print
around the content (`search/frames.py`) must be the ones on the page."""
from __future__ import annotations

import html
import json
from pathlib import Path

from hooks import contract
from hooks.model.corpus import Corpus
from hooks.search import store
from hooks.search.records import Record, indexed, page_records

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
