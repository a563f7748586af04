"""Every internal link and anchor of the built site resolves (plain crawl
over the built folder, as a reader opening it would find it)."""
from __future__ import annotations

from hooks.cli import linkcheck


def test_every_internal_link_and_anchor_resolves(built_site):
    pages, links = linkcheck.count(built_site)
    assert pages > 20 and links > 500   # the crawl really ran over the site
    assert linkcheck.check(built_site) == []
