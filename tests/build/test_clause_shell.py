"""Clause pages joined to one shell (hooks/render/shell.py) are the pages the
theme's full render makes, byte for byte, and the shell's prototype page
never reaches the site or its sitemap.

The fixture is the site with script payloads in every editor text field
(tests/tools/variants.py), so titles and descriptions that need escaping
reach every place the shell fills."""
from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from conftest import rebuilt
from hooks import contract
from hooks.render import shell
from tests.tools import variants

# Both builds name their search index files from the clock (?v=), and a
# page without history shows its build's date (the two builds may straddle
# midnight in Vietnam).
_CLOCK = re.compile(rb'data-kl-search-version="[0-9a-f]+"'
                      rb'|<time datetime="[0-9-]+">[0-9/]+</time>(?= <span class="kl-updated__note">)')


@pytest.fixture(scope="module")
def full_site(evil_site, tmp_path_factory) -> Path:
    """The same fixture project built with every clause page rendered in full."""
    return rebuilt(evil_site, tmp_path_factory, "full", {"KL_CLAUSE_PAGES": "full"})


def clause_pages(site: Path) -> list[str]:
    root = site / contract.DOCUMENTS
    return sorted(str(p.relative_to(site)) for p in root.glob("*/*/index.html"))


def test_clause_pages_from_the_shell_are_the_full_render(evil_site, full_site):
    pages = clause_pages(full_site)
    assert len(pages) >= 19 and "van-ban/kl-14/muc-2-4/index.html" in pages
    assert clause_pages(evil_site) == pages
    differ = [rel for rel in pages
              if _CLOCK.sub(b"", (evil_site / rel).read_bytes()) != _CLOCK.sub(b"", (full_site / rel).read_bytes())]
    assert not differ, differ
    # kh-116's noi-dung-7 defines an abbreviation (tests/tools/variants.py), so
    # its pages were converted whole, and the abbreviation is on its page.
    page = (evil_site / "van-ban/kh-116/noi-dung-7/index.html").read_text(encoding="utf-8")
    assert f'<abbr title="{variants.ABBREVIATION}">UBND</abbr>' in page
    # The payloads did reach the values the shell fills (title, description).
    page = (evil_site / "van-ban/kl-14/muc-2-4/index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "KLX" in title and "&lt;script&gt;" in title and "<script>window" not in title


def test_the_prototype_is_neither_in_the_site_nor_in_the_sitemap(evil_site, full_site):
    prototype = contract.clause_page_url(*contract.clause_of_src(shell.PROTOTYPE_SRC))
    assert not (evil_site / prototype).exists()
    assert not (evil_site / prototype.split("/")[0] / prototype.split("/")[1]).exists()
    sitemap = (evil_site / "sitemap.xml").read_text(encoding="utf-8")
    assert prototype.split("/")[1] not in sitemap
    assert gzip.decompress((evil_site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == sitemap
    # Clause pages stay in the sitemap, as in the full render.
    assert "/van-ban/kl-14/muc-2-4/</loc>" in sitemap
    assert sitemap == (full_site / "sitemap.xml").read_text(encoding="utf-8")
    # Nor in what the build tells editors.
    assert prototype.split("/")[1] not in (evil_site / ".build-log").read_text(encoding="utf-8")
