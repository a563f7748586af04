"""Cross-references, tasks, backlinks and the graph in the built site."""
from __future__ import annotations

import json
import re

from test_build import page

from conftest import ROOT


def html_of(site, url):
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def clause_html(html: str, anchor: str) -> str:
    start = html.index(f'data-clause="{anchor}"')
    return html[start:html.index('data-clause="', start + 20)] if 'data-clause="' in html[start + 20:] else html[start:]


def clause_tools(html: str, anchor: str) -> str:
    """A clause's row of tools and folded links (after its sub-clauses when
    it has no text of its own)."""
    start = html.index(f'data-anchor="{anchor}"')
    return html[start:html.index("</div>", start)]


def test_every_kl14_section2_clause_shows_its_backlinks(built_site):
    html = html_of(built_site, "/van-ban/kl-14/")
    for anchor in ["muc-2", "muc-2-1", "muc-2-2", "muc-2-3", "muc-2-4", "muc-2-4-doan-1", "muc-2-4-doan-2",
                   "muc-2-4-doan-3", "muc-2-5"]:
        assert 'class="kl-backlinks"' in clause_tools(html, anchor), anchor
    own = clause_html(html, "muc-2-1")
    assert "Được cụ thể hóa tại" in own and "liên kết do biên tập viên xác định" in own
    assert 'href="../kh-116/#nhiem-vu-1"' in own
    # The article quotes every clause: it is listed once, for the whole document.
    assert "thanh-hoa-trien-khai-ket-luan-14/" not in own
    whole = html[html.index('id="lien-ket-den"'):]
    assert "Tin liên quan" in whole and "tin-tuc/2022/12/10/thanh-hoa-trien-khai-ket-luan-14/" in whole


def test_every_document_shows_what_points_to_it(built_site):
    for doc in ("kl-14", "ctr-26", "kh-116", "nd-73"):
        html = html_of(built_site, f"/van-ban/{doc}/")
        assert 'id="lien-ket-den"' in html, doc
        section = html[html.index('id="lien-ket-den"'):]
        assert 'class="kl-backlinks"' in section, doc
    ctr = html_of(built_site, "/van-ban/ctr-26/")
    stated = ctr[ctr.index('id="lien-ket-den"'):]
    # The text itself says KH 116 implements CTr 26: not labelled as an editor's link.
    first_group = stated[:stated.index("</ul>")]
    assert "Kế hoạch số 116/KH-UBND" in first_group and "biên tập viên" not in first_group


def test_tasks_on_document_and_body_pages(built_site):
    kh = page(built_site, "/van-ban/kh-116/")
    assert {f"nhiem-vu-{i}" for i in range(1, 8)} <= kh.ids
    html = html_of(built_site, "/van-ban/kh-116/")
    task7 = html[html.index('id="nhiem-vu-7"'):]
    assert "Sở Nội vụ tỉnh Thanh Hóa" in task7[:2000] and "Thời hạn:</strong> Chưa xác định" in task7[:2000]
    body = html_of(built_site, "/co-quan/so-noi-vu/")
    tasks = body[body.index('id="nhiem-vu-chu-tri"'):]
    assert 'href="../../van-ban/kh-116/#nhiem-vu-7"' in tasks
    assert 'href="../../van-ban/kh-116/#noi-dung-7"' in tasks      # the clause that states it
    assert 'href="../../van-ban/kl-14/"' in tasks


def test_references_render_as_links_and_code_is_left_alone(built_site):
    post = html_of(built_site, "/tin-tuc/2022/12/10/thanh-hoa-trien-khai-ket-luan-14/")
    link = re.search(r'<a href="([^"]+)" title="([^"]+)">mục 2.4 Kết luận số 14-KL/TW</a>', post)
    assert link and link.group(1) == "../../../../../van-ban/kl-14/#muc-2-4"
    assert link.group(2).startswith("2.4. Thường xuyên theo dõi")
    assert '>đoạn 2</a>' in post and "[[" not in re.sub(r"<code>.*?</code>", "", post)
    guide = html_of(built_site, "/huong-dan/dan-chieu/")
    assert "<code>[[kl-14#muc-2-4]]</code>" in guide


def test_document_numbers_link_themselves_once_per_section(built_site):
    kh = html_of(built_site, "/van-ban/kh-116/")
    item1 = clause_html(kh, "noi-dung-1")
    assert re.search(r'<a href="\.\./kl-14/"[^>]*>14-KL/TW</a>', item1)
    assert re.search(r'<a href="\.\./ctr-26/"[^>]*>26-CTr/TU</a>', item1)
    nd = html_of(built_site, "/van-ban/nd-73/")
    assert "73/2024/NĐ-CP" in nd and not re.search(r"<a [^>]*>73/2024/NĐ-CP</a>", nd)
    home = html_of(built_site, "/")
    assert home.count('href="van-ban/nd-73/"') >= 1


def test_graph_page_and_document_diagrams(built_site):
    from hooks import pipeline
    documents = pipeline.build(ROOT / "docs", ROOT).corpus.documents
    html = html_of(built_site, "/luoc-do/")
    start = html.index('<svg class="kl-graph"')
    svg = html[start:html.index("</svg>", start)]
    # One node per document, whatever documents editors add.
    linked = re.findall(r'<a xlink:href="\.\./van-ban/([a-z0-9-]+)/"', svg)
    assert sorted(linked) == sorted(documents)
    timeline = html[html.index('<ol class="kl-timeline">'):]
    timeline = timeline[:timeline.index("</ol>")]
    dates = re.findall(r'<time datetime="(\d{4}-\d{2}-\d{2})">(\d{2}/\d{2}/\d{4})</time>', timeline)
    known = [d for d in documents.values() if d.issued]
    assert [d for d, _ in dates] == sorted(d for d, _ in dates) and len(dates) == len(known)
    assert ("2021-09-22", "22/09/2021") in dates
    kl = html_of(built_site, "/van-ban/kl-14/")
    assert 'class="kl-graph"' in kl and 'kl-graph__node--current' in kl


def test_build_report_written_and_printed(built_site):
    report = json.loads((built_site / "bao-cao/lien-ket.json").read_text(encoding="utf-8"))
    assert report["counts"]["references"] >= 14
    assert any(r["target"] == "kl-14#muc-2-4-doan-2" and r["file"].startswith("docs/tin-tuc/")
               for r in report["references"])
    assert report["unknown_document_numbers"][0]["written"] == "73/2024/NĐ-CP"
    log = (built_site / ".build-log").read_text(encoding="utf-8")
    assert "Báo cáo liên kết" in log and "73/2024/NĐ-CP" in log
