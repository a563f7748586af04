"""One run reports the content errors of every stage together: collect
(front matter), resolve (a reference) and the news checks (a post)."""
from __future__ import annotations

from conftest import failed_build
from tools.project import three_mistakes


def test_three_stages_one_run_end_to_end(tmp_path):
    _, output = failed_build(tmp_path, three_mistakes)
    assert "Nội dung có 3 lỗi" in output, output
    for fragment in ("docs/van-ban/kl-14.md:", "[[ctr-62]]", "tuan-lamm"):
        assert fragment in output, output
