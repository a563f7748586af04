"""Clause pages written after MkDocs' page loop, not inside it.

There is a page for every clause (`contract.clause_page_url`), 3,000 in the
benchmark's corpus at 10×, all at the same depth and out of the navigation.
Through MkDocs' loop each one cost a new Markdown instance, every plugin's
page events (the blog's compare the page with every post) and a theme
render. Here each is built the way MkDocs builds a page, with this hook's
own page events only, one Markdown instance for all of them, and the page
shell of hooks/render/shell.py around its own parts. The blog's events do
nothing for a page that is not the blog's; tests/build/test_clause_shell.py
builds every clause page through the loop too (KL_CLAUSE_PAGES=full) and
compares the two sites byte for byte, sitemap included.

Besides site.py and site_markdown.py, the only module that imports MkDocs.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import markdown
from mkdocs import utils
from mkdocs.commands.build import get_context
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page, _RelativePathTreeprocessor
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_build_date

from hooks import contract
from hooks.model.corpus import Corpus
from hooks.render import clause_units, shell

LOG = logging.getLogger("mkdocs.commands.build")


def sources(corpus: Corpus) -> list[tuple[str, str]]:
    """Every clause page's source path and heading, in document and clause order."""
    return [(contract.clause_page_src(doc.id, clause.anchor), clause.heading)
            for doc in corpus.documents.values() for clause in doc.clauses.values()]


def page(config, source: tuple[str, str]) -> Page:
    """A clause page, with its generated file, as MkDocs gives a file out
    of the navigation its page before the sitemap is rendered. Made when
    needed, not held: 30,000 at 100×, for the sitemap and then for writing
    each page."""
    src, heading = source
    return Page(None, File.generated(config, src, content=f"# {heading}\n", inclusion=InclusionLevel.NOT_IN_NAV),
                config)


@dataclass(frozen=True)
class SitemapEntry:
    """What MkDocs' sitemap.xml reads of a page (`file.page`): its URLs and
    date as `Page` sets them. Making the Page itself for the sitemap cost
    each clause page a second Page, the sitemap's, a tenth of its time."""
    canonical_url: str | None
    abs_url: str | None
    update_date: str
    is_link: bool = False

    @property
    def page(self) -> SitemapEntry:
        return self


def sitemap_entries(config, sources: list[tuple[str, str]]) -> Iterator[SitemapEntry]:
    """Each clause page's sitemap entry, as `page(config, source).file`
    gives it (`Page._set_canonical_url`)."""
    base, day = config.get("site_url", None), get_build_date()
    if base and not base.endswith("/"):
        base += "/"
    for src, _ in sources:
        url = File.generated(config, src, content="", inclusion=InclusionLevel.NOT_IN_NAV).url
        canonical = urljoin(base, url) if base else None
        yield SitemapEntry(canonical, urlsplit(canonical).path if canonical else None, day)


def prototype(config) -> File:
    """The shell's prototype page, the only one that goes through the loop."""
    return File.generated(config, shell.PROTOTYPE_SRC, content="# -\n", inclusion=InclusionLevel.NOT_IN_NAV)


@dataclass
class Events:
    """This hook's own page events, in the order MkDocs runs them, and
    `page_html`, which the hook answers before them: the page's HTML and
    table of contents made from its clauses' converted units
    (hooks/render/clause_units.py), given the Writer's `convert`, or None
    when the page's whole Markdown is to be converted."""
    page_markdown: Callable
    page_content: Callable
    page_context: Callable
    post_page: Callable
    page_html: Callable


class Writer:
    """Builds clause pages as MkDocs' `_populate_page` and `_build_page` do."""

    def __init__(self, config, files, nav, env, events: Events):
        self.config, self.files, self.nav, self.env, self.events = config, files, nav, env, events
        self.doc_files = files.documentation_pages()
        # One instance, set up as Page.render sets one up per page; of
        # MkDocs' own processors only the one that changes the output.
        self.md = markdown.Markdown(extensions=config["markdown_extensions"],
                                    extension_configs=config["mdx_configs"] or {})
        self.links: _RelativePathTreeprocessor | None = None

    def _convert(self, page: Page, text: str) -> tuple[str, list]:
        md = self.md
        md.reset()
        if self.links is None:
            self.links = _RelativePathTreeprocessor(page.file, self.files, self.config)
            self.links._register(md)
        self.links.file = page.file      # links resolve from this page's place
        return md.convert(text), getattr(md, "toc_tokens", [])

    def convert(self, page: Page, text: str) -> tuple[str, list, bool]:
        """HTML and table of contents of a clause page's part, and whether
        the conversion left nothing another part would read
        (`clause_units.leaves_nothing`). Every clause page is at the same
        depth, so links come out the same from any of them."""
        html, tokens = self._convert(page, text)
        return html, tokens, clause_units.leaves_nothing(self.md)

    def write(self, page: Page) -> None:
        config, events = self.config, self.events
        config._current_page = page
        try:
            made = events.page_html(page, self.convert)
            if made is None:
                page.markdown = text = events.page_markdown(page.file.content_string, page=page, config=config,
                                                            files=self.files)
                page.content, tokens = self._convert(page, text)
            else:
                page.markdown, (page.content, tokens) = "", made
            page.toc = get_toc(tokens)
            page.content = events.page_content(page.content, page=page, config=config, files=self.files)
            page.active = True
            context = get_context(self.nav, self.doc_files, config, page)
            template = self.env.get_template(page.meta.get("template", "main.html"))
            context = events.page_context(context, page=page, config=config, nav=self.nav)
            output = events.post_page(template.render(context), page=page, config=config)
            utils.write_file(output.encode("utf-8", errors="xmlcharrefreplace"), page.file.abs_dest_path)
        except Exception as exc:
            # Named as MkDocs names a page it could not build.
            LOG.error(f"Error building page '{page.file.src_uri}': {exc}")
            raise
        finally:
            page.active = False
            config._current_page = None
            # Written: nothing of it is needed again (the sitemap is out).
            page.markdown = page.content = None
            page.toc = []  # type: ignore[assignment]
            page.meta = {}
