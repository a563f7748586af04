"""A broken authors file stops a real build with our Vietnamese message on
its line, not the blog plugin's English one."""
from __future__ import annotations

from conftest import copy_project, run_build


def test_a_broken_authors_file_stops_the_build_in_vietnamese_not_the_blog(tmp_path):
    root = copy_project(tmp_path / "project")
    (root / "docs/tin-tuc/.authors.yml").write_text("authors:\n  tuan-lam:\n    name: \"Tuấn Lâm\n", encoding="utf-8")
    result = run_build(root, tmp_path / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0 and "docs/tin-tuc/.authors.yml:3" in out and "Nội dung có 1 lỗi" in out, out
    assert "Error reading authors file" not in out
