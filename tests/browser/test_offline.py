"""Offline: the built folder opened from the file system (file://, as from a
USB stick) navigates between pages and searches, in Chromium, with the
site's CSP in force."""
from __future__ import annotations

import pytest

WATCH = """window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective));"""


@pytest.fixture()
def offline(browser):
    context = browser.new_context()
    context.add_init_script(WATCH)
    context.requests = []
    context.on("request", lambda r: context.requests.append(r.url))
    pg = context.new_page()
    yield pg
    context.close()


def test_navigates_from_the_file_system(offline, built_site):
    pg = offline
    pg.goto((built_site / "index.html").as_uri())
    pg.click(".md-tabs a[href$='van-ban/']")
    pg.wait_for_url("**/van-ban/index.html")
    pg.click("article a[href$='kl-14/']")
    pg.wait_for_url("**/van-ban/kl-14/index.html")
    assert pg.inner_text("h1") == "Kết luận số 14-KL/TW"
    pg.click(".kl-toc > summary")   # the clause list is folded: the text comes first
    pg.click(".kl-toc a[href='#muc-2-4']")
    assert pg.evaluate("location.hash") == "#muc-2-4"
    # Styles and scripts load: the palette toggle works, the cite button exists.
    assert pg.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in ("sticky", "fixed")
    assert pg.locator("[data-clause='muc-2-4'] .kl-cite").count() >= 1
    assert all(u.startswith(("file:", "data:", "blob:")) for u in offline.context.requests)
    assert pg.evaluate("window.__cspViolations") == []


def test_searches_from_the_file_system(offline, built_site):
    pg = offline
    pg.goto((built_site / "co-quan" / "index.html").as_uri())
    pg.keyboard.press("/")
    pg.fill("[data-kl-search-input]", "duoc xem xet mien hoac giam nhe trach nhiem")
    pg.wait_for_selector("[data-kl-search-results] li")
    first = pg.get_attribute("[data-kl-search-results] li a", "href")
    assert first.startswith("file:") and first.endswith("/van-ban/kl-14/index.html#muc-2-4-doan-2")
    assert "<mark>" in pg.inner_html("[data-kl-search-results] li")
    # With diacritics and đ, the same folding as the online search.
    pg.fill("[data-kl-search-input]", "Sở Nội vụ")
    pg.wait_for_function("() => (document.querySelector('[data-kl-search-results] a') || {}).href?.includes('so-noi-vu')")
    pg.keyboard.press("Enter")
    pg.wait_for_url("**/co-quan/so-noi-vu/index.html")
    assert "Sở Nội vụ" in pg.inner_text("h1")
    assert pg.evaluate("window.__cspViolations") == []
