"""/bien-tap/ is built, and stays out of readers' navigation, search and
sitemap."""
from __future__ import annotations


def test_built_site_keeps_the_editor_out_of_search_sitemap_and_nav(built_site):
    assert (built_site / "bien-tap" / "index.html").exists()
    assert (built_site / "bien-tap" / "config.yml").exists()
    assert "/bien-tap/<" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert 'href="bien-tap/' not in home and 'href="/bien-tap/' not in home
    index = list((built_site / "assets" / "tim-kiem").rglob("*.js"))
    assert index
    for path in index:
        # no record is the editor's page (the guide may name it in its text)
        assert '"bien-tap/' not in path.read_text(encoding="utf-8", errors="replace"), path
