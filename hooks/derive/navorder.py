"""Order of the navigation: sections as readers look for them, documents by
date of issue, bodies from the centre to the district."""
from __future__ import annotations

from hooks.collect.corpus import BODIES_DIR, DOCS_DIR, FAQ_DIR, Corpus
from hooks.collect import faq
from hooks.model import vocab

GRAPH_DIR = "luoc-do"
SECTIONS = ["", DOCS_DIR, GRAPH_DIR, BODIES_DIR, "hoi-dap", "tin-tuc", "du-lieu-mo", "huong-dan"]


def section_key(folder: str) -> tuple[int, str]:
    return (SECTIONS.index(folder), folder) if folder in SECTIONS else (len(SECTIONS), folder)


def page_key(corpus: Corpus, folder: str, stem: str) -> tuple:
    if stem == "index":
        return (0,)
    if folder == DOCS_DIR and stem in corpus.documents:
        doc = corpus.documents[stem]
        return (1, *doc.sort_key)
    if folder == BODIES_DIR and stem in corpus.bodies:
        body = corpus.bodies[stem]
        return (1, list(vocab.BODY_LEVELS).index(body.meta["level"]), bool(body.meta.get("group")), body.name)
    if folder == FAQ_DIR and stem in corpus.faqs:
        return (1, *faq.sort_key(corpus.faqs[stem], faq.clause_order(corpus)))
    return (2, stem)

SECTION_TITLES = {
    DOCS_DIR: "Văn bản",
    GRAPH_DIR: "Lược đồ",
    BODIES_DIR: "Cơ quan",
    "hoi-dap": "Hỏi đáp",
    "tin-tuc": "Tin tức",
    "du-lieu-mo": "Dữ liệu mở",
    "huong-dan": "Hướng dẫn",
}
