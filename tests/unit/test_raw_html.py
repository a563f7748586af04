"""An editor's raw HTML is data: a script, a style, an iframe, an on…
handler, a javascript: URL or an image from another host stops the run on
its line; the harmless tags the site's own pages use pass."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from hooks import pipeline
from hooks.collect import rawhtml
from hooks.model.errors import ContentErrors

POST = "docs/tin-tuc/posts/2022-12-10-thanh-hoa-trien-khai-ket-luan-14.md"


@pytest.mark.parametrize("html,words", [
    ("<script>alert(1)</script>", "<script>"),
    ('<img src="x.png" onerror="alert(1)">', "onerror"),
    ('<a href="javascript:alert(1)">xem</a>', "javascript:alert(1)"),
    ('<iframe src="https://example.org/"></iframe>', "<iframe>"),
    ('<object data="x.swf"></object>', "<object>"),
    ('<img src="https://example.org/theo-doi.png" alt="">', "https://example.org/theo-doi.png"),
    ('<p style="position:fixed">x</p>', "style"),
    ('<style>body{display:none}</style>', "<style>"),
    ('<img src="x.png"\n onerror="alert(1)">', "không đóng"),
])
def test_harmful_html_stops_on_its_line(tmp_path, html, words):
    root = tmp_path / "p"
    shutil.copytree(ROOT / "docs", root / "docs")
    path = root / POST
    lines = path.read_text(encoding="utf-8").split("\n")
    path.write_text("\n".join(lines + ["", html, ""]), encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        pipeline.build(root / "docs", root)
    [error] = [e for e in caught.value.errors if e.path == POST and "không chạy mã" in e.vi]
    assert error.line == len(lines) + 2 and words in error.vi and "không chạy mã" in error.vi, error.format()


@pytest.mark.parametrize("html", [
    '<div class="grid cards" markdown>', '<a href="../van-ban/kl-14/">Kết luận</a>', '<a href="https://vbpl.vn/">x</a>',
    '<img src="../assets/images/social.png" alt="ảnh">', "<table><tr><td><code>x</code></td></tr></table>",
    "`<script>` trong mã thì không sao", "    <script>mã thụt lề</script>",
])
def test_harmless_html_and_code_pass(html):
    from hooks.text import markdown_scan
    found = []
    for line in markdown_scan.prose_lines("\n" + html + "\n"):
        for seg in markdown_scan.segments(line):
            if seg.kind == markdown_scan.HTML:
                found += rawhtml.problems_in(seg.text)
    assert found == []
