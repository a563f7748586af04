"""Code is left alone and a byte-order mark changes nothing, through the
whole pipeline on a copy of the real content, and once through `mkdocs build`."""
from __future__ import annotations

import dataclasses
import re
import shutil
from pathlib import Path

from conftest import ROOT, copy_project, run_build
from hooks import pipeline

GUIDE = "huong-dan/dan-chieu.md"
# Indented code after a paragraph, then nested list content (not code).
SAMPLE = """

## Mã thụt lề

Đoạn văn.

    [[kl-98]] 14-KL/TW

- Mục danh sách

    Nội dung lồng [[kl-14#muc-2-4]] và 26-CTr/TU.
"""


def _copy_docs(dest: Path) -> Path:
    shutil.copytree(ROOT / "docs", dest / "docs")
    return dest


def _add_sample(docs: Path) -> None:
    path = docs / GUIDE
    path.write_text(path.read_text(encoding="utf-8") + SAMPLE, encoding="utf-8")


def test_indented_code_is_left_alone_and_list_content_resolves(tmp_path):
    root = _copy_docs(tmp_path)
    _add_sample(root / "docs")
    model = pipeline.build(root / "docs", root)          # no error for the unknown kl-98
    text = "\n".join(model.resolved.blocks[GUIDE])
    assert "\n    [[kl-98]] 14-KL/TW\n" in text
    lines = (root / "docs" / GUIDE).read_text(encoding="utf-8").split("\n")
    nested = next(i for i, line in enumerate(lines, 1) if "Nội dung lồng" in line)
    found = {(o.how, o.target) for o in model.resolved.occurrences if o.src == GUIDE and o.line == nested}
    assert found == {("reference", "kl-14#muc-2-4"), ("number", "ctr-26")}
    code = nested - 4
    assert "[[kl-98]]" in lines[code - 1]
    assert not [o for o in model.resolved.occurrences if o.src == GUIDE and o.line == code]


def _facts(model: pipeline.Model) -> dict:
    """What a build makes of the content, without paths to the copy."""
    c = model.corpus
    return {
        "pages": {src: (p.kind, p.meta, p.title, [(b.markdown, b.clause, b.line) for b in p.blocks])
                  for src, p in c.pages.items()},
        "clauses": {d: [(k, cl.source, cl.line, cl.source_line) for k, cl in doc.clauses.items()]
                    for d, doc in c.documents.items()},
        "faqs": sorted(c.faqs), "bodies": sorted(c.bodies),
        "resolved": (model.resolved.blocks, model.resolved.clauses, model.resolved.fragments,
                     [dataclasses.astuple(o) for o in model.resolved.occurrences]),
        "report": model.report,
    }


def test_a_byte_order_mark_builds_like_the_file_without_one(tmp_path):
    plain = _copy_docs(tmp_path / "plain")
    marked = _copy_docs(tmp_path / "bom")
    files = sorted((marked / "docs").rglob("*.md"))
    for path in files:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert len(files) > 30
    expected = _facts(pipeline.build(plain / "docs", plain))
    assert _facts(pipeline.build(marked / "docs", marked)) == expected
    assert expected["pages"]["van-ban/kl-14.md"][1]["id"] == "kl-14"


def test_mkdocs_build_with_a_bom_and_indented_code(tmp_path):
    project = copy_project(tmp_path / "project")
    _add_sample(project / "docs")
    for rel in ("van-ban/kl-14.md", "tin-tuc/posts/2022-12-10-thanh-hoa-trien-khai-ket-luan-14.md", GUIDE):
        path = project / "docs" / rel
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    guide = (site / "huong-dan/dan-chieu/index.html").read_text(encoding="utf-8")
    assert re.search(r"<pre><code>\[\[kl-98\]\] 14-KL/TW\n</code></pre>", guide)
    assert re.search(r'<a href="[./]*van-ban/kl-14/#muc-2-4"[^>]*>mục 2\.4 Kết luận', guide)
    kl14 = (site / "van-ban/kl-14/index.html").read_text(encoding="utf-8")
    assert "<title>Kết luận số 14-KL/TW" in kl14 and 'id="muc-2-4"' in kl14
    news = next((site / "tin-tuc").rglob("thanh-hoa-trien-khai*/index.html")).read_text(encoding="utf-8")
    assert "\ufeff" not in news and "---" not in news.split("<article", 1)[1][:200]


def test_headings_in_code_are_neither_anchors_nor_titles(tmp_path):
    import pytest
    from test_links_model import tiny, write

    from hooks.model.errors import ContentErrors

    body = "\n## Thật\n\n```\n## Giả\n```\n\nXem [[b#that]].\n"
    root = tiny(tmp_path, body_b=body)
    write(root, "trang.md", "```\n# Giả\n```\n\n    # Cũng giả\n\n# Thật\n")
    model = pipeline.build(root / "docs", root)
    assert model.corpus.pages["trang.md"].title == "Thật"
    assert ("b.md", "reference", "b#that") in {(o.src[-4:], o.how, o.target) for o in model.resolved.occurrences}
    root = tiny(tmp_path / "2", body_b=body.replace("[[b#that]]", "[[b#gia]]"))
    with pytest.raises(ContentErrors) as err:
        pipeline.build(root / "docs", root)
    assert "“b#gia”" in err.value.format()
