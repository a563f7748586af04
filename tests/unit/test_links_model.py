"""Resolution, backlinks and the graph from the real content, without MkDocs,
and the same on a small corpus written for the test."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from conftest import ROOT
from hooks import pipeline
from hooks.derive import backlinks
from hooks.model.errors import ContentErrors
from hooks.render import graph, views
from hooks.resolve import placeholders


@pytest.fixture(scope="module")
def model():
    return pipeline.build(ROOT / "docs", ROOT)


def test_every_kl14_section2_clause_has_backlinks(model):
    kl = model.corpus.documents["kl-14"]
    for anchor, clause in kl.clauses.items():
        if anchor.startswith("muc-2"):
            assert not model.links.is_orphan(clause.key), anchor


def test_stated_and_editor_links_are_kept_apart(model):
    by = model.links.implemented_by
    assert [(l.label, l.basis) for l in by["ctr-26"] if l.kind == "document"] == [
        ("Kế hoạch số 116/KH-UBND", backlinks.STATED)]
    assert [(l.anchor, l.basis) for l in by["kl-14#muc-2-1"]] == [("nhiem-vu-1", backlinks.EDITOR)]
    # Task 1's clause names Kết luận 14; task 7's does not (issue 14): an editor's link.
    assert ("nhiem-vu-1", backlinks.STATED) in [(l.anchor, l.basis) for l in by["kl-14"]]
    assert ("nhiem-vu-7", backlinks.EDITOR) in [(l.anchor, l.basis) for l in by["kl-14"]]


def test_body_tasks(model):
    assert "kh-116#nhiem-vu-7" in [t.key for t in model.links.leads["so-noi-vu"]]
    assert "kh-116#nhiem-vu-6" in [t.key for t in model.links.leads["ubnd-cap-huyen"]]


def test_news_cites_clauses_and_report_lists_unknown_numbers(model):
    news = model.links.news["kl-14#muc-2-4-doan-3"]
    assert {l.kind for l in news} == {"news"} and "10/12/2022" in [l.detail for l in news]
    assert {"file": "docs/van-ban/nd-73.md", "line": 42, "written": "73/2024/NĐ-CP"} in \
        model.report["unknown_document_numbers"]
    refs = [r for r in model.report["references"] if r["target"] == "kl-14#muc-2-4"]
    assert refs and refs[0]["url"] == "/van-ban/kl-14/#muc-2-4"


def test_indexes_hold_what_a_scan_of_the_corpus_finds(model):
    # Views read these once per page; each was a scan of the corpus per page.
    corpus, ix = model.corpus, model.indexes
    docs = sorted(corpus.documents.values(), key=lambda d: d.sort_key)
    assert ix.documents == docs
    for body in corpus.bodies.values():
        assert ix.issued_by.get(body.id, []) == [d for d in docs if d.meta["issuer"] == body.id], body.id
        assert ix.children.get(body.id, []) == [b for b in corpus.bodies.values()
                                                if b.meta.get("parent") == body.id], body.id
    news = [p for p in corpus.pages.values() if p.kind == "news" and not p.draft]
    for post in news:
        title = " ".join(post.title.split())
        assert ix.news_by_title[title] is next(p for p in news if " ".join(p.title.split()) == title)
    assert len(ix.news_by_title) == len({" ".join(p.title.split()) for p in news})


def test_a_source_article_links_to_the_first_published_post_of_its_title(tmp_path):
    root = tiny(tmp_path, extra_b="")
    post = "---\ntitle: {title}\ndate: 2022-12-10\n{draft}---\n\nBài.\n"
    write(root, "tin-tuc/posts/a-nhap.md", post.format(title="Thanh Hóa  triển khai", draft="draft: true\n"))
    write(root, "tin-tuc/posts/bai.md", post.format(title="Thanh Hóa triển khai", draft=""))
    m = pipeline.build(root / "docs", root)
    assert [p.src for p in m.indexes.news_by_title.values()] == ["tin-tuc/posts/bai.md"]
    assert m.indexes.issued_by["ubnd"] == [m.corpus.documents["a"], m.corpus.documents["b"]]
    doc = m.corpus.documents["a"]
    doc.meta["text"]["source"] = 'Tóm tắt theo bài "Thanh Hóa triển khai", Báo Thanh Hóa, ngày 10/12/2022.'
    urls = {"tin-tuc/posts/bai.md": "tin-tuc/2022/12/10/bai/"}
    assert views.article_view(m, doc, urls)["article"]["url"] == "tin-tuc/2022/12/10/bai/"


def test_each_link_is_held_once(model):
    # A link made for many references waits behind one placeholder (memory).
    fragments = model.resolved.fragments
    assert len(set(fragments)) == len(fragments)
    refs = [r for r in model.report["references"] if r["how"] == "reference"]
    assert len(refs) > len(fragments)


def test_graph_layers_and_svg(model):
    c = model.corpus
    layers = graph.layers(c, set(c.documents))
    assert {k: layers[k] for k in ("kl-14", "ctr-26", "kh-116", "nd-73")} == {"kl-14": 0, "ctr-26": 1, "kh-116": 2,
                                                                              "nd-73": 1}
    drawn = graph.layout(c, set(c.documents))
    assert len(drawn["nodes"]) == len(c.documents) and {"url": "van-ban/kh-116/", "current": False} == \
        {k: v for k, v in next(n for n in drawn["nodes"] if n["url"] == "van-ban/kh-116/").items()
         if k in ("url", "current")}


def write(root: Path, rel: str, text: str) -> None:
    path = root / "docs" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")


DOC = """
---
id: {id}
number: {number}
type: ke-hoach
issuer: ubnd
signer: null
issued: 01/02/2022
effective: null
legal_status: chua-xac-dinh
summary: thử
implements: {implements}
text: {{completeness: toan-van, source: thử}}
{extra}---

{{#muc-1}}
1. Nội dung có [[a#muc-1]] và số 2/KH-UBND.
"""


def tiny(tmp_path: Path, extra_b: str = "", body_b: str = "", implements_a: str = "[]") -> Path:
    write(tmp_path, "co-quan/ubnd.md", "---\nid: ubnd\nname: UBND\nshort_name: null\nlevel: tinh\nparent: null\n---\n")
    write(tmp_path, "van-ban/a.md", DOC.format(id="a", number="1/KH-UBND", implements=implements_a, extra=""))
    write(tmp_path, "van-ban/b.md", DOC.format(id="b", number="2/KH-UBND", implements="[a]", extra=extra_b)
          + body_b)
    return tmp_path


def test_tiny_corpus_links_one_pass(tmp_path):
    m = pipeline.build(tiny(tmp_path) / "docs", tmp_path)
    for key in m.resolved.clauses:  # links sit behind placeholders until the HTML is finished
        m.resolved.clauses[key] = placeholders.finish_html(m.resolved.clauses[key], m.resolved.fragments)
    assert '<a href="kl-url:van-ban/a/#muc-1" title="1. Nội dung có a#muc-1 và' in m.resolved.clauses["b#muc-1"]
    assert ">mục 1 Kế hoạch số 1/KH-UBND</a>" in m.resolved.clauses["b#muc-1"]
    assert '<a href="kl-url:van-ban/b/" title="thử">2/KH-UBND</a>' in m.resolved.clauses["a#muc-1"]
    assert "kl-url:van-ban/b/" not in m.resolved.clauses["b#muc-1"]      # not on b's own page


@pytest.mark.parametrize("extra,body,implements_a,expect", [
    ("", "\nXem [[a#muc-9]].\n", "[]", ["docs/van-ban/b.md:", "a#muc-9", "a#muc-1"]),
    ("", "\nXem [[ubnd-tinh]].\n", "[]", ["docs/van-ban/b.md:", "“ubnd-tinh”", "ubnd"]),
    ("tasks:\n  - {id: nhiem-vu-1, what: 'Nội dung có', stated_in: muc-1, lead: so-noi-vu, deadline: null}\n",
     "", "[]", ["docs/van-ban/b.md:", "tasks[0].lead", "“so-noi-vu”", "ubnd"]),
    ("", "", "[b]", ["docs/van-ban/b.md:", "[implements]", "vòng", "a → b → a"]),
])
def test_tiny_corpus_errors(tmp_path, extra, body, implements_a, expect):
    root = tiny(tmp_path, extra, body, implements_a)
    with pytest.raises(ContentErrors) as err:
        pipeline.build(root / "docs", root)
    text = err.value.format()
    for fragment in expect:
        assert fragment in text, text


def test_error_line_of_a_bad_reference(tmp_path):
    root = tiny(tmp_path, body_b="\nMột dòng.\n\nXem [[a#muc-9]].\n")
    with pytest.raises(ContentErrors) as err:
        pipeline.build(root / "docs", root)
    lines = (root / "docs/van-ban/b.md").read_text(encoding="utf-8").split("\n")
    expected = next(i for i, line in enumerate(lines, 1) if "[[a#muc-9]]" in line)
    assert f"docs/van-ban/b.md:{expected}:" in err.value.format()


def test_error_line_of_a_parent_body_that_does_not_exist(tmp_path):
    root = tiny(tmp_path)
    write(root, "co-quan/phong.md", "---\nid: phong\nname: Phòng\nshort_name: null\nlevel: tinh\n"
          "parent: ubnd-sai\n---\n")
    with pytest.raises(ContentErrors) as err:
        pipeline.build(root / "docs", root)
    text = err.value.format()
    assert "docs/co-quan/phong.md:6 [parent]:" in text and "“ubnd-sai”" in text and "ubnd" in text, text


def test_a_body_that_is_its_own_parent_is_reported_and_never_suggested(tmp_path):
    root = tiny(tmp_path)
    write(root, "co-quan/phong.md", "---\nid: phong\nname: Phòng\nshort_name: null\nlevel: tinh\n"
          "parent: phong\n---\n")
    write(root, "co-quan/phong-b.md", "---\nid: phong-b\nname: Phòng B\nshort_name: null\nlevel: tinh\n"
          "parent: phongg\n---\n")
    with pytest.raises(ContentErrors) as err:
        pipeline.build(root / "docs", root)
    text = err.value.format()
    assert "docs/co-quan/phong.md:6 [parent]: cơ quan không thể là cấp trên của chính nó." in text, text
    assert "vòng" not in text, text
    # The misspelt parent's nearest ids are other bodies, never the body itself.
    line = next(x for x in text.splitlines() if "phong-b.md" in x)
    assert "“phongg”" in line and "phong-b" not in line.split("gần nhất")[1], text


def test_parent_bodies_that_form_a_cycle_are_reported_once(tmp_path):
    root = tiny(tmp_path)
    for body, parent in (("so-a", "so-b"), ("so-b", "so-c"), ("so-c", "so-a"), ("phong", "so-a")):
        write(root, f"co-quan/{body}.md", f"---\nid: {body}\nname: {body}\nshort_name: null\nlevel: tinh\n"
              f"parent: {parent}\n---\n")
    with pytest.raises(ContentErrors) as err:
        pipeline.build(root / "docs", root)
    text = err.value.format()
    assert text.count("[parent]") == 1, text
    assert "docs/co-quan/so-a.md:6 [parent]: các cơ quan cấp trên tạo thành vòng: so-a → so-b → so-c → so-a." in text
