"""The model built from the real content, without MkDocs."""
import pytest

from conftest import ROOT
from hooks import pipeline
from hooks.collect import corpus
from hooks.render import views as render
from hooks.resolve import placeholders


def load():
    return corpus.load(ROOT / "docs", ROOT)


def test_documents_bodies_and_clauses():
    c = load()
    assert set(c.documents) >= {"kl-14", "ctr-26", "kh-116", "nd-73"}
    assert set(c.bodies) >= {"bo-chinh-tri", "ban-to-chuc-trung-uong", "ban-thuong-vu-tinh-uy", "ubnd-tinh",
                             "so-noi-vu", "cac-so-ban-nganh", "ubnd-cap-huyen", "chinh-phu"}
    kl = c.documents["kl-14"]
    assert list(kl.clauses) == ["muc-1", "muc-2", "muc-2-1", "muc-2-2", "muc-2-3", "muc-2-4",
                                "muc-2-4-doan-1", "muc-2-4-doan-2", "muc-2-4-doan-3", "muc-2-5", "muc-3"]
    assert not kl.clauses["muc-3"].available
    assert list(c.documents["kh-116"].clauses)[:4] == [f"noi-dung-{i}" for i in range(1, 5)]
    assert all(cl.provisional for cl in c.documents["kh-116"].clauses.values())


def test_citations():
    c = load()
    kl = c.documents["kl-14"]
    assert c.citation(kl.clauses["muc-2-4"]) == "Mục 2.4 Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị"
    assert c.citation(kl.clauses["muc-2-4-doan-2"]) == (
        "Đoạn 2 mục 2.4 Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị")
    assert c.citation_title(c.documents["ctr-26"]) == (
        "Chương trình hành động số 26-CTr/TU ngày 14/01/2022 của Ban Thường vụ Tỉnh ủy Thanh Hóa")


def test_chain_and_views():
    c = load()
    chain = [d.id for d in render.chain(c, c.documents["ctr-26"])]
    assert chain.index("kl-14") < chain.index("ctr-26") < chain.index("kh-116")
    view = render.document_view(c, c.documents["nd-73"])
    assert "kl-14" in [d["id"] for d in view["related"]]
    assert view["effective"] == "29/09/2023" and view["signer_name"] == "Chưa xác định"
    kl_view = render.document_view(c, c.documents["kl-14"])
    assert "nd-73" in [d["id"] for d in kl_view["related"]]


def test_document_markdown_wraps_clauses_and_escapes_numbers():
    m = pipeline.build(ROOT / "docs", ROOT)
    fragments = []
    md = render.document_markdown(m.corpus, m.resolved, m.links, m.corpus.documents["kl-14"], fragments)
    assert fragments and all(f.startswith(('<details class="kl-backlinks"', '<div class="kl-clause__tools"'))
                             for f in fragments)
    assert '## Mục 1 {#muc-1 .kl-clause__heading data-toc-label="Mục 1: Trong quá trình' in md
    assert '#### Đoạn 2 · Mục 2.4 {#muc-2-4-doan-2 .kl-clause__heading data-toc-label="Đoạn 2: Khi cán bộ' in md
    assert "\n1\\. Trong quá trình" in md
    assert md.count("<!--kl:clause ") == md.count("<!--kl:/clause-->") == 11
    html = placeholders.finish_html('<!--kl:clause muc-2-4 1--><p>x \ue0000\ue001</p><!--kl:/clause-->', ["<a>y</a>"])
    assert html == '<section class="kl-clause kl-clause--depth-1" data-clause="muc-2-4"><p>x <a>y</a></p></section>'
    # A written page lets its fragments go (None): using one later stops, never prints nothing.
    with pytest.raises(LookupError):
        placeholders.finish_html('<p>x \ue0000\ue001</p>', [None])
