"""Crawl a built site folder and report every internal link or anchor that
resolves to nothing. Plain Python over site/**/*.html; no server needed, so
it checks exactly what a reader opening the folder would get."""
from __future__ import annotations

import html.parser
import posixpath
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

# Attributes that load or navigate to another resource.
_LINK_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
               ("iframe", "src"), ("area", "href"), ("use", "href"), ("image", "href")}


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)


class _Parser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name in ("id", "name") and not (name == "name" and tag == "meta"):
                self.page.ids.add(value)
            if (tag, name) in _LINK_ATTRS or (tag == "a" and name == "xlink:href"):
                self.page.links.append(value)


def parse(path: Path) -> Page:
    parser = _Parser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.page


def _internal(link: str) -> bool:
    parts = urllib.parse.urlsplit(link)
    return not parts.scheme and not parts.netloc


def _resolve(site: Path, page_rel: str, link: str) -> tuple[str, str]:
    """(file path relative to the site, fragment) a link from page_rel points to."""
    parts = urllib.parse.urlsplit(link)
    path = urllib.parse.unquote(parts.path)
    if not path:
        target = page_rel
    else:
        base = posixpath.dirname(page_rel)
        target = posixpath.normpath(posixpath.join(base, path)) if not path.startswith("/") else path.lstrip("/")
        if path.endswith("/") or (site / target).is_dir():
            target = posixpath.join(target, "index.html")
    return target, urllib.parse.unquote(parts.fragment)


def check(site: Path) -> list[str]:
    """'page: link (why)' for every broken internal link or anchor."""
    site = Path(site)
    pages = {p.relative_to(site).as_posix(): parse(p) for p in sorted(site.rglob("*.html"))}
    broken = []
    for rel, page in pages.items():
        for link in page.links:
            if not _internal(link):
                continue
            target, fragment = _resolve(site, rel, link)
            if target.startswith("../") or not (site / target).is_file():
                broken.append(f"{rel}: {link} (no file {target})")
            elif fragment and target.endswith(".html") and fragment not in pages[target].ids:
                broken.append(f"{rel}: {link} (no id {fragment!r} in {target})")
    return broken


def count(site: Path) -> tuple[int, int]:
    """(pages, internal links) checked, so a test can tell the crawl was real."""
    pages = [parse(p) for p in Path(site).rglob("*.html")]
    return len(pages), sum(1 for p in pages for l in p.links if _internal(l))


if __name__ == "__main__":
    problems = check(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))
    print("\n".join(problems) or "no broken internal link")
    sys.exit(1 if problems else 0)
