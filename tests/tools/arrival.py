"""Arriving at a page as a reader sees it. Material's instant navigation
puts the new address in the bar as the link is followed and the fetched
page on screen after it, so an address alone does not say the page is
there."""
from __future__ import annotations

# Material replaces the head's tags with the fetched page's: its canonical
# link names the address once the page is in place.
_IN_PLACE = """() => {
    const canonical = document.querySelector('link[rel=canonical]');
    return !!canonical && canonical.href === location.origin + location.pathname; }"""


def arrived(pg, url) -> None:
    """`url` (a glob, a pattern or an address) in the address bar, and its
    page on screen."""
    pg.wait_for_url(url)
    pg.wait_for_function(_IN_PLACE)


def mark_window(pg) -> None:
    """Marks the window, for `same_window` after a link is followed."""
    pg.evaluate("window.klWindow = true")


def same_window(pg) -> bool:
    """The window marked by `mark_window`: Material's instant navigation
    followed the link, and the page was not loaded anew."""
    return pg.evaluate("window.klWindow === true")
