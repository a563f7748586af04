"""Links to another place on the same page (docs/assets/javascripts/same-page.js),
as readers follow them at phone (tap) and desktop (click) sizes: the page
moves to the place without fetching itself again or redrawing what the
reader opened, Back and Forward move between the places, and links to other
pages are still Material's instant navigation. Material fetched the page
again on the first such link and on Back to it, and replaced its content."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.browser.test_readers_browser import lands_on, press, sized_page
from tests.tools.arrival import arrived, mark_window, same_window

KL14 = "/van-ban/kl-14/"


@pytest.fixture(params=["phone", "desktop"])
def page(request, browser, site_url):
    pg = sized_page(browser, site_url, request.param)
    pg.fetched = []
    pg.on("request", lambda r: pg.fetched.append(urlsplit(r.url).path))
    yield pg
    pg.context.close()


def opened(pg, path: str) -> None:
    """`path` loaded and settled, its article and window marked, and the
    requests counted from here."""
    pg.goto(path)
    pg.wait_for_load_state("networkidle")
    pg.evaluate("document.querySelector('article').klMark = true")
    mark_window(pg)
    pg.fetched.clear()


def same_page_kept(pg, path: str) -> None:
    """No request for the page, and the article on screen is the one that was loaded."""
    assert path not in pg.fetched, f"the page fetched itself again: {pg.fetched}"
    assert pg.evaluate("document.querySelector('article').klMark === true"), "the article was replaced"


def in_page_link(scope):
    """The first link in `scope` to a place on this page."""
    return scope.locator(f"a[href^='#'], a[href*='{KL14}#']").first


def test_a_link_within_the_summary_keeps_the_page_and_back_returns_to_it(page):
    opened(page, KL14)
    summary = page.locator("#tom-tat-de-hieu details")
    press(page, summary.locator("summary"))
    link = in_page_link(summary)
    anchor = link.get_attribute("href").split("#")[1]
    link.scroll_into_view_if_needed()
    top = page.evaluate("scrollY")
    press(page, link)
    arrived(page, f"**{KL14}#{anchor}")
    lands_on(page, f"#{anchor}")
    same_page_kept(page, KL14)
    assert summary.evaluate("d => d.open"), "the summary the reader opened stays open"
    # Back: the place the reader left, on the same page.
    page.go_back()
    arrived(page, f"**{KL14}")
    page.wait_for_function("y => Math.abs(scrollY - y) < 2", arg=top)
    same_page_kept(page, KL14)
    page.go_forward()
    arrived(page, f"**{KL14}#{anchor}")
    lands_on(page, f"#{anchor}")
    same_page_kept(page, KL14)
    # A link to another page is still Material's instant navigation: no
    # new load of the window, and Back fetches KL14 into it again, where
    # the reader left it.
    other = page.locator("article a[href*='hoi-dap/']").first
    other.scroll_into_view_if_needed()
    left = page.evaluate("scrollY")
    press(page, other)
    arrived(page, "**/hoi-dap/**")
    page.go_back()
    arrived(page, f"**{KL14}#{anchor}")
    page.wait_for_function("() => !document.querySelector('article').klMark")
    assert same_window(page), "the window was loaded anew"
    page.wait_for_function("y => Math.abs(scrollY - y) < 2", arg=left)
    # And after that navigation, a link within KL14 still keeps the page.
    page.evaluate("document.querySelector('article').klMark = true")
    page.fetched.clear()
    press(page, page.locator("#tom-tat-de-hieu details summary"))
    press(page, in_page_link(page.locator("#tom-tat-de-hieu details")))
    lands_on(page, f"#{anchor}")
    same_page_kept(page, KL14)
    assert same_window(page)
    # Back once more, now that Material keeps the places itself (it turned
    # the browser's restoring off): the place of the first tap, on the same page.
    assert page.evaluate("history.scrollRestoration") == "manual"
    page.go_back()
    arrived(page, f"**{KL14}")
    page.wait_for_function("y => Math.abs(scrollY - y) < 2", arg=top)
    same_page_kept(page, KL14)


def test_the_table_of_contents_moves_within_the_page_and_closes_the_drawer(page):
    opened(page, KL14)
    drawer = page.locator("#__drawer")

    def toc():
        if page.size == "desktop":
            return page.locator(".md-sidebar--secondary nav.md-nav--secondary")
        press(page, page.locator("label.md-header__button[for='__drawer']"))
        page.wait_for_function("() => document.getElementById('__drawer').checked")
        if not page.locator("#__toc").is_checked():   # the drawer keeps it open
            press(page, page.locator("nav.md-nav--primary label.md-nav__link--active[for='__toc']"))
        return page.locator("nav.md-nav--primary nav.md-nav--secondary")

    def closed():
        if page.size == "phone":
            page.wait_for_function("() => !document.getElementById('__drawer').checked")
            assert not drawer.is_checked()

    entry = toc().locator("a.md-nav__link").nth(1)
    anchor = entry.get_attribute("href").split("#")[1]
    press(page, entry)
    arrived(page, f"**{KL14}#{anchor}")
    closed()
    lands_on(page, f"#{anchor}")
    # The same entry again, its place already in the address: nothing
    # changes but the drawer, which closes as after any other entry.
    page.mouse.wheel(0, 600) if page.size == "desktop" else page.evaluate("scrollBy(0, 600)")
    entry = toc().locator(f"a.md-nav__link[href$='#{anchor}']")
    press(page, entry)
    closed()
    lands_on(page, f"#{anchor}")
    same_page_kept(page, KL14)
