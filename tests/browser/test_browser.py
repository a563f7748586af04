"""Through a real Chromium: permalinks land on the clause, citations copy."""
from __future__ import annotations

import pytest

from tests.browser.test_readers_browser import in_viewport
from tests.tools import chromium_trace
from tests.tools.arrival import arrived, mark_window, same_window


@pytest.fixture()
def page(browser, site_url):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"], base_url=site_url)
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    pg = context.new_page()
    pg.requests = requests
    yield pg
    context.close()


def test_clause_permalink_lands_on_clause_and_copies_citation(page, site_url):
    page.goto("/van-ban/kl-14/#muc-2-4")
    page.wait_for_load_state("networkidle")
    assert in_viewport(page, "#muc-2-4")
    # The clause at the top of the view is 2.4, not the page's start.
    assert not in_viewport(page, "h1")
    button = page.locator('section[data-clause="muc-2-4"] > .kl-clause__tools .kl-cite')
    button.click()
    page.wait_for_function("() => document.querySelector('[data-clause=\"muc-2-4\"] > .kl-clause__tools .kl-cite').hasAttribute('data-copied')")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == (f"Mục 2.4 Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị, "
                      f"{site_url}/van-ban/kl-14/#muc-2-4")
    assert page.locator('[data-clause="muc-2-4"] > .kl-clause__tools .kl-cite').inner_text() == "Đã sao chép"


def test_paragraph_citation(page, site_url):
    page.goto("/van-ban/kl-14/#muc-2-4-doan-2")
    page.wait_for_load_state("networkidle")
    assert in_viewport(page, "#muc-2-4-doan-2")
    page.locator('section[data-clause="muc-2-4-doan-2"] .kl-cite').click()
    page.wait_for_function("() => document.querySelector('[data-clause=\"muc-2-4-doan-2\"] .kl-cite').hasAttribute('data-copied')")
    assert page.evaluate("navigator.clipboard.readText()") == (
        f"Đoạn 2 mục 2.4 Kết luận số 14-KL/TW ngày 22/9/2021 của Bộ Chính trị, {site_url}/van-ban/kl-14/#muc-2-4-doan-2")


def test_phone_viewport_reads_without_sideways_scroll(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True, base_url=site_url)
    pg = context.new_page()
    for url in ("/", "/van-ban/kl-14/", "/co-quan/so-noi-vu/", "/tin-tuc/"):
        pg.goto(url)
        overflow = pg.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{url} scrolls sideways by {overflow}px"
    context.close()


def test_pages_request_only_the_site_itself(page, site_url):
    for url in ("/", "/van-ban/kl-14/", "/co-quan/so-noi-vu/", "/tin-tuc/",
                "/tin-tuc/2022/12/10/thanh-hoa-trien-khai-ket-luan-14/"):
        page.goto(url)
        page.wait_for_load_state("networkidle")
    foreign = [u for u in page.requests if not u.startswith(site_url) and not u.startswith("data:")]
    assert not foreign, foreign


def test_instant_navigation_keeps_citation_buttons_working(page, site_url):
    page.goto("/")
    page.wait_for_load_state("networkidle")
    mark_window(page)
    page.locator("a[href$='van-ban/kl-14/#muc-2-4']").first.click()
    arrived(page, "**/van-ban/kl-14/#muc-2-4")
    assert same_window(page)
    page.locator('section[data-clause="muc-2-4"] > .kl-clause__tools .kl-cite').click()
    page.wait_for_function("() => document.querySelector('[data-clause=\"muc-2-4\"] > .kl-clause__tools .kl-cite').hasAttribute('data-copied')")
    assert page.evaluate("navigator.clipboard.readText()").endswith("/van-ban/kl-14/#muc-2-4")


def test_copy_link_button_copies_the_page_url_and_share_links_load_nothing(page, site_url):
    page.goto("/van-ban/kl-14/")
    page.wait_for_load_state("networkidle")
    button = page.locator(".kl-copy-link")
    button.click()
    page.wait_for_function("() => document.querySelector('.kl-copy-link').hasAttribute('data-copied')")
    # The copied URL is the real current address (issue 13), anchor included when there is one.
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}/van-ban/kl-14/"
    assert button.inner_text() == "Đã sao chép liên kết"
    hrefs = page.eval_on_selector_all(".kl-share a", "els => els.map(e => e.href)")
    assert [h.split("?")[0] for h in hrefs] == ["https://www.facebook.com/sharer/sharer.php", "https://sp.zalo.me/share"]
    foreign = [u for u in page.requests if not u.startswith(site_url) and not u.startswith("data:")]
    assert not foreign, foreign


def test_our_script_does_not_restyle_the_whole_page_on_load(browser, site_url):
    """Material's bundle restyles every element of the page (about 500 on
    KL14) several times as it starts; our buttons show on its "js" class, so
    our script adds no such pass. Read from Chromium's trace, not timed."""
    for url in ("/van-ban/kl-14/", "/"):
        found = chromium_trace.root_restyles(chromium_trace.traced_load(browser, site_url + url)[0])
        # Material's own are seen, so the trace would see ours.
        assert any("/assets/javascripts/bundle." in script for script, _, _ in found), found
        assert not [f for f in found if "/assets/javascripts/site." in f[0]]


def test_hints_are_the_browsers_own_titles(browser, site_url):
    """Material's tooltips (its `content.tooltips` feature) watch every
    element with a title from the first load: 16% of KL14's main-thread work
    on a phone (4× slower CPU, median of 7 loads, Chromium's trace). They
    are off: the browser shows the title itself on hover, and it stays the
    control's description for screen readers. With them on, Material swaps
    the title for its own tooltip as soon as the mouse is over it."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, base_url=site_url)
    page = context.new_page()
    page.goto("/van-ban/kl-14/")
    page.wait_for_load_state("networkidle")
    for hint in (page.locator("section[data-clause] .kl-cite").first, page.locator("h2 .headerlink").first):
        title = hint.get_attribute("title")
        assert title
        hint.hover()
        assert hint.get_attribute("title") == title
        assert hint.get_attribute("aria-describedby") is None
    assert page.locator(".md-tooltip2, .md-tooltip").count() == 0
    context.close()
