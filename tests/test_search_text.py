"""Folding, tokens and records of the search index, without a browser."""
from __future__ import annotations

import unicodedata

from hooks import search_index, search_sections, search_text


def test_tokens_strip_punctuation_and_lower_case():
    assert search_text.tokens("Luật, “Điều 5”; khoản 2.") == ["luật", "điều", "5", "khoản", "2"]
    assert search_text.tokens("14-KL/TW") == ["14", "kl", "tw"]
    assert search_text.tokens("73/2023/NĐ-CP") == ["73", "2023", "nđ", "cp"]
    assert search_text.tokens("…!?") == []


def test_tokens_of_nfd_input_equal_nfc():
    text = "Cán bộ năng động, sáng tạo; Đảng"
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    assert search_text.tokens(nfd) == search_text.tokens(text) == ["cán", "bộ", "năng", "động", "sáng", "tạo", "đảng"]
    assert all(unicodedata.is_normalized("NFC", t) for t in search_text.tokens(nfd))


def test_fold_strips_tones_and_d():
    assert search_text.fold("Điều") == "dieu"
    assert search_text.fold("ĐỘNG") == "dong"
    assert search_text.fold("cán bộ năng động") == "can bo nang dong"
    assert search_text.fold(unicodedata.normalize("NFD", "Đổi mới")) == "doi moi"
    assert search_text.folded_tokens("Nghị định 73/2023/NĐ-CP") == ["nghi", "dinh", "73", "2023", "nd", "cp"]


def test_d_variants_keep_tones_and_cover_every_d_word():
    assert search_text.d_variants("cán bộ năng động, đổi mới; Động") == ["dộng", "dổi"]
    assert search_text.d_variants("không có chữ đê") == ["dê"]
    assert search_text.d_variants("khong co") == []


SAMPLE = """<html><body><nav>Menu Điều hướng</nav>
<article class="md-content__inner md-typeset">
<h1 class="kl-title">Kết luận số 14-KL/TW</h1><p>Phần đầu.</p>
<section class="kl-meta"><h2 id="kl-meta-title">Thông tin văn bản</h2><dl><dt>Số hiệu</dt><dd>14-KL/TW</dd></dl></section>
<details class="kl-toc"><summary>Danh sách</summary><a href="#muc-1">Mục 1</a></details>
<section class="kl-clause" data-clause="muc-1"><h2 id="muc-1">Mục 1<a class="headerlink" href="#muc-1">¶</a></h2>
<div class="kl-clause__tools"><button>Sao chép trích dẫn</button></div><p>1. Trong quá trình,<br>lãnh đạo.</p>
<section class="kl-clause" data-clause="muc-2-4-doan-2"><h3 id="muc-2-4-doan-2">Đoạn 2</h3><p>Con.</p></section></section>
</article><footer>Chân trang</footer></body></html>"""


def test_sections_split_at_headings_and_drop_furniture():
    sections = search_sections.split(SAMPLE)
    assert [(s.anchor, s.heading) for s in sections] == [
        (None, "Kết luận số 14-KL/TW"), ("muc-1", "Mục 1"), ("muc-2-4-doan-2", "Đoạn 2")]
    intro, clause, child = (s.body for s in sections)
    # The metadata panel belongs to the page; lists, buttons and permalinks do not.
    assert intro == "Phần đầu. Thông tin văn bản Số hiệu 14-KL/TW"
    assert clause == "1. Trong quá trình, lãnh đạo."
    assert child == "Con."


def test_records_of_a_document_page():
    from hooks import corpus
    from conftest import ROOT
    model = corpus.load(ROOT / "docs", ROOT)
    records = search_index.page_records(model, "van-ban/kl-14/", "Kết luận số 14-KL/TW", SAMPLE)
    assert [(r.url, r.title, r.kind) for r in records] == [
        ("van-ban/kl-14/", "Kết luận 14-KL/TW", "document"),
        ("van-ban/kl-14/#muc-1", "Mục 1 · Kết luận 14-KL/TW", "clause"),
        ("van-ban/kl-14/#muc-2-4-doan-2", "Đoạn 2 mục 2.4 · Kết luận 14-KL/TW", "clause"),
    ]
    doc = records[0]
    for spelling in ("14-KL/TW", "kl 14", "kl14", "Kết luận số 14-KL/TW"):
        assert spelling in doc.names
    html = doc.html()
    # Readers' text comes before the mark; extra spellings after it.
    shown, extra = html.split(search_index.VARIANTS_MARK)
    assert "Phần đầu." in shown and "kl14" not in shown and "kl14" in extra
    assert f'data-pagefind-weight="{search_index.W_DOC_NAME}"' in extra


def test_generated_listings_are_not_indexed():
    assert search_index.indexed("van-ban/kl-14/")
    assert search_index.indexed("tin-tuc/2022/12/10/thanh-hoa-trien-khai-ket-luan-14/")
    for url in ("404.html", "tin-tuc/", "tin-tuc/archive/2022/12/", "tin-tuc/category/trien-khai-van-ban/"):
        assert not search_index.indexed(url)
