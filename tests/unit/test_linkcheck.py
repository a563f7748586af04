"""The link crawler that tests/build/test_links.py runs over the built site
reports what it must, on a hand-made two-page site."""
from __future__ import annotations

from hooks.cli import linkcheck


def test_crawler_reports_missing_files_and_anchors(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text(
        '<a href="a/">ok</a><a href="a/#here">ok</a><a href="#top" id="top">ok</a>'
        '<a href="b/">gone</a><a href="a/#nowhere">bad anchor</a><a href="https://x.test/">ext</a>',
        encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<h2 id="here">x</h2><a href="../index.html#top">up</a>',
                                               encoding="utf-8")
    problems = linkcheck.check(tmp_path)
    assert len(problems) == 2
    assert "b/" in problems[0] and "nowhere" in problems[1]
