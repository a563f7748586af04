"""Editor-supplied text is escaped everywhere it lands: on no page of the
copy whose front matter carries <script>, quotes and </script> in every text
field (tests/tools/variants.py) does the injected code run in Chromium, with
the CSP bypassed so escaping alone is what is tested."""
from __future__ import annotations

import pytest

from conftest import serve
from tests.tools import pages
from tests.tools.variants import MARK


@pytest.fixture(scope="module")
def evil_url(evil_site):
    with serve(evil_site) as url:
        yield url


def test_no_injected_script_runs_on_any_page(browser, evil_site, evil_url):
    context = browser.new_context(base_url=evil_url, bypass_csp=True)
    dialogs = []
    pg = context.new_page()
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    urls = list(pages.page_types(evil_site).values()) + ["/hoi-dap/cau-hoi-thu/", "/co-quan/"]
    assert "/van-ban/kl-14/" in urls
    for url in urls:
        pg.goto(url)
        pg.wait_for_load_state("networkidle")
        assert pg.evaluate("window.__pwned") is None, url
    # Search results show the poisoned titles and excerpts.
    pg.goto("/")
    pg.keyboard.press("/")
    pg.fill("[data-kl-search-input]", MARK)
    pg.wait_for_selector("[data-kl-search-results] li")
    assert "KLX" in pg.inner_text("[data-kl-search-results]")
    pg.wait_for_timeout(300)   # let any injected onerror fire before checking
    assert pg.evaluate("window.__pwned") is None
    assert dialogs == []
    context.close()
