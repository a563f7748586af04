"""FAQ (hỏi đáp) and plain-language explanations on the built site: the
pages, their JSON-LD, and editor text that cannot break out of it (the model
and bad input: tests/unit/test_faq.py)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, SOURCES, copy_project, run_build
from hooks import pipeline
from tests.tools.project import edit
from tests.tools.section_text import SectionText, words

NOTICE = "Giải thích, không phải văn bản pháp luật"
_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
FAQ = "docs/hoi-dap/thi-diem-khong-thanh-cong.md"


@pytest.fixture(scope="module")
def model():
    return pipeline.build(ROOT / "docs", ROOT)


def read(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


# -- JSON-LD --------------------------------------------------------------

def _faqpage(data: dict, n: int) -> None:
    assert data["@context"] == "https://schema.org" and data["@type"] == "FAQPage"
    assert len(data["mainEntity"]) == n
    for q in data["mainEntity"]:
        assert q["@type"] == "Question" and q["name"].strip()
        assert q["acceptedAnswer"]["@type"] == "Answer" and q["acceptedAnswer"]["text"].strip()


def test_faq_pages_carry_faqpage_jsonld(built_site, model):
    for entry in model.corpus.faqs.values():
        html = read(built_site, entry.url)
        head = html.split("</head>")[0]
        found = _LD.findall(head)
        assert len(found) == 1, entry.id
        data = json.loads(found[0])
        _faqpage(data, 1)
        assert data["mainEntity"][0]["name"] == entry.question
        answer = data["mainEntity"][0]["acceptedAnswer"]["text"]
        assert "[[" not in answer and "kl-url:" not in answer and "<" not in answer
    text = json.loads(_LD.findall(read(built_site, "hoi-dap/thi-diem-khong-thanh-cong/"))[0])
    answer = text["mainEntity"][0]["acceptedAnswer"]["text"]
    assert answer.startswith("Không phải cứ thất bại là bị xử lý")
    assert "Đoạn 2 mục 2.4 nói về trường hợp cán bộ thực hiện thí điểm mà:" in answer


def test_index_carries_jsonld_of_every_faq(built_site, model):
    data = json.loads(_LD.findall(read(built_site, "hoi-dap/").split("</head>")[0])[0])
    _faqpage(data, len(model.corpus.faqs))
    assert {q["name"] for q in data["mainEntity"]} == {f.question for f in model.corpus.faqs.values()}


# -- built pages ----------------------------------------------------------

def test_index_lists_every_faq_grouped_by_topic(built_site, model):
    html = read(built_site, "hoi-dap/")
    listed = re.findall(r'<li class="kl-faq-list__item" data-faq="([^"]+)" data-audience="([^"]+)">', html)
    assert sorted(i for i, _ in listed) == sorted(model.corpus.faqs)
    for ident, audience in listed:
        assert audience.split() == model.corpus.faqs[ident].audience
        assert f'href="{ident}/"' in html
    from hooks.model import vocab
    for entry in model.corpus.faqs.values():
        topic = html.index(f'<h2 id="{entry.topic}">{vocab.FAQ_TOPICS[entry.topic]}</h2>')
        item = html.index(f'data-faq="{entry.id}"')
        following = [html.index(f'<h2 id="{t}">') for t in vocab.FAQ_TOPICS if f'<h2 id="{t}">' in html]
        assert topic < item < min([p for p in following if p > topic] + [len(html)])
    # Without JavaScript the filter stays hidden and nothing else is.
    assert re.search(r'<div class="kl-faq-filter" data-kl-faq-filter hidden>', html)
    assert NOTICE in html


def test_faq_page_shows_the_clause_text_from_the_document(built_site, model):
    from hooks.render import faq_views
    source = words(next(SOURCES.glob("*.txt")).read_text(encoding="utf-8"))
    doc_pages = {d: SectionText(read(built_site, f"van-ban/{d}/"), children=True) for d in model.corpus.documents}
    checked = 0
    for entry in model.corpus.faqs.values():
        html = read(built_site, entry.url)
        assert NOTICE in html, entry.id
        shown = SectionText(html, "data-explains", children=True)
        # A clause inside another explained clause is quoted once, within it.
        quoted = faq_views._outermost(model.corpus, entry.explains)
        assert list(dict.fromkeys(re.findall(r'data-explains="([^"]+)"', html))) == quoted
        for key in quoted:
            doc_id, _, anchor = key.partition("#")
            clause = model.corpus.documents[doc_id].clauses[anchor]
            citation = model.corpus.citation(clause)
            if clause.provisional:
                # An excerpt of the source article, not "nội dung N" of the plan (issue 14).
                assert citation.startswith("Đoạn trích ") and " của bài viết nguồn về " in citation
            assert f'<figcaption><a href="../../van-ban/{doc_id}/#{anchor}">{citation}</a></figcaption>' in html
            if not clause.available:
                assert shown.of(key) == "", key
                continue
            text = shown.of(key)
            assert text and text == doc_pages[doc_id].of(anchor), (entry.id, key)
            # Text quoted from the source article is verbatim there; a document
            # an editor adds from its own official source names that source.
            doc_source = " ".join(str(model.corpus.documents[doc_id].meta["text"]["source"]).split())
            if "Thông tin phổ biến giáo dục pháp luật" in doc_source:
                for paragraph in clause.text.split("\n\n"):
                    assert words(paragraph) in source, (entry.id, key, paragraph[:60])
            checked += 1
    assert checked >= 30


def test_faq_listed_under_the_clauses_it_explains(built_site, model):
    html = read(built_site, "van-ban/kl-14/")
    # muc-2-4 has no text of its own: its tools and links follow its paragraphs.
    start = html.index('<div class="kl-clause__tools"><button type="button" class="kl-cite" data-cite="Mục 2.4 ')
    section = html[start:html.index("</details>", start)]
    assert "Hỏi đáp liên quan" in section
    assert model.corpus.faqs["thi-diem-khong-thanh-cong"].question in section


def test_document_pages_open_with_a_marked_plain_summary(built_site, model):
    from hooks.render import faq_views
    # The summary is optional (the guide says so): every document that has one shows it.
    with_summary = [d for d in model.corpus.documents.values() if d.meta.get("plain_summary")]
    assert {"kl-14", "ctr-26", "kh-116", "nd-73"} <= {d.id for d in with_summary}
    for doc in with_summary:
        html = read(built_site, doc.url)
        box = html[html.index('class="admonition abstract kl-explanation kl-plain-summary"'):]
        box = words(re.sub(r"<[^>]+>", " ", box[:box.index("</section>")]))
        assert "Tóm tắt dễ hiểu" in box and NOTICE in box
        paragraphs = faq_views.document_extras(model, doc)["plain_summary"]
        assert len(paragraphs) >= 2
        for paragraph in paragraphs:
            assert words(re.sub(r"<[^>]+>", " ", paragraph)) in box
        # The summary comes before the legal text.
        assert html.index("Tóm tắt dễ hiểu") < html.index('class="kl-text"')
    for doc_id in ("ctr-26", "kh-116", "nd-73"):
        assert "chưa có toàn văn" in model.corpus.documents[doc_id].meta["plain_summary"].lower()


def test_editor_text_cannot_break_out_of_the_jsonld(tmp_path):
    project = copy_project(tmp_path / "project")
    edit(project, FAQ, "question: Thí điểm không thành công hoặc gây thiệt hại thì cán bộ có bị xử lý không?",
         "question: 'Thí điểm </script><script>alert(1)</script> thất bại?'")
    # In a code span the tag is text, so it reaches the answer text as written.
    edit(project, FAQ, "Không phải cứ thất bại là bị xử lý", "Không phải `</SCRIPT>` cứ thất bại là bị xử lý")
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    for url in ("hoi-dap/thi-diem-khong-thanh-cong/", "hoi-dap/"):
        head = read(site, url).split("</head>")[0]
        blocks = _LD.findall(head)
        # Unescaped, the block would end at the editor's "</script>" and not parse.
        assert len(blocks) == 1 and "<" not in blocks[0]
        data = json.loads(blocks[0])
        names = [q["name"] for q in data["mainEntity"]]
        assert "Thí điểm </script><script>alert(1)</script> thất bại?" in names
        answers = [q["acceptedAnswer"]["text"] for q in data["mainEntity"]]
        assert any("Không phải </SCRIPT> cứ thất bại" in a for a in answers)
