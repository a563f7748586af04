import posixpath

from hooks.resolve import references
from hooks.resolve.references import Anchor, Ref, Target
from hooks.text import docnumbers, markdown_scan

TARGETS = {
    "kl-14": Target("kl-14", "document", "van-ban/kl-14/", "Kết luận số 14-KL/TW", "về chủ trương",
                    {"muc-2-4": Anchor("mục 2.4 Kết luận số 14-KL/TW", "2.4. Thường xuyên \"theo dõi\" …"),
                     "muc-2-5": Anchor("mục 2.5 Kết luận số 14-KL/TW", "2.5. Định kỳ")}),
    "so-noi-vu": Target("so-noi-vu", "body", "co-quan/so-noi-vu/", "Sở Nội vụ", "Sở Nội vụ tỉnh Thanh Hóa"),
}


def test_parse_every_form():
    assert references.parse("kl-14") == Ref("kl-14", None, None)
    assert references.parse("kl-14#muc-2-4") == Ref("kl-14", "muc-2-4", None)
    assert references.parse("kl-14#muc-2-4|thí điểm") == Ref("kl-14", "muc-2-4", "thí điểm")
    assert references.parse("kl-14#muc-2-4\\|thí điểm") == Ref("kl-14", "muc-2-4", "thí điểm")
    assert references.parse("so-noi-vu|Sở") == Ref("so-noi-vu", None, "Sở")


def test_render_text_link_and_hover():
    link = references.render(Ref("kl-14", "muc-2-4", None), TARGETS)
    assert link == ('<a href="kl-url:van-ban/kl-14/#muc-2-4" title="2.4. Thường xuyên &#34;theo dõi&#34; …">'
                    'mục 2.4 Kết luận số 14-KL/TW</a>')
    assert references.render(Ref("kl-14", "muc-2-4", "<b>thí điểm</b>"), TARGETS).endswith(
        ">&lt;b&gt;thí điểm&lt;/b&gt;</a>")
    assert references.render(Ref("so-noi-vu", None, None), TARGETS).startswith(
        '<a href="kl-url:co-quan/so-noi-vu/" title="Sở Nội vụ tỉnh Thanh Hóa">Sở Nội vụ')


def test_localize_makes_links_relative_to_each_page():
    html = '<a href="kl-url:van-ban/kl-14/#muc-2-4">x</a><a href="kl-url:co-quan/so-noi-vu/">y</a>'
    assert references.localize(html, "tin-tuc/2022/12/10/bai/") == (
        '<a href="../../../../../van-ban/kl-14/#muc-2-4">x</a><a href="../../../../../co-quan/so-noi-vu/">y</a>')
    assert references.localize(html, "van-ban/kl-14/").startswith('<a href="#muc-2-4">')
    assert references.localize(html, "").startswith('<a href="van-ban/kl-14/#muc-2-4">')
    assert references.site_relative("van-ban/kl-14/", "van-ban/ctr-26/#muc-1") == "../ctr-26/#muc-1"


def test_check_gives_three_nearest():
    assert references.check(Ref("kl-14", "muc-2-4", None), TARGETS) is None
    assert references.check(Ref("kl-41", None, None), TARGETS)[0] == "kl-14"
    near = references.check(Ref("kl-14", "muc-2-6", None), TARGETS)
    assert near[:2] == ["kl-14#muc-2-5", "kl-14#muc-2-4"] or set(near) == {"kl-14#muc-2-4", "kl-14#muc-2-5"}
    assert len(references.check(Ref("x", None, None), {f"id-{i}": None for i in range(9)})) == 3


def test_scan_leaves_code_and_links_alone():
    seen = []
    text = ("A [[kl-14]] and `[[kl-15]]` and [x](y.md) 14-KL/TW\n```\n[[kl-16]] 14-KL/TW\n```\n"
            "<a href=\"14-KL/TW\">z</a>")
    out = markdown_scan.rewrite(text, lambda m, i: (seen.append(m.group(0)), "R")[1],
                                lambda t, i: t.replace("14-KL/TW", "N"))
    assert seen == ["[[kl-14]]"]
    assert out.split("\n")[0] == "A R and `[[kl-15]]` and [x](y.md) N"
    assert "[[kl-16]] 14-KL/TW" in out and 'href="14-KL/TW"' in out


def test_document_numbers_in_their_written_variants():
    found = [key for text in ("Kết luận số 14-KL/TW", "số 14 - KL/TW", "26- CTr/TU", "26-CTr/TU",
                              "116/KH-UBND", "73/2023/NĐ-CP", "73/2023/ND-CP", "73 / 2023 / NĐ - CP")
             for _, _, _, key in docnumbers.find(text)]
    assert found == ["14KLTW", "14KLTW", "26CTRTU", "26CTRTU", "116KHUBND", "732023NDCP", "732023NDCP",
                     "732023NDCP"]
    assert list(docnumbers.find("ngày 22/9/2021, mục 2.4., Mác - Lênin, 35 năm")) == []


def test_relative_urls_are_posixpath_relpath_without_its_cost():
    urls = ["", ".", "./", "van-ban/", "van-ban/kl-14/", "van-ban/kl-14/muc-2-4/", "van-ban/ctr-26/",
            "tin-tuc/2022/12/10/bai/", "tin-tuc/", "hoi-dap/cau-1/", "van-ban/kl-14", "a/./b/", "a//b/",
            "a/../b/", "/abs/"]
    for start in urls:
        for path in urls:
            assert references._relpath(path, start) == posixpath.relpath(path or ".", start or "."), (path, start)
