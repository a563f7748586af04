"""Whole-site build: the public contract, the legal text, the presentation."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import SOURCES
from tests.tools.section_text import SectionText, words


def page(site: Path, url: str) -> SectionText:
    return SectionText((site / url.strip("/") / "index.html").read_text(encoding="utf-8"))


def test_strict_build_prints_no_warning(built_site):
    log = (built_site / ".build-log").read_text(encoding="utf-8")
    assert "WARNING" not in log and "ERROR" not in log, log


CONTRACT = {
    "/van-ban/kl-14/": ["muc-1", "muc-2", "muc-2-1", "muc-2-2", "muc-2-3", "muc-2-4", "muc-2-4-doan-1",
                        "muc-2-4-doan-2", "muc-2-4-doan-3", "muc-2-5", "muc-3"],
    "/van-ban/ctr-26/": ["noi-dung-1", "noi-dung-2"],
    "/van-ban/kh-116/": [f"noi-dung-{i}" for i in range(1, 8)],
    "/van-ban/nd-73/": [],
    "/van-ban/": [], "/co-quan/": [], "/tin-tuc/": [], "/huong-dan/": [], "/": [],
    **{f"/co-quan/{b}/": [] for b in ("bo-chinh-tri", "ban-to-chuc-trung-uong", "ban-thuong-vu-tinh-uy",
                                      "ubnd-tinh", "so-noi-vu", "cac-so-ban-nganh", "ubnd-cap-huyen",
                                      "chinh-phu")},
    "/tin-tuc/2022/12/10/thanh-hoa-trien-khai-ket-luan-14/": [],
}


@pytest.mark.parametrize("url", sorted(CONTRACT))
def test_contract_pages_and_anchors_exist(built_site, url):
    p = page(built_site, url)
    assert p.html_lang == "vi"
    missing = [a for a in CONTRACT[url] if a not in p.ids]
    assert not missing, f"{url} lacks anchors {missing}"


def source_paragraphs() -> list[str]:
    text = (SOURCES / "ban-tin-pbgdpl-thanh-hoa-2022-12-10.txt").read_text(encoding="utf-8").replace("\xa0", " ")
    start = text.index("“1. Trong") + 1
    end = text.index("hiệu quả cao.") + len("hiệu quả cao.")
    return [words(p) for p in re.split(r"\n\s*\n", text[start:end]) if p.strip()]


def test_kl14_text_is_the_source_word_for_word(built_site):
    """Each clause as a reader sees it equals the source article's paragraph."""
    p = page(built_site, "/van-ban/kl-14/")
    order = ["muc-1", "muc-2", "muc-2-1", "muc-2-2", "muc-2-3", "muc-2-4-doan-1", "muc-2-4-doan-2",
             "muc-2-4-doan-3", "muc-2-5"]
    shown = [p.of(a) for a in order]
    assert shown == source_paragraphs()


def test_document_page_shows_metadata_banner_chain_and_citation(built_site):
    html = (built_site / "van-ban/kl-14/index.html").read_text(encoding="utf-8")
    for label, value in [("Số hiệu", "14-KL/TW"), ("Loại văn bản", "Kết luận"), ("Người ký", "Võ Văn Thưởng"),
                         ("Chức vụ", "Thường trực Ban Bí thư"), ("Ngày ban hành", "22/09/2021"),
                         ("Tình trạng hiệu lực", "Chưa xác định")]:
        assert re.search(rf"<dt>{label}</dt><dd>[^<]*{re.escape(value)}", html), label
    assert "Mức độ đầy đủ: Một phần" in html and "Mục 3 (tổ chức thực hiện)" in html
    chain = re.search(r'<ol class="kl-chain__list">(.*?)</ol>', html, re.S).group(1)
    assert [m for m in re.findall(r"(Kết luận số 14-KL/TW|Chương trình hành động số 26-CTr/TU|"
                                  r"Kế hoạch số 116/KH-UBND)", chain)] == [
        "Kết luận số 14-KL/TW", "Chương trình hành động số 26-CTr/TU", "Kế hoạch số 116/KH-UBND"]
    assert 'data-cite="Mục 2.4 Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị"' in html


def test_summary_documents_are_marked_and_have_a_paste_place(built_site):
    for doc in ("ctr-26", "kh-116", "nd-73"):
        html = (built_site / f"van-ban/{doc}/index.html").read_text(encoding="utf-8")
        assert "Mức độ đầy đủ: Chưa có toàn văn" in html
        assert 'id="toan-van"' in html
    kh = page(built_site, "/van-ban/kh-116/")
    assert "Sở Nội vụ làm đơn vị đầu mối" in kh.of("noi-dung-7")


def test_news_post_date_author_and_full_text(built_site):
    html = (built_site / "tin-tuc/2022/12/10/thanh-hoa-trien-khai-ket-luan-14/index.html").read_text(encoding="utf-8")
    assert "10/12/2022" in html and "Tuấn Lâm" in html
    text = words(re.sub(r"<[^>]+>", " ", html))
    assert "ngày một giầu mạnh và bền vững./." in text
    assert words("2.4. Thường xuyên theo dõi, kiểm tra, giám sát") in text


def test_headings_fold_vietnamese(built_site):
    assert "dieu-khoan" in page(built_site, "/huong-dan/").ids
    assert "phan-mo-dau" in page(built_site, "/van-ban/kl-14/").ids


def test_no_third_party_requests(built_site):
    """Every script, style, image and font comes from the site itself."""
    offenders = []
    for html_file in built_site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe|source)\b[^>]*>", html):
            if re.search(r'(?:src|href)="(?:https?:)?//', tag) and 'rel="canonical"' not in tag \
                    and "127.0.0.1" not in tag:
                offenders.append((html_file.name, tag))
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
    assert not offenders, offenders[:5]
