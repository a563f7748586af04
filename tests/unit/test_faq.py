"""FAQ (hỏi đáp) and plain-language explanations: the model, the JSON-LD
writer, and every editor mistake stopping the build (the built pages:
tests/build/test_faq_pages.py)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, SOURCES
from hooks import pipeline
from hooks.render import jsonld
from tests.tools.content_errors import Expect, content_errors, project_copy, reported
from tests.tools.project import edit, line_of
from tests.tools.section_text import words

SECTION_2 = ["muc-2", "muc-2-1", "muc-2-2", "muc-2-3", "muc-2-4", "muc-2-4-doan-1", "muc-2-4-doan-2",
             "muc-2-4-doan-3", "muc-2-5"]


@pytest.fixture(scope="module")
def model():
    return pipeline.build(ROOT / "docs", ROOT)


# -- model ----------------------------------------------------------------

def test_every_faq_explains_and_cites_existing_clauses(model):
    corpus = model.corpus
    assert len(corpus.faqs) >= 15
    cited = {}
    for occ in model.resolved.occurrences:
        if occ.src.startswith("hoi-dap/") and "#" in occ.target:
            cited.setdefault(occ.src, set()).add(occ.target)
    for entry in corpus.faqs.values():
        assert entry.explains, entry.id
        for key in entry.explains:
            doc_id, _, anchor = key.partition("#")
            assert anchor in corpus.documents[doc_id].clauses, key
        # The answer itself cites at least one clause, and each one exists.
        assert cited.get(entry.src), f"{entry.id}: the answer cites no clause with [[…#…]]"
        for key in cited[entry.src]:
            doc_id, _, anchor = key.partition("#")
            assert anchor in corpus.documents[doc_id].clauses, (entry.id, key)


def test_every_clause_of_section_2_is_explained(model):
    for anchor in SECTION_2:
        assert model.links.explained_by.get(f"kl-14#{anchor}"), f"no FAQ explains kl-14#{anchor}"
        assert any(f"kl-14#{anchor}" in f.explains for f in model.corpus.faqs.values()), anchor


def test_quotations_in_answers_are_verbatim(model):
    """Text in straight quotes is a quotation: from the source article, a
    document's trích yếu, or a label the site itself shows."""
    source = words(next(SOURCES.glob("*.txt")).read_text(encoding="utf-8"))
    summaries = [words(d.summary) for d in model.corpus.documents.values()]
    labels = {"chưa xác định", "mức độ đầy đủ"}
    quoted = 0
    for entry in model.corpus.faqs.values():
        body = words(entry.path.read_text(encoding="utf-8").split("\n---\n", 1)[1])
        for quote in re.findall(r'"([^"]+)"', body):
            quoted += 1
            assert quote in source or any(quote in s for s in summaries) or quote.lower() in labels, \
                (entry.id, quote)
    assert quoted >= 40


def test_explains_feeds_explained_by_even_when_the_answer_does_not_cite(model):
    entry = model.corpus.faqs["thi-diem-khong-thanh-cong"]
    assert "kl-14#muc-2-4" in entry.explains
    cited = {o.target for o in model.resolved.occurrences if o.src == entry.src}
    assert "kl-14#muc-2-4" not in cited      # the premise: only `explains` names it
    links = model.links.explained_by["kl-14#muc-2-4"]
    assert [l.label for l in links if l.src == entry.src] == [entry.question]
    # Cited and listed in `explains`: still one link.
    both = model.links.explained_by["kl-14#muc-2-4-doan-2"]
    assert len([l for l in both if l.src == entry.src]) == 1


def test_faq_ids_are_public_ids(model):
    ids = model.corpus.ids()
    assert ids["thi-diem-khong-thanh-cong"] == "faq" and ids["kl-14"] == "document"


def test_faq_json_schema_matches_the_model():
    from hooks.model import schema, vocab
    js = schema.json_schema(schema.FAQ, "Hỏi đáp")
    assert set(js["required"]) == {"id", "question", "audience", "topic", "explains", "reviewed"}
    assert js["properties"]["audience"]["items"]["enum"] == list(vocab.AUDIENCES)
    assert js["properties"]["topic"]["enum"] == list(vocab.FAQ_TOPICS)
    assert {"type": "null"} in js["properties"]["reviewed"]["anyOf"]


def test_an_answer_of_comments_only_is_empty():
    from hooks.collect import faq
    assert not faq.has_answer("\n<!-- sẽ viết sau -->\n\n")
    assert faq.has_answer("Có. Xem [[kl-14#muc-2-4]].")


# -- JSON-LD --------------------------------------------------------------

def test_jsonld_cannot_break_out_of_its_script():
    evil = 'A </script><script>alert(1)</script> <!-- & "q" \u2028'
    tag = jsonld.script(jsonld.faq_page([(evil, evil)]))
    inner = tag[len('<script type="application/ld+json">'):-len("</script>")]
    assert "<" not in inner and ">" not in inner and "&" not in inner
    data = json.loads(inner)
    assert data["mainEntity"][0]["name"] == evil
    assert data["mainEntity"][0]["acceptedAnswer"]["text"] == evil


def test_faq_ids_match_file_names_and_urls(model):
    for entry in model.corpus.faqs.values():
        assert entry.url == f"hoi-dap/{entry.id}/" and entry.path.stem == entry.id


# -- bad input ------------------------------------------------------------

FAQ = "docs/hoi-dap/thi-diem-khong-thanh-cong.md"


def write_copy(project: Path, new_rel: str, old_id: str, new_id: str) -> None:
    text = (project / FAQ).read_text(encoding="utf-8").replace(f"id: {old_id}", f"id: {new_id}")
    (project / new_rel).write_text(text, encoding="utf-8")


def empty_body(project: Path) -> None:
    path = project / FAQ
    text = path.read_text(encoding="utf-8")
    head, _, _ = text.partition("\n---\n")
    path.write_text(head + "\n---\n\n<!-- chưa viết -->\n", encoding="utf-8")


BAD = {
    "no-question": (
        lambda p: edit(p, FAQ, "question: Thí điểm không thành công", "title: Thí điểm không thành công"),
        lambda p: Expect(FAQ, 1, "question", ("thiếu trường bắt buộc", "question: "))),
    "empty-answer": (
        empty_body,
        lambda p: Expect(FAQ, line_of(p, FAQ, "reviewed:") + 2, "answer", ("chưa có câu trả lời", "[[kl-14#muc-2-4]]"))),
    "explains-nothing": (
        lambda p: edit(p, FAQ, "explains:\n  - kl-14#muc-2-4\n", "explains: []\n"),
        lambda p: Expect(FAQ, line_of(p, FAQ, "explains:"), "explains",
                         ("ít nhất một điều khoản", "explains: [kl-14#muc-2-4]"))),
    "explains-missing": (
        lambda p: edit(p, FAQ, "explains:\n  - kl-14#muc-2-4\n", ""),
        lambda p: Expect(FAQ, 1, "explains", ("thiếu trường bắt buộc",))),
    "unknown-audience": (
        lambda p: edit(p, FAQ, "audience: [cong-dan, can-bo, co-quan]", "audience: [cong-dan, nguoi-dan]"),
        lambda p: Expect(FAQ, line_of(p, FAQ, "audience:"), "audience[1]", ("“nguoi-dan”", "cong-dan, can-bo, co-quan"))),
    "unknown-topic": (
        lambda p: edit(p, FAQ, "topic: trach-nhiem", "topic: trach-nhiem-can-bo"),
        lambda p: Expect(FAQ, line_of(p, FAQ, "topic:"), "topic", ("“trach-nhiem-can-bo”", "chung, doi-tuong"))),
    "explains-unknown-clause": (
        lambda p: edit(p, FAQ, "  - kl-14#muc-2-4\n", "  - kl-14#muc-2-4-doan-4\n"),
        lambda p: Expect(FAQ, line_of(p, FAQ, "muc-2-4-doan-4"), "explains[0]",
                         ("“kl-14#muc-2-4-doan-4”", "kl-14#muc-2-4-doan-"))),
    "explains-unknown-document": (
        lambda p: edit(p, FAQ, "  - kl-14#muc-2-4\n", "  - kl-41#muc-2-4\n"),
        lambda p: Expect(FAQ, line_of(p, FAQ, "kl-41"), "explains[0]", ("“kl-41#muc-2-4”", "kl-14#muc-2-4"))),
    "explains-whole-document": (
        lambda p: edit(p, FAQ, "  - kl-14#muc-2-4\n", "  - kl-14\n"),
        lambda p: Expect(FAQ, line_of(p, FAQ, "  - kl-14"), "explains[0]", ("cả văn bản", "kl-14#muc-1"))),
    "reviewed-not-a-date": (
        lambda p: edit(p, FAQ, "reviewed: 27/11/2026", "reviewed: 2026-11-27"),
        lambda p: Expect(FAQ, line_of(p, FAQ, "reviewed:"), "reviewed", ("dd/mm/yyyy",))),
    "two-faqs-one-id": (
        lambda p: write_copy(p, "docs/hoi-dap/zz-ban-sao.md", "thi-diem-khong-thanh-cong", "thi-diem-khong-thanh-cong"),
        lambda p: Expect("docs/hoi-dap/zz-ban-sao.md", 2, "id",
                         ("“thi-diem-khong-thanh-cong”", FAQ, "mỗi văn bản, cơ quan, hỏi đáp cần một mã riêng"))),
    "faq-id-of-a-document": (
        lambda p: write_copy(p, "docs/hoi-dap/kl-14.md", "thi-diem-khong-thanh-cong", "kl-14"),
        lambda p: Expect("docs/hoi-dap/kl-14.md", 2, "id", ("“kl-14”", "docs/van-ban/kl-14.md"))),
    "faq-id-of-a-body": (
        lambda p: write_copy(p, "docs/hoi-dap/so-noi-vu.md", "thi-diem-khong-thanh-cong", "so-noi-vu"),
        lambda p: Expect("docs/hoi-dap/so-noi-vu.md", 2, "id", ("“so-noi-vu”", "docs/co-quan/so-noi-vu.md"))),
    "id-is-not-the-file-name": (
        lambda p: edit(p, FAQ, "id: thi-diem-khong-thanh-cong", "id: thi-diem-that-bai"),
        lambda p: Expect(FAQ, 2, "id", ("thi-diem-khong-thanh-cong.md",))),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_faq_stops_the_build(tmp_path, case):
    mutate, expect = BAD[case]
    project = project_copy(tmp_path)
    mutate(project)
    error = reported(content_errors(project), expect(project))
    assert error.fix_vi.strip(), error.format()   # every FAQ mistake says how to fix it
