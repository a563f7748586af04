"""The navigation partials (overrides/partials/nav.html, nav-item.html, which
render each item once per build and base, and tabs-item.html) against
Material's own: a fixture site is built twice, with the overrides and with
them removed, and the primary navigation and the tabs of every page must be
the same, active marking included, but for what the overrides add for
screen readers: `aria-current` on the page's own link and on the tab of its
section, and a name for each section's list.

Run it after upgrading Material: the overrides are copies of Material's
partials with the changes their first comments list, and this test shows
where they drifted."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from conftest import built, copy_project
from tools.project import POST_TEMPLATE, edit
from tools.section_text import SectionText, words

OVERRIDES = ("overrides/partials/nav.html", "overrides/partials/nav-item.html", "overrides/partials/tabs-item.html")
START = '<nav class="md-nav md-nav--primary'
TABS = '<nav class="md-tabs"'
TAG = re.compile(r"<nav\b|</nav>")

# Nested sections in the guide: one with an index page, one without, two
# levels down; headings give the active page an integrated table of contents.
NESTED = {
    "docs/huong-dan/nang-cao/index.md": "# Hướng dẫn nâng cao\n\n## Khi nào cần đọc\n\nTrang thử nghiệm.\n",
    "docs/huong-dan/nang-cao/mau-trang.md": "# Mẫu trang\n\n## Phần một\n\nTrang thử nghiệm.\n\n## Phần hai\n\nHết.\n",
    "docs/huong-dan/nang-cao/chi-tiet/bang.md": "# Bảng\n\n## Cột và hàng\n\nTrang thử nghiệm.\n",
    "docs/huong-dan/nang-cao/chi-tiet/vi-du.md": "# Ví dụ\n\nTrang thử nghiệm, không có mục con.\n",
}
POSTS = {f"docs/tin-tuc/posts/2024-0{n}-0{n}-tin-thu-{n}.md": POST_TEMPLATE.format(
    title=f"Tin thử nghiệm số {n}", date=f"2024-0{n}-0{n}", authors="authors: [tuan-lam]\n") for n in (1, 2, 3)}


def fixture_project(root: Path) -> Path:
    project = copy_project(root)
    for rel, text in {**NESTED, **POSTS}.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        (project / rel).write_text(text, encoding="utf-8")
    # Two posts a page: the blog's index has pages 2 and 3, which Material
    # marks through the view's `pages`, not `active`.
    edit(project, "mkdocs.yml", "pagination_per_page: 10", "pagination_per_page: 2")
    return project


def navs_of(site: Path, start_tag: str = START) -> dict[str, str]:
    """Each page's primary navigation (or another `<nav>` by its start),
    whitespace runs as one space: the override joins items with less
    whitespace than Material's loop, which HTML collapses alike."""
    out = {}
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        start = html.find(start_tag)
        if start < 0:
            continue
        depth = 0
        for match in TAG.finditer(html, start):
            depth += 1 if match.group() == "<nav" else -1
            if depth == 0:
                break
        out[path.relative_to(site).as_posix()] = " ".join(html[start:match.end()].split())
    return out


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> tuple[Path, Path]:
    ours = fixture_project(tmp_path_factory.mktemp("nav-ours") / "project")
    material = fixture_project(tmp_path_factory.mktemp("nav-material") / "project")
    for rel in OVERRIDES:
        (material / rel).unlink()
    return built(ours, ours / "site"), built(material, material / "site")


@pytest.fixture(scope="module")
def navs(sites) -> tuple[dict[str, str], dict[str, str]]:
    return navs_of(sites[0]), navs_of(sites[1])


@pytest.fixture(scope="module")
def tabs(sites) -> tuple[dict[str, str], dict[str, str]]:
    return navs_of(sites[0], TABS), navs_of(sites[1], TABS)


CURRENT = ' aria-current="page"'


def target(page: str, href: str) -> str:
    """The folder a link on `page` (a path in the site) leads to."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href))


LINK = re.compile(r"<a [^>]*>")
# What the overrides add to Material's markup for screen readers (the tests below).
ADDED = re.compile(r' aria-current="(?:page|true)"| id="__nav[\w]*_title"'
                   r'|<span class="kl-visually-hidden">[^<]*</span> ')
OWN_NAME = re.compile(r'aria-labelledby="(__nav[\w]*)_title"')


def as_material(nav: str) -> str:
    """The override's navigation without its additions: Material's names a
    section's list by its toggle, printed or not."""
    return OWN_NAME.sub(r'aria-labelledby="\1_label"', ADDED.sub("", nav))


def test_every_page_has_materials_navigation(navs, tabs):
    for ours, material in (navs, tabs):
        assert ours.keys() == material.keys()
        assert len(material) > 50
        differ = [page for page in material if as_material(ours[page]) != material[page]]
        assert not differ, f"{len(differ)} of {len(material)} pages differ from Material's, e.g. {differ[:5]}"


def test_the_fixture_covers_every_kind_of_active_item(navs):
    # What Material marks on each kind of page, so that the comparison above
    # checks the override on every one of them.
    _, material = navs
    cases = {
        # page: active items, active links, checked toggles, integrated table of contents
        "index.html": (1, 1, 0, False),
        "van-ban/kl-14/index.html": (2, 2, 1, True),
        "huong-dan/nang-cao/index.html": (2, 2, 2, False),             # a nested section's index page
        "huong-dan/nang-cao/mau-trang/index.html": (3, 2, 2, True),
        "huong-dan/nang-cao/chi-tiet/bang/index.html": (4, 2, 3, True),   # two levels down, no index page
        "huong-dan/nang-cao/chi-tiet/vi-du/index.html": (4, 1, 3, False),
        "tin-tuc/index.html": (1, 2, 1, False),
        "tin-tuc/page/2/index.html": (1, 0, 1, False),                 # the blog's second page
        "tin-tuc/2024/01/01/tin-thu-nghiem-so-1/index.html": (1, 0, 1, False),   # a post: its blog is active
        "tin-tuc/archive/2024/01/index.html": (3, 2, 2, True),
    }
    for page, expected in cases.items():
        nav = material[page]
        assert (nav.count("md-nav__item--active"), nav.count("md-nav__link--active"), nav.count(" checked>"),
                'for="__toc"' in nav) == expected, page
    # Pages outside the navigation (questions, a clause's page): nothing active.
    outside = [p for p in material if p.startswith(("hoi-dap/", "van-ban/kl-14/muc-")) and p != "hoi-dap/index.html"]
    assert len(outside) > 10
    assert all("--active" not in material[p] and " checked>" not in material[p] for p in outside)
    assert "404.html" in material


def test_the_link_to_the_page_itself_is_marked_current(navs):
    # Material marks the page's own link by class only, which a screen
    # reader does not announce; the override adds `aria-current="page"` to
    # exactly the links Material marks active. Each points at the page, or,
    # on a later page of a paginated view (an author's posts), at the view's
    # first page, which is the view's item in the navigation. Not on the
    # title that stands for the link on a phone (the toggle of the page's
    # table of contents): HTML forbids it on a label of a form control.
    ours, material = navs
    assert not any(CURRENT in nav for nav in material.values())
    for page, nav in ours.items():
        links = LINK.findall(nav)
        current = [a for a in links if CURRENT in a]
        assert current == [a for a in links if "md-nav__link--active" in a], page
        assert nav.count(CURRENT) == len(current), page
        folder = posixpath.dirname(page)
        for a in current:
            assert target(page, re.search(r'href="([^"]*)"', a).group(1)) in (
                posixpath.normpath(folder), re.sub(r"/page/\d+$", "", folder)), (page, a)
    expected = {
        "index.html": 1,
        "van-ban/kl-14/index.html": 1,
        "huong-dan/nang-cao/index.html": 1,                # a section's index page
        "huong-dan/nang-cao/mau-trang/index.html": 1,
        "huong-dan/nang-cao/chi-tiet/vi-du/index.html": 1,
        "tin-tuc/index.html": 1,
        "tin-tuc/page/2/index.html": 0,
        "tin-tuc/2024/01/01/tin-thu-nghiem-so-1/index.html": 0,
        "tin-tuc/archive/2024/01/index.html": 1,
        "404.html": 0,
    }
    assert {page: ours[page].count(CURRENT) for page in expected} == expected


def names(nav: str) -> dict[str, str]:
    """The text of every element with an id, as a screen reader computes a
    name from an element it is pointed to."""
    return {key: words("".join(parts)) for key, parts in SectionText(nav, "id", children=True).text.items()}


LABELLED = re.compile(r'<nav class="md-nav" data-md-level="\d+" aria-labelledby="([^"]+)"')


def test_every_section_list_is_named_by_its_title(navs):
    # Material names a section's list by its toggle; when the section has
    # an index page, that toggle is a chevron with no text, or is not
    # printed at all (a section with nothing but its index page), so a
    # screen reader lists an unnamed navigation. The override gives each
    # list the section's title: the chevron carries it as hidden text
    # (Material's bundle finds the list by the toggle's id), and a list
    # without a toggle is named by its own title.
    ours, material = navs
    def list_names(nav: str) -> dict[str, str]:
        found = names(nav)
        return {key: found.get(key, "") for key in LABELLED.findall(nav)}

    unnamed = sum(not name for nav in material.values() for name in list_names(nav).values())
    assert unnamed > 10, "the fixture has no section Material leaves unnamed"
    ours_named = {page: list_names(nav) for page, nav in ours.items()}
    assert all(all(named.values()) for named in ours_named.values()), [
        page for page, named in ours_named.items() if not all(named.values())]
    named = ours_named["huong-dan/nang-cao/mau-trang/index.html"]
    # The section's title as the navigation shows it (MkDocs makes it from the fixture's folder name).
    assert set(named.values()) == {"Hướng dẫn", "Nang cao"}, named
    # The questions' section has its index page only: named by its own title.
    questions = ours_named["hoi-dap/index.html"]
    assert [name for key, name in questions.items() if key.endswith("_title")] == ["Hỏi đáp"]


TAB_LINK = re.compile(r'<li class="md-tabs__item( md-tabs__item--active)?"> <a href="([^"]*)" class="md-tabs__link"'
                      r'(?: aria-current="(page|true)")?>')


def test_the_tab_of_the_pages_section_is_marked_current(tabs):
    # Material marks the tab of the page's section by class only. The
    # override adds `aria-current` to that tab's link: "page" when it links
    # to the page itself, "true" when the page is further in the section.
    ours, material = tabs
    assert not any("aria-current" in nav for nav in material.values())
    marked = {}
    for page, nav in ours.items():
        items = TAB_LINK.findall(nav)
        assert len(items) == nav.count('class="md-tabs__item'), page
        for active, href, current in items:
            assert bool(active) == bool(current), (page, href)
            if current:
                itself = target(page, href) == posixpath.normpath(posixpath.dirname(page))
                assert current == ("page" if itself else "true"), (page, href)
                marked[page] = current
    assert {page: marked.get(page) for page in (
        "index.html", "van-ban/index.html", "van-ban/kl-14/index.html", "huong-dan/nang-cao/chi-tiet/bang/index.html",
        "tin-tuc/index.html", "tin-tuc/page/2/index.html", "404.html")} == {
        "index.html": "page", "van-ban/index.html": "page", "van-ban/kl-14/index.html": "true",
        "huong-dan/nang-cao/chi-tiet/bang/index.html": "true", "tin-tuc/index.html": "page",
        "tin-tuc/page/2/index.html": "true", "404.html": None}
