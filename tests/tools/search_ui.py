"""How a person opens the site's search and waits for its results, shared by
the browser tests of search and of the readers' journeys."""
from __future__ import annotations

from tests.tools.arrival import arrived


def open_search_as_a_person(pg, size: str) -> None:
    """A tap on the header's magnifier on a phone, a click in the box on a desktop."""
    if size == "phone":
        pg.locator("label.md-header__button[for='__search']").tap()
        pg.locator("[data-kl-search-input]").wait_for(state="visible")
    else:
        pg.locator("[data-kl-search-input]").click()


# Material closes search and the drawer 125 ms after a navigation finds its
# #fragment's target (its bundle: merge(location$, target$).pipe(delay(125))),
# which on a page opened at a clause's link can come after the load event
# (measured: 90 ms after it). A person who has just arrived does not open
# search again within that moment; a test would, and lose the race.
MATERIAL_CLOSES_SEARCH_AFTER_MS = 125


def arrive(pg, url) -> None:
    """Wait, as a reader's eyes do, until the page at `url` has settled:
    past Material's own closing of search after the navigation (three times
    its delay, for a loaded machine's timers)."""
    arrived(pg, url)
    pg.wait_for_timeout(3 * MATERIAL_CLOSES_SEARCH_AFTER_MS)


def first_result(pg):
    """The first result of what was typed, once a reader can see it: the
    list is no longer aria-busy, and Material shows the results panel only
    while #__search is checked (closed, it is transparent, which Playwright
    still calls visible). Polled from Python, as below."""
    seen = """document.getElementById('__search').checked
        && getComputedStyle(document.querySelector('.md-search__output')).opacity === '1'
        && !document.querySelector('[data-kl-search-results]').hasAttribute('aria-busy')
        && !!document.querySelector('[data-kl-search-results] a')"""
    for _ in range(100):
        if pg.evaluate(seen):
            return pg.locator("[data-kl-search-results] a").first
        pg.wait_for_timeout(100)
    raise AssertionError("results are not on screen")
