"""Retired provisional ids: an old link to kh-116#noi-dung-1 lands on the
clause now numbered muc-1, in Chromium (the site: tests/tools/variants.py)."""
from __future__ import annotations

from conftest import serve


def test_an_old_link_lands_on_the_new_clause_in_chromium(browser, moved_site):
    with serve(moved_site) as url:
        pg = browser.new_page()
        pg.goto(f"{url}/van-ban/kh-116/#noi-dung-1")
        pg.wait_for_load_state("networkidle")
        # The address bar shows the clause's own id, the one to cite.
        assert pg.evaluate("location.hash") == "#muc-1"
        assert pg.locator("#muc-1").is_visible() and pg.locator("#noi-dung-1").is_visible()
        box = pg.locator("#noi-dung-1").bounding_box()
        assert 0 <= box["y"] < pg.viewport_size["height"] / 2
        pg.close()
