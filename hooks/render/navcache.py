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
macro, as before. Once every item of a list has its HTML for a base, the
list is joined once, and a page copies the joined text around its own live
items: a section of n pages then costs n copies of its text, not n² steps
of Python (2.2 million at 100×). The items live on a page are found from
an index of the list, made once. The cache lives on the hook's per-build
State, so `mkdocs serve` never shows a stale navigation.
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


class _Row:
    """One list of items as the pages of one base show it: each item's HTML
    when it is not live, and once every item has one, all of them joined,
    with where each one's HTML starts and ends in it."""

    __slots__ = ("html", "missing", "joined", "spans")

    def __init__(self, count: int) -> None:
        self.html: list[str | None] = [None] * count
        self.missing = count
        self.joined: str | None = None
        self.spans: list[tuple[int, int]] = []

    def join(self) -> None:
        done = [html for html in self.html if html is not None]
        assert len(done) == len(self.html)
        at = 0
        for html in done:
            self.spans.append((at, at + len(html)))
            at += len(html) + 1   # the "\n" between items
        self.joined = "\n".join(done)


class _Items:
    """A list of items (`skip` left out), with which of them hold a link
    into each folder and which list each page of a blog view: computed once,
    so a page finds its live items without asking every item. Its rows, by
    base, go with it."""

    __slots__ = ("items", "skip", "shown", "slot_of", "by_folder", "by_page", "rows")

    def __init__(self, cache: NavCache, items, skip) -> None:
        self.items, self.skip = items, skip
        self.rows: dict[tuple, _Row] = {}   # (parent folder, depth, whether the section is active) -> row
        # (position in Material's loop, item): the position names the item's ids.
        self.shown = [(n, item) for n, item in enumerate(items, 1) if item is not skip]
        self.slot_of = {id(item): slot for slot, (_, item) in enumerate(self.shown)}
        self.by_folder: dict[str, list[int]] = {}
        self.by_page: dict[int, list[int]] = {}
        for slot, (_, item) in enumerate(self.shown):
            under, pages = cache._item_info(item)
            for folder in under:
                self.by_folder.setdefault(folder, []).append(slot)
            for page in pages:
                self.by_page.setdefault(page, []).append(slot)

    def live(self, page, folder: str) -> list[int]:
        """The slots of the items live on `page` in `folder`, in order."""
        # The active items are the page and its ancestors: MkDocs marks the
        # page active, and `active` marks each parent in turn.
        slots, node = set(), page
        while node is not None:
            if id(node) in self.slot_of:
                slots.add(self.slot_of[id(node)])
            node = getattr(node, "parent", None)
        slots.update(self.by_folder.get(folder, ()))
        slots.update(self.by_page.get(id(page), ()))
        return sorted(slots)


class NavCache:
    """Rendered navigation items of one build."""

    def __init__(self) -> None:
        # Most bases render an item the same (4,849 items, 381 distinct
        # at 10×): each distinct HTML is held once.
        self._distinct: dict[str, str] = {}
        # prefix -> the list of items Material names by it, indexed, with its rows
        self._lists: dict[str, _Items] = {}
        # id(item) -> (every folder and page path under the item, ids of its `pages`)
        self._info: dict[int, tuple[frozenset[str], frozenset[int]]] = {}

    def clear(self) -> None:
        """Forget every rendered item (the page loop is over); a later render
        would only render them again."""
        self._distinct.clear()
        self._lists.clear()
        self._info.clear()

    def items(self, render, page, items, prefix: str, level: int, parent=None, skip=None) -> Markup:
        """What Material's loop over `items` renders, `render` being its
        `nav-item.html` macro: `prefix_1`, `prefix_2`… are the items' ids,
        `skip` an index page shown by the section itself."""
        url = getattr(page, "url", None)
        if not isinstance(url, str):
            # 404.html has no page: its links start from the site's root URL.
            return Markup("\n".join(str(render(item, f"{prefix}_{n}", level, parent))
                                     for n, item in enumerate(items, 1) if item is not skip))
        folder = folder_parts(url)
        listed = self._lists.get(prefix)
        # Identity, not MkDocs' `Page.__eq__` (title and file), as Material's
        # `!=`: the nav holds each page once.
        if listed is None or listed.items is not items or listed.skip is not skip:
            listed = self._lists[prefix] = _Items(self, items, skip)
        live = listed.live(page, "/".join(folder))
        base = (folder[:-1], len(folder), bool(parent is not None and parent.active))
        row = listed.rows.get(base)
        if row is None:
            row = listed.rows[base] = _Row(len(listed.shown))
        shown = listed.shown
        if row.joined is None:
            here = set(live)
            self._fill(row, listed, here, render, prefix, level, parent)
            if row.joined is None:
                # Some item has been live on every page of this base so far;
                # a live item's HTML kept from another page is not this page's.
                out = [html if html is not None and slot not in here
                       else str(render(shown[slot][1], f"{prefix}_{shown[slot][0]}", level, parent))
                       for slot, html in enumerate(row.html)]
                return Markup("\n".join(out))
        # The row as joined, each live item's HTML put in place of its own.
        joined, pieces, at = row.joined, [], 0
        for slot in live:
            start, end = row.spans[slot]
            n, item = shown[slot]
            pieces += [joined[at:start], str(render(item, f"{prefix}_{n}", level, parent))]
            at = end
        pieces.append(joined[at:])
        return Markup("".join(pieces))

    def _fill(self, row: _Row, listed: _Items, live: set[int], render, prefix: str, level: int, parent) -> None:
        """Render the row's items not yet rendered that are not live here."""
        for slot, (n, item) in enumerate(listed.shown):
            if row.html[slot] is None and slot not in live:
                # Whitespace runs as one space, which HTML renders alike:
                # Material's indentation is over half of an item's bytes.
                html = " ".join(str(render(item, f"{prefix}_{n}", level, parent)).split())
                row.html[slot] = self._distinct.setdefault(html, html)
                row.missing -= 1
        if not row.missing:
            row.join()

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
