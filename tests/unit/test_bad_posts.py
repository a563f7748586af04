"""News-post mistakes that used to publish wrong output: each stops the run
on its own file and line with a Vietnamese message and a fix; a post dated
in the future waits for its day."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from hooks import pipeline
from hooks.model.errors import ContentErrors
from tools.project import POST_TEMPLATE as POST

BLOG = pipeline.BlogConfig(frozenset({"tuan-lam"}), ("Triển khai văn bản", "Phổ biến pháp luật", "Thông báo"),
                           checked=True)
POSTS = "docs/tin-tuc/posts"


def project(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    shutil.copytree(ROOT / "docs", root / "docs")
    return root


def write(root: Path, rel: str, text: str) -> str:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")
    return rel


def errors_of(root: Path) -> list:
    with pytest.raises(ContentErrors) as caught:
        pipeline.build(root / "docs", root, BLOG)
    return caught.value.errors


def line(root: Path, rel: str, needle: str) -> int:
    return next(i for i, t in enumerate((root / rel).read_text(encoding="utf-8").split("\n"), 1) if needle in t)


@pytest.mark.parametrize("authors", ["", "authors: []\n"])
def test_a_post_needs_an_author(tmp_path, authors):
    root = project(tmp_path)
    rel = write(root, f"{POSTS}/2022-12-11-tin.md", POST.format(title="Tin", date="2022-12-11", authors=authors))
    [error] = errors_of(root)
    assert error.path == rel and error.field == "authors"
    assert "chưa ghi tác giả" in error.vi and "authors: [tuan-lam]" in error.fix_vi


def test_an_impossible_post_date(tmp_path):
    root = project(tmp_path)
    rel = write(root, f"{POSTS}/2022-02-30-tin.md",
                POST.format(title="Tin", date="2022-02-30", authors="authors: [tuan-lam]\n"))
    [error] = errors_of(root)
    assert (error.path, error.line) == (rel, line(root, rel, "date:"))
    assert "không có trên lịch" in error.vi and "“2022-02-30”" in error.vi


def test_a_post_outside_posts_folder(tmp_path):
    root = project(tmp_path)
    rel = write(root, "docs/tin-tuc/tin-moi.md", POST.format(title="Tin", date="2022-12-11",
                                                             authors="authors: [tuan-lam]\n"))
    [error] = errors_of(root)
    assert error.path == rel and "docs/tin-tuc/posts/" in error.vi and "docs/tin-tuc/posts/tin-moi.md" in error.fix_vi


def test_two_posts_with_one_url(tmp_path):
    root = project(tmp_path)
    write(root, f"{POSTS}/2022-12-11-a.md", POST.format(title="Hội nghị", date="2022-12-11",
                                                         authors="authors: [tuan-lam]\n"))
    rel = write(root, f"{POSTS}/2022-12-11-b.md", POST.format(title="Hội nghị", date="2022-12-11",
                                                               authors="authors: [tuan-lam]\n"))
    [error] = errors_of(root)
    assert (error.path, error.line) == (rel, line(root, rel, "title:"))
    assert "trùng địa chỉ" in error.vi and "slug: hoi-nghi-2" in error.fix_vi


def test_messages_show_values_not_python(tmp_path):
    root = project(tmp_path)
    write(root, f"{POSTS}/2022-12-11-tin.md", POST.format(title="Tin", date="null", authors="authors: [tuan-lam]\n"))
    [error] = errors_of(root)
    assert "None" not in error.vi and "'" not in error.vi.replace("trường 'date'", "")




def test_a_second_document_with_a_known_number(tmp_path):
    root = project(tmp_path)
    kl = (root / "docs/van-ban/kl-14.md").read_text(encoding="utf-8")
    rel = write(root, "docs/van-ban/kl-14-moi.md",
                kl.replace("id: kl-14", "id: kl-14-moi").replace("number: 14-KL/TW", "number: 14-KL/TƯ"))
    errors = errors_of(root)
    assert [(e.path, e.field) for e in errors] == [(rel, "number")], [e.format() for e in errors]
    assert errors[0].line == line(root, rel, "number:") and "kl-14" in errors[0].vi


@pytest.mark.parametrize("written", ["14-KL/TW", "14-KL/TƯ", "14 KL/TW", "14 - KL / TW"])
def test_common_spellings_of_a_number_link(tmp_path, written):
    root = project(tmp_path)
    index = root / "docs/index.md"
    index.write_text(index.read_text(encoding="utf-8") + f"\n## Thử\n\nTheo Kết luận {written}.\n", encoding="utf-8")
    model = pipeline.build(root / "docs", root, BLOG)
    assert any(o.src == "index.md" and o.text == written and o.target == "kl-14" for o in model.resolved.occurrences)


def test_a_provincial_number_is_not_the_central_one(tmp_path):
    root = project(tmp_path)
    index = root / "docs/index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\n## Thử\n\nTheo Kết luận 14-KL/TU.\n", encoding="utf-8")
    model = pipeline.build(root / "docs", root, BLOG)
    assert not any(o.text == "14-KL/TU" for o in model.resolved.occurrences)
    assert ("index.md", "14-KL/TU") in {(src, text) for src, _, text in model.resolved.unknown_numbers}




def test_a_long_post_says_where_listings_cut_it(tmp_path):
    root = project(tmp_path)
    long_body = POST.format(title="Tin dài", date="2022-12-11", authors="authors: [tuan-lam]\n") \
        + " ".join(["chữ"] * 200) + "\n"
    rel = write(root, f"{POSTS}/2022-12-11-dai.md", long_body)
    [error] = errors_of(root)
    assert error.path == rel and "<!-- more -->" in error.vi and "<!-- more -->" in error.fix_vi
    (root / rel).write_text(long_body.replace("Nội dung tin.", "Nội dung tin.\n\n<!-- more -->"), encoding="utf-8")
    pipeline.build(root / "docs", root, BLOG)
