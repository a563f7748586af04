"""Order of the navigation: sections as readers look for them, documents by
date of issue, bodies from the centre to the district."""
from __future__ import annotations

from hooks import contract
from hooks.derive.model import Model
from hooks.model import vocab

SECTIONS = ["", contract.DOCUMENTS, contract.GRAPH, contract.BODIES, contract.FAQS, contract.BLOG,
            contract.OPEN_DATA_PAGE, contract.GUIDE]


def section_key(folder: str) -> tuple[int, str]:
    return (SECTIONS.index(folder), folder) if folder in SECTIONS else (len(SECTIONS), folder)


def page_key(model: Model, folder: str, stem: str) -> tuple:
    corpus = model.corpus
    if stem == "index":
        return (0,)
    if folder == contract.DOCUMENTS and stem in corpus.documents:
        doc = corpus.documents[stem]
        return (1, *doc.sort_key)
    if folder == contract.BODIES and stem in corpus.bodies:
        body = corpus.bodies[stem]
        return (1, list(vocab.BODY_LEVELS).index(body.meta["level"]), bool(body.meta.get("group")), body.name)
    if folder == contract.FAQS and stem in corpus.faqs:
        return (1, model.indexes.faq_rank[stem])
    return (2, stem)

SECTION_TITLES = {
    contract.DOCUMENTS: "Văn bản",
    contract.GRAPH: "Lược đồ",
    contract.BODIES: "Cơ quan",
    contract.FAQS: "Hỏi đáp",
    contract.BLOG: "Tin tức",
    contract.OPEN_DATA_PAGE: "Dữ liệu mở",
    contract.GUIDE: "Hướng dẫn",
}
