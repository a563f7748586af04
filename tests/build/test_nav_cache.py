"""The navigation partial (overrides/partials/nav.html, nav-item.html, which
render each item once per build and base) against Material's own: a fixture
site is built twice, with the override and with it removed, and the primary
navigation of every page must be the same, active marking included, but
for the `aria-current` the override adds to the page's own link.

Run it after upgrading Material: the override is a copy of Material's
partials with the changes nav-item.html's first comment lists, and this
test shows where they drifted."""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest

from conftest import built, copy_project
from tools.project import POST_TEMPLATE, edit

OVERRIDES = ("overrides/partials/nav.html", "overrides/partials/nav-item.html")
START = '<nav class="md-nav md-nav--primary'
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


def primary_navs(site: Path) -> dict[str, str]:
    """Each page's primary navigation, whitespace runs as one space: the
    override joins items with less whitespace than Material's loop, which
    HTML collapses alike."""
    out = {}
    for path in sorted(site.rglob("*.html")):
        html = path.read_text(encoding="utf-8")
        start = html.find(START)
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
def navs(tmp_path_factory) -> tuple[dict[str, str], dict[str, str]]:
    ours = fixture_project(tmp_path_factory.mktemp("nav-ours") / "project")
    material = fixture_project(tmp_path_factory.mktemp("nav-material") / "project")
    for rel in OVERRIDES:
        (material / rel).unlink()
    return primary_navs(built(ours, ours / "site")), primary_navs(built(material, material / "site"))


CURRENT = ' aria-current="page"'
LINK = re.compile(r"<a [^>]*>")


def test_every_page_has_materials_navigation(navs):
    # The one addition to Material's markup is the link to the page itself
    # marked `aria-current` (the next test).
    ours, material = navs
    assert ours.keys() == material.keys()
    differ = [page for page in material if ours[page].replace(CURRENT, "") != material[page]]
    assert not differ, f"{len(differ)} of {len(material)} pages differ from Material's navigation, e.g. {differ[:5]}"


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
            target = posixpath.normpath(posixpath.join(folder, re.search(r'href="([^"]*)"', a).group(1)))
            assert target in (posixpath.normpath(folder), re.sub(r"/page/\d+$", "", folder)), (page, a)
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
