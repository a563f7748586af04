"""FAQ (hỏi đáp) and plain-language explanations: the model, the built pages,
the JSON-LD, and every editor mistake stopping the build."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import ROOT, SOURCES, copy_project, failed_build, run_build
from hooks.render import jsonld
from hooks import pipeline
from tests.tools.section_text import SectionText, words

SECTION_2 = ["muc-2", "muc-2-1", "muc-2-2", "muc-2-3", "muc-2-4", "muc-2-4-doan-1", "muc-2-4-doan-2",
             "muc-2-4-doan-3", "muc-2-5"]
NOTICE = "Giải thích, không phải văn bản pháp luật"
_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def model():
    return pipeline.build(ROOT / "docs", ROOT)


def read(site: Path, url: str) -> str:
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


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
    from hooks.model import schema
    from hooks.model import vocab
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
            assert f'<figcaption><a href="../../van-ban/{doc_id}/#{anchor}">{citation}</a></figcaption>' in html
            if not clause.available:
                assert shown.of(key) == "", key
                continue
            text = shown.of(key)
            assert text and text == doc_pages[doc_id].of(anchor), (entry.id, key)
            for paragraph in clause.text.split("\n\n"):
                assert words(paragraph) in source, (entry.id, key, paragraph[:60])
            checked += 1
    assert checked >= 30


def test_faq_listed_under_the_clauses_it_explains(built_site, model):
    html = read(built_site, "van-ban/kl-14/")
    # muc-2-4 has no text of its own: its tools and links follow its paragraphs.
    start = html.index('<div class="kl-clause__tools"><button type="button" class="kl-cite" data-cite="Mục 2.4 ')
    section = html[start:html.index("</aside>", start)]
    assert "Hỏi đáp liên quan" in section
    assert model.corpus.faqs["thi-diem-khong-thanh-cong"].question in section


def test_document_pages_open_with_a_marked_plain_summary(built_site, model):
    from hooks.render import faq_views
    for doc in model.corpus.documents.values():
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


def test_faq_ids_match_file_names_and_urls(model):
    for entry in model.corpus.faqs.values():
        assert entry.url == f"hoi-dap/{entry.id}/" and entry.path.stem == entry.id


# -- bad input ------------------------------------------------------------

FAQ = "docs/hoi-dap/thi-diem-khong-thanh-cong.md"


def edit(project: Path, rel: str, old: str, new: str) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture drift: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Path, rel: str, needle: str) -> int:
    lines = (project / rel).read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if needle in line)


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
        lambda p: [f"{FAQ}:1 [question]", "thiếu trường bắt buộc", "question: "]),
    "empty-answer": (
        empty_body,
        lambda p: [f"{FAQ}:{line_of(p, FAQ, 'reviewed:') + 2} [answer]", "chưa có câu trả lời", "[[kl-14#muc-2-4]]"]),
    "explains-nothing": (
        lambda p: edit(p, FAQ, "explains:\n  - kl-14#muc-2-4\n  - kl-14#muc-2-4-doan-2\n", "explains: []\n"),
        lambda p: [f"{FAQ}:{line_of(p, FAQ, 'explains:')} [explains]", "ít nhất một điều khoản",
                   "explains: [kl-14#muc-2-4]"]),
    "explains-missing": (
        lambda p: edit(p, FAQ, "explains:\n  - kl-14#muc-2-4\n  - kl-14#muc-2-4-doan-2\n", ""),
        lambda p: [f"{FAQ}:1 [explains]", "thiếu trường bắt buộc"]),
    "unknown-audience": (
        lambda p: edit(p, FAQ, "audience: [cong-dan, can-bo, co-quan]", "audience: [cong-dan, nguoi-dan]"),
        lambda p: [f"{FAQ}:{line_of(p, FAQ, 'audience:')} [audience[1]]", "'nguoi-dan'", "cong-dan, can-bo, co-quan"]),
    "unknown-topic": (
        lambda p: edit(p, FAQ, "topic: trach-nhiem", "topic: trach-nhiem-can-bo"),
        lambda p: [f"{FAQ}:{line_of(p, FAQ, 'topic:')} [topic]", "'trach-nhiem-can-bo'", "chung, doi-tuong"]),
    "explains-unknown-clause": (
        lambda p: edit(p, FAQ, "  - kl-14#muc-2-4-doan-2\n", "  - kl-14#muc-2-4-doan-4\n"),
        lambda p: [f"{FAQ}:{line_of(p, FAQ, 'muc-2-4-doan-4')} [explains[1]]", "'kl-14#muc-2-4-doan-4'",
                   "kl-14#muc-2-4-doan-"]),
    "explains-unknown-document": (
        lambda p: edit(p, FAQ, "  - kl-14#muc-2-4\n", "  - kl-41#muc-2-4\n"),
        lambda p: [f"{FAQ}:{line_of(p, FAQ, 'kl-41')} [explains[0]]", "'kl-41#muc-2-4'", "kl-14#muc-2-4"]),
    "explains-whole-document": (
        lambda p: edit(p, FAQ, "  - kl-14#muc-2-4\n", "  - kl-14\n"),
        lambda p: [f"{FAQ}:{line_of(p, FAQ, '  - kl-14')} [explains[0]]", "cả văn bản", "kl-14#muc-1"]),
    "reviewed-not-a-date": (
        lambda p: edit(p, FAQ, "reviewed: 27/11/2026", "reviewed: 2026-11-27"),
        lambda p: [f"{FAQ}:{line_of(p, FAQ, 'reviewed:')} [reviewed]", "dd/mm/yyyy"]),
    "two-faqs-one-id": (
        lambda p: write_copy(p, "docs/hoi-dap/zz-ban-sao.md", "thi-diem-khong-thanh-cong", "thi-diem-khong-thanh-cong"),
        lambda p: ["docs/hoi-dap/zz-ban-sao.md:2 [id]", "'thi-diem-khong-thanh-cong'", f"{FAQ}",
                   "mỗi văn bản, cơ quan, hỏi đáp cần một mã riêng"]),
    "faq-id-of-a-document": (
        lambda p: write_copy(p, "docs/hoi-dap/kl-14.md", "thi-diem-khong-thanh-cong", "kl-14"),
        lambda p: ["docs/hoi-dap/kl-14.md:2 [id]", "'kl-14'", "docs/van-ban/kl-14.md"]),
    "faq-id-of-a-body": (
        lambda p: write_copy(p, "docs/hoi-dap/so-noi-vu.md", "thi-diem-khong-thanh-cong", "so-noi-vu"),
        lambda p: ["docs/hoi-dap/so-noi-vu.md:2 [id]", "'so-noi-vu'", "docs/co-quan/so-noi-vu.md"]),
    "id-is-not-the-file-name": (
        lambda p: edit(p, FAQ, "id: thi-diem-khong-thanh-cong", "id: thi-diem-that-bai"),
        lambda p: [f"{FAQ}:2 [id]", "thi-diem-khong-thanh-cong.md"]),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_faq_stops_the_build(tmp_path, case):
    mutate, expect = BAD[case]
    project, output = failed_build(tmp_path, mutate)
    for fragment in expect(project):
        assert fragment in output, f"{fragment!r} missing from:\n{output}"
    assert "(en)" in output and "Cách sửa" in output


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
