"""Every internal link and anchor of the built site resolves (plain crawl
over the built folder, as a reader opening it would find it)."""
from __future__ import annotations

from tests.tools import linkcheck


def test_every_internal_link_and_anchor_resolves(built_site):
    pages, links = linkcheck.count(built_site)
    assert pages > 20 and links > 500   # the crawl really ran over the site
    assert linkcheck.check(built_site) == []


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
