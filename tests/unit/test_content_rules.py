"""Editorial rules of the guide ("Cách viết câu trả lời") that a program can
check honestly: wording about what the site has, full document names in FAQ
titles, provisional excerpts never cited as provisions, the purpose paragraph
where the source README puts it, and the two-tier local government."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT
from hooks import pipeline
from hooks.model import vocab
from hooks.text import markdown_scan

DOCS = ROOT / "docs"
# "đã công bố" / "chưa công bố": what the site lacks is its copy, not a
# publication (sources/README.md, "Corrections to earlier readings").
PUBLISHED = re.compile(r"\b(đã|chưa)\s+công\s+bố\b", re.I)
_CODE_SPAN = re.compile(r"(`+).+?\1")
KL14_NAMED = re.compile(r"Kết\s+luận\s+(số\s+)?14\b|\b14-KL/TW\b")
KL14_FULL = "Kết luận số 14-KL/TW"
PURPOSE_START = "Để quán triệt, triển khai, tuyên truyền"


@pytest.fixture(scope="module")
def model():
    return pipeline.build(DOCS, ROOT)


def prose_lines(path):
    """(line number, text) of a Markdown file outside fenced code and code
    spans: the guide's examples of what not to write are code, the rest is
    what readers see."""
    for line in markdown_scan.prose_lines(markdown_scan.read(path)):
        yield line.index + 1, _CODE_SPAN.sub("", line.text)


def test_no_content_says_published_about_what_the_site_has():
    hits = [f"{p.relative_to(ROOT)}:{n}: {line.strip()}"
            for p in sorted(DOCS.rglob("*.md")) for n, line in prose_lines(p) if PUBLISHED.search(line)]
    assert not hits, "viết “phần trang này đang có”, “trang chưa có toàn văn”:\n" + "\n".join(hits)


def test_the_published_rule_sees_prose_and_skips_code(tmp_path):
    f = tmp_path / "x.md"
    f.write_text("Văn bản đã công bố không nói.\nKhông viết `đã công bố`.\n```\nchưa công bố\n```\n",
                 encoding="utf-8")
    assert [n for n, line in prose_lines(f) if PUBLISHED.search(line)] == [1]


def test_faq_titles_name_kl14_in_full(model):
    for entry in model.corpus.faqs.values():
        if KL14_NAMED.search(entry.question):
            assert KL14_FULL in entry.question, (entry.id, entry.question)
    for key, label in vocab.FAQ_TOPICS.items():
        if KL14_NAMED.search(label):
            assert KL14_FULL in label, (key, label)


def test_provisional_excerpts_are_cited_with_words_of_their_own(model):
    """[[kh-116#noi-dung-6]] alone reads "nội dung 6 Kế hoạch số 116/KH-UBND",
    a provision of the plan; FAQ answers (and so their JSON-LD) and pages name
    it in the editor's words: [[kh-116#noi-dung-6|đoạn trích của bài viết]]."""
    bare = re.compile(r"\[\[[a-z0-9-]+#noi-dung-\d+\]\]")
    hits = [f"{p.relative_to(ROOT)}:{n}" for p in sorted(DOCS.rglob("*.md"))
            for n, line in prose_lines(p) if bare.search(line)]
    assert not hits, hits




def test_purpose_paragraph_is_on_kh116_and_is_no_clause(model):
    docs = model.corpus.documents
    for doc in docs.values():
        for clause in doc.clauses.values():
            assert PURPOSE_START not in clause.text, (doc.id, clause.anchor)
    kh = (DOCS / "van-ban" / "kh-116.md").read_text(encoding="utf-8")
    assert PURPOSE_START in kh and "nhiều khả năng là mục đích của Kế hoạch" in kh
    assert PURPOSE_START not in (DOCS / "van-ban" / "ctr-26.md").read_text(encoding="utf-8")


def test_kh116_tasks_lead_only_where_the_article_names_one(model):
    tasks = model.corpus.documents["kh-116"].tasks
    for n in (1, 2, 3, 4):
        assert tasks[f"nhiem-vu-{n}"].lead is None
    for task in tasks.values():
        assert task.what[:1].isupper(), task.id
        assert not task.what.lower().startswith("giao "), task.id
    assert "kl-14" not in tasks["nhiem-vu-7"].implements
    assert "kl-14" in tasks["nhiem-vu-7"].editor_implements


def test_two_tier_local_government(model):
    assert "xa" in vocab.BODY_LEVELS
    for body in model.corpus.bodies.values():
        if body.meta["level"] == "huyen":
            text = (DOCS / "co-quan" / f"{body.id}.md").read_text(encoding="utf-8")
            assert "2022" in text and "01/7/2025" in text, body.id


def test_the_model_names_an_excerpt_as_the_articles_never_as_a_provision(model):
    corpus = model.corpus
    for doc in corpus.documents.values():
        for clause in doc.clauses.values():
            if clause.provisional:
                for text in (corpus.clause_name(clause), corpus.citation(clause)):
                    assert "của bài viết nguồn về" in text and not re.search(r"\bnội dung \d", text, re.I), text
