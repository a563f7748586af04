"""The light/dark toggle in the header (overrides/partials/palette.html,
docs/assets/javascripts/palette.js) as readers use it, at phone and desktop
sizes: tapped or clicked, or Enter from the keyboard; the choice holds on
the next page, opened by a link (Material's instant navigation) or anew; a
first visit follows the system's scheme; and a page load restyles no element
for it (Material's own palette component restyled every element of the page
twice at every load)."""
from __future__ import annotations

import pytest

from tests.browser.test_readers_browser import press, sized_page
from tests.tools import chromium_trace
from tests.tools.arrival import arrived, mark_window, same_window

TO_DARK, TO_LIGHT = "Chuyển sang giao diện tối", "Chuyển sang giao diện sáng"


@pytest.fixture(params=["phone", "desktop"])
def page(request, browser, site_url):
    pg = sized_page(browser, site_url, request.param, color_scheme="light")
    yield pg
    pg.context.close()


def toggle(pg):
    return pg.locator("form[data-kl-palette] label:visible")


def scheme(pg) -> str | None:
    return pg.get_attribute("body", "data-md-color-scheme")


def shows(pg, expected: str, title: str) -> None:
    """The page is in `expected`, the one toggle on screen switches away from
    it, and the browser's own colours follow the header."""
    assert scheme(pg) == expected
    assert toggle(pg).count() == 1 and toggle(pg).get_attribute("title") == title
    pg.wait_for_function("""dark => {
        const named = document.querySelector('meta[name=color-scheme]');
        return dark ? named && named.content === 'dark' : !named || named.content === 'light'; }""",
                         arg=expected == "slate")
    pg.wait_for_function("""() => {
        const meta = document.querySelector('meta[name=theme-color]');
        const rgb = getComputedStyle(document.querySelector('.md-header')).backgroundColor.match(/\\d+/g);
        return meta && meta.content === '#' + rgb.slice(0, 3).map(v => (+v).toString(16).padStart(2, '0')).join(''); }""")
    assert not pg.evaluate("document.body.hasAttribute('data-md-color-switching')")


def test_the_toggle_switches_the_scheme_and_the_choice_holds_on_the_next_pages(page):
    page.goto("/van-ban/kl-14/")
    shows(page, "default", TO_DARK)
    press(page, toggle(page))
    shows(page, "slate", TO_LIGHT)
    # A link in the page: Material's instant navigation keeps the header.
    mark_window(page)
    press(page, page.locator("article a[href*='hoi-dap/']").first)
    arrived(page, "**/hoi-dap/**")
    assert same_window(page)
    page.wait_for_load_state("networkidle")
    shows(page, "slate", TO_LIGHT)
    press(page, toggle(page))
    shows(page, "default", TO_DARK)
    press(page, toggle(page))
    shows(page, "slate", TO_LIGHT)
    # A page opened anew: Material's script at its top applies the choice.
    page.goto("/")
    shows(page, "slate", TO_LIGHT)
    press(page, toggle(page))
    shows(page, "default", TO_DARK)
    page.reload()
    shows(page, "default", TO_DARK)


def test_enter_on_the_toggle_switches_it(browser, site_url):
    """A keyboard reader tabs to the toggle (its radio) and presses Enter."""
    pg = sized_page(browser, site_url, "desktop", color_scheme="light")
    pg.goto("/")
    pg.focus("#__palette_0")
    pg.keyboard.press("Enter")
    shows(pg, "slate", TO_LIGHT)
    assert pg.evaluate("document.activeElement.id") == "__palette_1"
    pg.keyboard.press("Enter")
    shows(pg, "default", TO_DARK)
    pg.context.close()


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_a_first_visit_follows_the_systems_dark_scheme(browser, site_url, size):
    pg = sized_page(browser, site_url, size, color_scheme="dark")
    pg.goto("/van-ban/kl-14/")
    shows(pg, "slate", TO_LIGHT)
    press(pg, toggle(pg))
    shows(pg, "default", TO_DARK)
    pg.context.close()


def test_a_page_load_restyles_nothing_for_the_toggle(browser, site_url):
    """Read from Chromium's trace, not timed: the one change to <html> or
    <body> a style rule reads, at a first visit, is the "js" class of
    Material's bundle; the toggle changes neither."""
    for url in ("/van-ban/kl-14/", "/"):
        found = chromium_trace.root_restyles(chromium_trace.traced_load(browser, site_url + url)[0])
        assert [script.rsplit("/", 1)[-1].split(".")[0] for script, _, _ in found] == ["bundle"], found
