"""Messages for an editor's everyday slips: on the line of the mistake, in
Vietnamese first, with a fix, and one message per mistake."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from hooks import pipeline
from hooks.collect import authors
from hooks.model.errors import ContentErrors

KL = "docs/van-ban/kl-14.md"


def project(tmp_path: Path) -> Path:
    root = tmp_path / "p"
    shutil.copytree(ROOT / "docs", root / "docs")
    return root


def errors_of(root: Path) -> list:
    with pytest.raises(ContentErrors) as caught:
        pipeline.build(root / "docs", root)
    return caught.value.errors


def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path):
    root = project(tmp_path)
    path = root / KL
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("number: 14-KL/TW", 'number: "14-KL/TW'), encoding="utf-8")
    [error] = errors_of(root)
    assert (error.path, error.line) == (KL, 3)
    assert "dấu ngoặc kép mở ở đây chưa được đóng" in error.vi and "found" not in error.vi


def test_a_missing_opening_line_is_one_error_that_says_so(tmp_path):
    root = project(tmp_path)
    path = root / KL
    path.write_text(path.read_text(encoding="utf-8").removeprefix("---\n"), encoding="utf-8")
    [error] = errors_of(root)
    assert (error.path, error.line) == (KL, 1) and "dòng đầu tiên phải là '---'" in error.vi


@pytest.mark.parametrize("text,line,words", [
    ("authors:\n  tuan-lam:\n    name: \"Tuấn Lâm\n    avatar: a.svg\n", 3, "ngoặc kép"),
    ("authors:\n  tuan-lam:\n    description: Tác giả\n    avatar: a.svg\n", 2, "thiếu trường 'name'"),
    ("tac-gia:\n  - tuan-lam\n", 1, "khóa 'authors:'"),
])
def test_a_broken_authors_file_is_named_on_its_line(tmp_path, text, line, words):
    root = project(tmp_path)
    authors.path_in(root / "docs").write_text(text, encoding="utf-8")
    [error] = authors.check(root / "docs", root)
    assert (error.path, error.line) == ("docs/tin-tuc/.authors.yml", line) and words in error.vi




@pytest.mark.parametrize("written,looked", [
    ("![Ảnh hội nghị](../../assets/images/hoi-nghi.png)", "docs/assets/images/hoi-nghi.png"),
    ("![Ảnh](/assets/images/khong-co.jpg)", "docs/assets/images/khong-co.jpg"),
    ('<img src="anh.png" alt="ảnh">', "docs/tin-tuc/posts/anh.png"),
    ("[Tải văn bản](../../van-ban/kl-41.md)", "docs/van-ban/kl-41.md"),
])
def test_a_missing_image_or_file_is_named_on_its_line(tmp_path, written, looked):
    root = project(tmp_path)
    post = next((root / "docs/tin-tuc/posts").glob("*.md"))
    lines = post.read_text(encoding="utf-8").split("\n")
    post.write_text("\n".join(lines + ["", written, ""]), encoding="utf-8")
    errors = [e for e in errors_of(root) if e.path.endswith(post.name)]
    assert errors and errors[0].line == len(lines) + 2 and looked in errors[0].vi, [e.format() for e in errors]


def test_an_existing_image_passes(tmp_path):
    root = project(tmp_path)
    post = next((root / "docs/tin-tuc/posts").glob("*.md"))
    post.write_text(post.read_text(encoding="utf-8") + "\n![Ảnh](../../assets/images/social.png)\n", encoding="utf-8")
    pipeline.build(root / "docs", root)


def test_a_file_in_the_wrong_folder_is_one_error_on_that_file(tmp_path):
    root = project(tmp_path)
    shutil.copy2(root / KL, root / "docs/co-quan/kl-14.md")
    [error] = errors_of(root)
    assert (error.path, error.line) == ("docs/co-quan/kl-14.md", 1)
    assert "là văn bản nhưng nằm trong thư mục của cơ quan" in error.vi and "docs/van-ban/kl-14.md" in error.fix_vi


def test_a_file_name_with_spaces_and_diacritics_gets_its_slug(tmp_path):
    root = project(tmp_path)
    # A name no editor would choose, so the test holds as content grows.
    text = (root / "docs/co-quan/so-noi-vu.md").read_text(encoding="utf-8").replace("id: so-noi-vu", "id: phong-thu-khung")
    (root / "docs/co-quan/Phòng Thử Khung.md").write_text(text, encoding="utf-8")
    [error] = errors_of(root)
    assert error.path == "docs/co-quan/Phòng Thử Khung.md" and "phong-thu-khung.md" in error.fix_vi, error.format()


def test_a_missing_field_is_fixed_from_its_own_meaning_not_another_document(tmp_path):
    root = project(tmp_path)
    kh = root / "docs/van-ban/kh-116.md"
    kh.write_text(kh.read_text(encoding="utf-8").replace("number: 116/KH-UBND\n", ""), encoding="utf-8")
    [error] = errors_of(root)
    assert error.field == "number" and "14-KL/TW" not in error.fix_vi and "'number: null'" in error.fix_vi


def test_messages_never_show_python(tmp_path):
    root = project(tmp_path)
    kl = root / KL
    kl.write_text(kl.read_text(encoding="utf-8").replace("issuer: bo-chinh-tri", "issuer: bo-chinh-tr")
                  .replace("legal_status: chua-xac-dinh", "legal_status: None"), encoding="utf-8")
    for error in errors_of(root):
        for text in (error.vi, error.fix_vi):
            assert "None" not in text.replace("“None”", "") and not re.search(r"'[a-z0-9#-]+'", text), text
