"""hooks/render/navcache.py without a build: a navigation rendered through the
cache equals one rendered item by item on every page (whitespace runs as one
space, as HTML renders them), links made relative by MkDocs' own function,
and each item is rendered a bounded number of times."""
from __future__ import annotations

import itertools

from mkdocs.utils import get_relative_url

from hooks.render.navcache import NavCache, folder_parts


class Item:
    """A navigation item as Material's macro reads it."""

    def __init__(self, title: str, url: str | None = None, children=()):
        self.title, self.url, self.children, self.parent, self.active = title, url, list(children), None, False
        for child in self.children:
            child.parent = self

    def set_active(self, value: bool) -> None:
        # As MkDocs does: the page and its ancestors.
        self.active = value
        if self.parent is not None:
            self.parent.set_active(value)


def renderer(page_of, calls: list, cache: NavCache | None):
    """Material's macro in miniature: marks, relative links, children through
    the cache (or item by item when `cache` is None)."""
    def render(item, path, level, parent=None):
        calls.append(path)
        page = page_of()
        mark = "active" if item.active else "current" if page in getattr(item, "pages", ()) else ""
        href = get_relative_url(item.url, page.url) if item.url is not None else ""
        # Material's navigation.sections opens the items of an active section.
        opened = "section" if level == 2 and parent is not None and parent.active else ""
        return f"<li {path} {mark} {opened} {href}>{children(item.children, path, level + 1, item)}</li>"

    def children(items, path, level, parent):
        if cache is not None:
            return cache.items(render, page_of(), items, path, level, parent)
        return "\n".join(render(item, f"{path}_{n}", level, parent) for n, item in enumerate(items, 1))
    return render, children


def site(n: int = 6) -> tuple[list[Item], list[Item]]:
    """A home page, a section of n documents, a guide, and a news section
    whose items each make a case the cache must not share: the blog's second
    page (marked through `pages`), a post (its blog active, not in the
    navigation) beside a page outside it, an archive in the blog's folder
    (a link that differs between the blog and its sibling of the same base),
    and a page from the documents' folder (a link that differs between bases
    of one depth)."""
    docs = [Item(f"Văn bản {i}", f"van-ban/vb-{i}/") for i in range(n)]
    blog = Item("Tin tức", "tin-tuc/")
    page2 = Item("Tin tức, trang 2", "tin-tuc/2/")
    blog.pages = [blog, page2]
    archive = Item("Lưu trữ", None, [Item("Tháng 01/2024", "tin-tuc/archive/2024/01/")])
    news = Item("Tin", None, [blog, archive, Item("Giới thiệu", "gioi-thieu/"),
                              Item("Giới thiệu tin", "tin-tuc/gioi-thieu/"), Item("Văn bản mới", "van-ban/moi/")])
    page2.parent = news   # the blog attaches its pages beside the view, outside the navigation
    post = Item("Tin một", "tin-tuc/p/mot/")   # a post, whose blog is active
    post.parent = blog
    outside = Item("Trang ngoài", "tin-tuc/p/ngoai/")   # beside it, a page outside the navigation
    nav = [Item("Trang chủ", ""), Item("Văn bản", None, [Item("Danh mục", "van-ban/"), *docs]), news,
           Item("Hướng dẫn", None, [Item("Bắt đầu", "huong-dan/a/")])]
    pages = [nav[0], *nav[1].children, blog, page2, archive.children[0], *news.children[2:], *nav[3].children, post, outside]
    return nav, pages


def render_all(nav, pages, cache):
    current: list[Item] = []
    calls: list[str] = []
    _, children = renderer(lambda: current[0], calls, cache)
    out = {}
    for page in pages:
        current[:] = [page]
        page.set_active(True)
        out[page.url] = children(nav, "__nav", 1, None)
        page.set_active(False)
    return out, calls


def spaced(navs: dict[str, str]) -> dict[str, str]:
    return {url: " ".join(html.split()) for url, html in navs.items()}


def test_cached_navigation_equals_item_by_item_on_every_page():
    nav, pages = site()
    expected, _ = render_all(nav, pages, None)
    got, _ = render_all(nav, pages, NavCache())
    assert spaced(got) == spaced(expected)
    # The cases of site() happen.
    assert "active" in got["van-ban/vb-2/"] and "current" in got["tin-tuc/2/"]
    assert "current" not in got["tin-tuc/gioi-thieu/"]
    assert "active" in got["tin-tuc/p/mot/"] and "active" not in got["tin-tuc/p/ngoai/"]
    assert " archive/2024/01/>" in got["tin-tuc/"] and " ../tin-tuc/archive/2024/01/>" in got["gioi-thieu/"]
    assert " ../moi/>" in got["van-ban/vb-1/"] and " ../../van-ban/moi/>" in got["huong-dan/a/"]


def test_a_list_is_joined_once_its_items_are_all_rendered():
    # The documents' list on a document's page: after two pages of that
    # base every item has its HTML, and the pages after copy the joined list.
    nav, pages = site(20)
    cache = NavCache()
    got, _ = render_all(nav, pages, cache)
    row = cache._lists["__nav_2"].rows[(("van-ban",), 2, True)]
    assert row.joined is not None and not row.missing
    # Each document's page is its list as joined, with its own item marked.
    for n in (5, 17):
        own = f"<li __nav_2_{n + 2} active"
        assert own in got[f"van-ban/vb-{n}/"] and own not in row.joined


def test_each_item_is_rendered_a_bounded_number_of_times():
    # Item by item, a section of n pages renders about n² items; cached, an
    # item is rendered once per base (and on the pages where it is live),
    # however long its section.
    counts = {}
    for n in (10, 80):
        nav, pages = site(n)
        _, naive = render_all(nav, pages, None)
        _, cached = render_all(nav, pages, NavCache())
        assert naive.count("__nav_2_5") == len(pages)
        assert len(cached) < 15 * len(pages) < len(naive)
        counts[n] = cached.count("__nav_2_5")
    assert counts[10] == counts[80] < 15


def test_the_same_html_is_held_once():
    # Most bases render an item alike: the cache keeps one string for each.
    nav, pages = site(40)
    cache = NavCache()
    render_all(nav, pages, cache)
    held = [html for listed in cache._lists.values() for row in listed.rows.values() for html in row.html
            if html is not None]
    assert len(held) > len(set(held))
    assert len({id(html) for html in held}) == len(set(held))


def test_the_shared_base_holds_for_mkdocs_relative_links():
    # The cache's premise, checked with MkDocs' own function: two pages with
    # the same parent folder and depth link alike to every URL outside their
    # own folders.
    urls = ["", "a/", "a/b/", "a/c/", "a/b/d/", "e/", "e/f/", "a/x.html", "a/b/y.html", "z.html", "404.html"]
    for p1, p2, target in itertools.product(urls, repeat=3):
        f1, f2 = folder_parts(p1), folder_parts(p2)
        if not f1 or f1[:-1] != f2[:-1] or len(f1) != len(f2):
            continue
        parts = tuple(part for part in target.split("/") if part)
        if parts[:len(f1)] not in (f1, f2):
            assert get_relative_url(target, p1) == get_relative_url(target, p2), (p1, p2, target)


def test_folder_parts_is_the_folder_mkdocs_links_from():
    assert folder_parts("") == ()
    assert folder_parts("van-ban/kl-14/") == ("van-ban", "kl-14")
    assert folder_parts("van-ban/kl-14.html") == ("van-ban",)
    assert folder_parts("404.html") == ()


def test_a_kept_item_keeps_no_run_of_whitespace():
    # Material's indentation is most of an item's bytes, printed on every page.
    nav, pages = site()
    cache = NavCache()
    got, _ = render_all(nav, pages, cache)
    kept = cache._distinct.values()
    assert kept and all(html == " ".join(html.split()) for html in kept)
    assert "  " in render_all(nav, pages, None)[0]["van-ban/vb-1/"]   # the renderer above prints runs


def test_an_item_live_on_one_page_of_a_base_is_rendered_there_while_its_list_is_incomplete():
    # On both pages of the base (tin-tuc, depth 2) the section holding them
    # is live, so the list is never joined; the page a link points into
    # must still get that link from its own folder, not the other page's.
    a, b = Item("Một", "tin-tuc/a/"), Item("Hai", "tin-tuc/b/")
    section = Item("Tin", None, [a, b])
    inside = Item("Chi tiết", "tin-tuc/a/chi-tiet/")
    nav = [section, inside]
    expected, _ = render_all(nav, [b, a], None)
    got, _ = render_all(nav, [b, a], NavCache())
    assert spaced(got) == spaced(expected)
    assert " chi-tiet/>" in got["tin-tuc/a/"] and " ../a/chi-tiet/>" in got["tin-tuc/b/"]
