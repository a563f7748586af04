"""The loop's pages converted by one Markdown instance (hooks/site_markdown.py)
make the site MkDocs' own `Page.render` makes, byte for byte: every file,
the search index and open data included.

The fixture is the site with script payloads in every editor text field
(tests/tools/variants.py), an abbreviation defined in kh-116's text, and a
heading in ctr-26's whose id is a clause's: kl-14's page is put together from
its clauses' units (hooks/render/clause_units.py), kh-116's and ctr-26's are
converted whole, each after its own check.
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


def test_each_document_page_was_made_the_way_its_content_allows(evil_site):
    # Else the comparison above could pass with every page converted whole.
    log = (evil_site / ".build-log").read_text(encoding="utf-8")
    assert "document pages from clause units: 1 (kl-14); chuyển cả trang / converted whole: 2 (ctr-26, kh-116)" in log
