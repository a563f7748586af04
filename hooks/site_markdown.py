"""One Markdown instance for every page of MkDocs' loop.

MkDocs' `Page.render` sets up a new Markdown instance for each page, with
every extension built again: about a fifth of `Page.render`'s time in a
profiled 10× build. Material's blog keeps one instance per excerpt for the
same reason.
`Renderer.attach` gives a page whose class renders as `Page.render` does a
`render` that converts with this build's one instance, reset between pages,
and MkDocs' own four processors made for the page as `Page.render` makes
them. It mirrors `Page.render` of MkDocs 1.6.1: compare them when MkDocs is
upgraded. A document's page is converted in parts, its clauses' units
apart from the rest (hooks/render/clause_units.py), when the parts make
what the whole Markdown makes. KL_MARKDOWN=per-page leaves every page to
MkDocs' own `Page.render`; tests/build/test_shared_markdown_build.py builds
a fixture both ways and compares every file byte for byte.
"""
from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

import markdown
from mkdocs.structure.pages import (
    Page,
    _ExtractAnchorsTreeprocessor,
    _ExtractTitleTreeprocessor,
    _RawHTMLPreprocessor,
    _RelativePathTreeprocessor,
)
from mkdocs.structure.toc import get_toc

from hooks.render import clause_units

# The logger Page.render reads for links to anchors.
_PAGES_LOG = logging.getLogger("mkdocs.structure.pages")


def enabled(environ) -> bool:
    """KL_MARKDOWN=per-page: MkDocs' own Page.render (the reference)."""
    return environ.get("KL_MARKDOWN") != "per-page"


class Renderer:
    """`page_html(page, convert)`, asked before a page's Markdown is
    converted, gives the page's HTML and table of contents made by its own
    conversions (`convert`: HTML, table of contents, and whether it left
    nothing another part would read), or None: the page's Markdown is
    converted whole."""

    def __init__(self, config, page_html: Callable | None = None):
        self.md = markdown.Markdown(extensions=config["markdown_extensions"],
                                    extension_configs=config["mdx_configs"] or {})
        self.page_html = page_html

    def attach(self, page: Page) -> None:
        # Only a page rendered as Page.render renders: a subclass's own render is left alone.
        if getattr(type(page), "render", None) is Page.render:
            page.render = partial(self.render, page)   # type: ignore[method-assign]

    def render(self, page: Page, config, files) -> None:
        del page.render   # the instance's own attribute: the class's method again
        if page.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        md = self.md
        md.reset()
        # Made per page and registered under their names, each replacing
        # the last page's, in Page.render's order.
        raw_html = _RawHTMLPreprocessor()
        raw_html._register(md)
        anchors = _ExtractAnchorsTreeprocessor(page.file, files, config)
        anchors._register(md)
        relative = _RelativePathTreeprocessor(page.file, files, config)
        relative._register(md)
        title = _ExtractTitleTreeprocessor()
        title._register(md)
        raw_ids: set[str] = set()   # the raw HTML's ids, of each conversion

        def convert(text: str) -> tuple[str, list, bool]:
            md.reset()
            html = md.convert(text)
            raw_ids.update(raw_html.present_anchor_ids)
            return html, getattr(md, "toc_tokens", []), clause_units.leaves_nothing(md)

        made = self.page_html(page, convert) if self.page_html is not None else None
        page.content, tokens = made if made is not None else convert(page.markdown)[:2]
        page.toc = get_toc(tokens)
        page._title_from_render = title.title
        page.present_anchor_ids = anchors.present_anchor_ids | raw_ids
        if _PAGES_LOG.getEffectiveLevel() > logging.DEBUG:
            page.links_to_anchors = relative.links_to_anchors
