"""Material's navigation with each item rendered once per build and base.

Material renders the whole active section of the navigation on every page
(`partials/nav-item.html`), so a section of n pages costs n² renderings of
an item. An item's HTML depends on the page in two ways only:

- whether it is *live*: active (the page or one of its ancestors), a blog
  view the page paginates (`view.pages`), or holding a link into the page's
  own folder (below);
- its links, which MkDocs' `url` filter makes relative to the page's folder.

A link from folder P to a URL outside P is the same from every folder with
P's parent and depth (`../c/` from `van-ban/a/` and `van-ban/b/` alike), so
the HTML of an item that is not live is kept per (position, parent folder,
depth, whether its section is active: `navigation.sections` reads it) and
reused; live items are rendered on every page by Material's own
macro, as before. The cache lives on the hook's per-build State, so
`mkdocs serve` never shows a stale navigation.
"""
from __future__ import annotations

import posixpath

from hooks.text.html import Markup


def folder_parts(url: str) -> tuple[str, ...]:
    """The folder a relative link starts from, as MkDocs'
    `get_relative_url` sees it: a last part with a dot is a file."""
    head, _, last = url.rpartition("/")
    folder = posixpath.normpath("/" + (head if "." in last else url))[1:]
    return tuple(folder.split("/")) if folder else ()


class NavCache:
    """Rendered navigation items of one build."""

    def __init__(self) -> None:
        self._html: dict[tuple, str] = {}
        # Most bases render an item the same (4,849 entries, 381 distinct
        # at 10×): each distinct HTML is held once.
        self._distinct: dict[str, str] = {}
        # id(item) -> (every folder and page path under the item, ids of its `pages`)
        self._info: dict[int, tuple[frozenset[str], frozenset[int]]] = {}

    def clear(self) -> None:
        """Forget every rendered item (the page loop is over); a later render
        would only render them again."""
        self._html.clear()
        self._distinct.clear()
        self._info.clear()

    def items(self, render, page, items, prefix: str, level: int, parent=None, skip=None) -> Markup:
        """What Material's loop over `items` renders, `render` being its
        `nav-item.html` macro: `prefix_1`, `prefix_2`… are the items' ids,
        `skip` an index page shown by the section itself."""
        url = getattr(page, "url", None)
        # 404.html has no page: its links start from the site's root URL.
        known = isinstance(url, str)
        folder = folder_parts(url) if isinstance(url, str) else ()
        base = (folder[:-1], len(folder), bool(parent is not None and parent.active))
        here = "/".join(folder)
        out = []
        for n, item in enumerate(items, 1):
            # Identity, not MkDocs' `Page.__eq__` (title and file), as
            # Material's `!=`: the nav holds each page once, and the
            # comparison ran for every item of a section on every page.
            if item is skip:
                continue
            path = f"{prefix}_{n}"
            if not known or self._live(item, page, here):
                out.append(render(item, path, level, parent))
                continue
            key = (path, *base)
            html = self._html.get(key)
            if html is None:
                # Whitespace runs as one space, which HTML renders alike:
                # Material's indentation is over half of an item's bytes.
                html = " ".join(str(render(item, path, level, parent)).split())
                html = self._html[key] = self._distinct.setdefault(html, html)
            out.append(html)
        return Markup("\n".join(out))

    def _live(self, item, page, folder: str) -> bool:
        if item.active:
            return True
        under, pages = self._item_info(item)
        return folder in under or id(page) in pages

    def _item_info(self, item) -> tuple[frozenset[str], frozenset[int]]:
        """Every folder and page path under `item`, and the ids of the pages
        a blog view lists (`page in view.pages` compared every post by
        title and file, on every page)."""
        info = self._info.get(id(item))
        if info is None:
            under: set[str] = set()
            for child in getattr(item, "children", None) or ():
                under |= self._item_info(child)[0]
            url = getattr(item, "url", None)
            if url is not None:
                parts = posixpath.normpath("/" + url)[1:].split("/")
                under.update("/".join(parts[:k]) for k in range(1, len(parts) + 1) if parts[0])
            info = self._info[id(item)] = (frozenset(under), frozenset(map(id, getattr(item, "pages", None) or ())))
        return info
