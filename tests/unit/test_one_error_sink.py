"""One run reports the content errors of every stage together: collect
(front matter), resolve (a reference) and the news checks (a post)."""
from __future__ import annotations

import shutil

import pytest

from conftest import ROOT
from hooks import pipeline
from hooks.model.errors import ContentErrors
from tools.project import three_mistakes

BLOG = pipeline.BlogConfig(frozenset({"tuan-lam"}), ("Triển khai văn bản", "Phổ biến pháp luật", "Thông báo"),
                           checked=True)


def lines_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.split("\n"), 1) if needle in line)


def test_three_stages_one_run_in_process(tmp_path):
    root = tmp_path / "p"
    shutil.copytree(ROOT / "docs", root / "docs")
    three_mistakes(root)
    with pytest.raises(ContentErrors) as caught:
        pipeline.build(root / "docs", root, BLOG)
    errors = caught.value.errors
    where = {(e.path, e.line) for e in errors}
    kl14 = (root / "docs/van-ban/kl-14.md").read_text(encoding="utf-8")
    index = (root / "docs/index.md").read_text(encoding="utf-8")
    post = next((root / "docs/tin-tuc/posts").glob("*.md"))
    assert ("docs/van-ban/kl-14.md", lines_of(kl14, "issued:")) in where
    assert ("docs/index.md", lines_of(index, "[[ctr-62]]")) in where
    assert (f"docs/tin-tuc/posts/{post.name}", lines_of(post.read_text(encoding="utf-8"), "authors:")) in where
    # kl-14 is cited all over the site: its own error is the one reported,
    # not one per page that links to it.
    assert len(errors) == 3, caught.value.format()
