"""Views of the explanations: FAQ pages, the FAQ index, the plain-language
summary of a document. Plain dicts from the model; templates only present.

The clause text beside an answer is the model's own (`Clause.text`), so an
edit of a document shows on every FAQ that explains it.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from hooks import contract
from hooks.derive.model import Model
from hooks.model import vocab
from hooks.model.corpus import Corpus, Document, Faq
from hooks.render import jsonld
from hooks.text import dates
from hooks.text.html import Markup, escape, tag

NOTICE = "Giải thích, không phải văn bản pháp luật"
NOTICE_DETAIL = ("Phần này giải thích bằng lời dễ hiểu. Chỉ nguyên văn của văn bản mới có giá trị; "
                 "khi cần căn cứ, hãy dẫn nguyên văn điều khoản.")
NOT_REVIEWED = "Chưa rà soát"
INDEX_URL = f"{contract.FAQS}/"
_BLOCKS = {"p", "li", "div", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "br", "dt", "dd"}


class _Text(HTMLParser):
    """Visible text of an HTML fragment, one line per block."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0   # inside a heading's permalink ("¶"): not words of the answer

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            self.parts.append("\n")
        if self.skip or (tag == "a" and "headerlink" in (dict(attrs).get("class") or "").split()):
            self.skip += tag == "a"

    def handle_endtag(self, tag):
        if tag in _BLOCKS:
            self.parts.append("\n")
        if self.skip and tag == "a":
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            # Line breaks inside a paragraph are only how the source was wrapped.
            self.parts.append(data.replace("\n", " "))


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def answer_parts(question: str, answer: str) -> dict:
    """What an FAQ page says of its answer outside the page body: the meta
    description and the FAQPage JSON-LD. `answer` is the text of the page's
    own rendered answer (the site's Markdown, rendered once)."""
    return {"description": description(answer), "jsonld": jsonld.script(jsonld.faq_page([(question, answer)]))}


def index_jsonld(model: Model, answers: dict[str, str]) -> str:
    faqs = [f for f in model.indexes.faqs if f.id in answers]
    return jsonld.script(jsonld.faq_page([(f.question, answers[f.id]) for f in faqs], name="Hỏi đáp")) if faqs else ""


def description(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


def _clause_view(corpus: Corpus, key: str) -> dict:
    doc_id, _, anchor = key.partition("#")
    doc = corpus.documents[doc_id]
    clause = doc.clauses[anchor]
    return {
        "key": key,
        "anchor": anchor,
        "citation": corpus.citation(clause),
        "url": contract.clause_url(doc_id, anchor),
        "paragraphs": [p for p in clause.text.split("\n\n") if p] if clause.available else [],
        "available": clause.available,
        "provisional": clause.provisional,
    }


def _short(corpus: Corpus, key: str) -> str:
    doc_id, _, anchor = key.partition("#")
    doc = corpus.documents[doc_id]
    return corpus.clause_name(doc.clauses[anchor])


def _entry(corpus: Corpus, faq: Faq) -> dict:
    return {
        "id": faq.id, "question": faq.question, "url": faq.url,
        "audience": [{"key": a, "label": vocab.AUDIENCES[a]} for a in faq.audience],
        "audience_keys": " ".join(faq.audience),
        "explains": [_short(corpus, k) for k in faq.explains],
        "reviewed": dates.format_dmy(faq.reviewed) if faq.reviewed else NOT_REVIEWED,
    }


def faq_view(model: Model, faq: Faq) -> dict:
    """The page around an answer; `answer_parts` adds what needs the
    rendered answer once it exists."""
    corpus = model.corpus
    return {
        "kind": "faq",
        "id": faq.id,
        "question": faq.question,
        "notice": NOTICE,
        "notice_detail": NOTICE_DETAIL,
        "topic": {"key": faq.topic, "label": faq.topic_label, "url": f"{INDEX_URL}#{faq.topic}"},
        "audience": [{"key": a, "label": vocab.AUDIENCES[a]} for a in faq.audience],
        "reviewed": dates.format_dmy(faq.reviewed) if faq.reviewed else NOT_REVIEWED,
        "reviewed_iso": faq.reviewed.isoformat() if faq.reviewed else "",
        "clauses": [_clause_view(corpus, k) for k in _outermost(corpus, faq.explains)],
        "related": [{"question": f.question, "url": f.url} for f in model.indexes.related(faq)],
        "index_url": INDEX_URL,
    }


def index_view(model: Model) -> dict:
    corpus, faqs = model.corpus, model.indexes.faqs
    topics = []
    for key, label in vocab.FAQ_TOPICS.items():
        members = [_entry(corpus, f) for f in model.indexes.faqs_by_topic.get(key, [])]
        if members:
            topics.append({"key": key, "label": label, "faqs": members})
    return {
        "kind": "faq-index",
        "notice": NOTICE,
        "count": len(faqs),
        "audiences": [{"key": k, "label": v, "count": sum(k in f.audience for f in faqs)}
                      for k, v in vocab.AUDIENCES.items()],
        "topics": topics,
    }


def document_extras(model: Model, doc: Document) -> dict:
    """The plain-language summary at the top of a document page."""
    text = (doc.meta.get("plain_summary") or "").strip()
    # YAML '>-' turns a blank line into one newline; '|' keeps blank lines.
    chunks = re.split(r"\n\s*\n", text) if "\n\n" in text else text.split("\n")
    paragraphs = [_clause_links(doc, " ".join(p.split())) for p in chunks if p.strip()]
    return {"plain_summary": paragraphs, "explanation_notice": NOTICE,
            "faq_count": len(model.indexes.faqs_by_document.get(doc.id, []))}


def _clause_links(doc: Document, text: str) -> Markup:
    """A summary paragraph with each clause it names ("mục 2.3") linked to
    the clause on the same page; the rest escaped."""
    phrases = {c.phrase: c.anchor for c in doc.clauses.values() if c.available}
    if not phrases:
        return escape(text)
    pattern = re.compile(r"(?<![\w.])(" + "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
                         + r")(?![\w]|\.\d)", re.IGNORECASE)
    out, last = [], 0
    for found in pattern.finditer(text):
        anchor = phrases.get(found.group(1).lower()) or phrases.get(found.group(1))
        if anchor is None:
            continue
        out += [escape(text[last:found.start()]), tag("a", {"href": f"#{anchor}"}, found.group(1))]
        last = found.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def _outermost(corpus: Corpus, keys: list[str]) -> list[str]:
    """Explained clauses without those inside another one explained: the
    outer clause's text already quotes them, so each paragraph shows once."""
    chosen = set(keys)

    def inside_another(key: str) -> bool:
        doc_id, _, anchor = key.partition("#")
        doc = corpus.documents.get(doc_id)
        if doc is None or not anchor:
            return False
        clause = doc.clauses.get(anchor)
        while clause is not None and clause.parent:
            if f"{doc_id}#{clause.parent}" in chosen:
                return True
            clause = doc.clauses[clause.parent]
        return False
    return [k for k in keys if not inside_another(k)]
