"""The loop's pages converted by one Markdown instance (hooks/site_markdown.py)
make the site MkDocs' own `Page.render` makes, byte for byte: every file,
the search index and open data included.

The fixture is the site with script payloads in every editor text field
(tests/tools/variants.py), and an abbreviation defined in kh-116's text.
tests/unit/test_shared_markdown.py renders pages in a row that define what
the next one would misread."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import rebuilt

# Each build names its search files from its clock (?v=), and a page or
# feed item without history shows the build's date and time.
_CLOCK = re.compile(rb'data-kl-search-version="[0-9a-f]+"|\?v=[0-9a-f]+|"version": ?"[0-9a-f]+"'
                    rb'|<time datetime="[0-9-]+">[0-9/]+</time>|<(lastBuildDate|pubDate|updated|published)>[^<]*<'
                    rb'|<lastmod>[^<]*</lastmod>')


@pytest.fixture(scope="module")
def per_page_site(evil_site, tmp_path_factory) -> Path:
    """The same fixture project built with MkDocs' own Page.render."""
    return rebuilt(evil_site, tmp_path_factory, "per-page", {"KL_MARKDOWN": "per-page"})


def files(site: Path) -> list[str]:
    return sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file() and p.name != ".build-log")


def test_every_file_is_what_page_render_makes(evil_site, per_page_site):
    names = files(per_page_site)
    assert files(evil_site) == names
    pages = [n for n in names if n.endswith(".html")]
    assert len(pages) >= 50 and {"van-ban/kh-116/index.html", "van-ban/kl-14/muc-2-4/index.html", "index.html"} <= set(pages)
    differ = [n for n in names
              if _CLOCK.sub(b"", (evil_site / n).read_bytes()) != _CLOCK.sub(b"", (per_page_site / n).read_bytes())]
    assert not differ, differ
