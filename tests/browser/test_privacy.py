"""Privacy and security in Chromium: no request leaves the site's own host on
any page type (search in use included), the Content-Security-Policy blocks
nothing the site needs and blocks an injected inline script (its presence on
every built page: tests/build/test_csp.py)."""
from __future__ import annotations

import urllib.parse

import pytest

from hooks.publish import csp
from tests.tools import pages
from tests.tools.arrival import arrived, mark_window, same_window

# Recorded before any page script runs: every CSP violation of the page.
WATCH = """window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline')));"""


@pytest.fixture()
def context(browser, site_url):
    ctx = browser.new_context(base_url=site_url)
    ctx.add_init_script(WATCH)
    ctx.requests = []
    ctx.on("request", lambda r: ctx.requests.append(r.url))
    yield ctx
    ctx.close()


def foreign(requests: list[str], site_url: str) -> list[str]:
    own = urllib.parse.urlsplit(site_url).netloc
    return [u for u in requests
            if not u.startswith(("data:", "blob:")) and urllib.parse.urlsplit(u).netloc != own]


def test_every_page_type_requests_only_its_own_host(context, built_site, site_url):
    types = pages.page_types(built_site)
    assert {"home", "document", "body", "news"} <= set(types)
    pg = context.new_page()
    for kind, url in types.items():
        pg.goto(url)
        pg.wait_for_load_state("networkidle")
        assert pg.evaluate("window.__cspViolations") == [], kind
    # Search, loaded on first use: index shards and record chunks.
    pg.goto("/")
    pg.keyboard.press("/")
    pg.fill("[data-kl-search-input]", "thí điểm")
    pg.wait_for_selector("[data-kl-search-results] li")
    pg.wait_for_load_state("networkidle")
    assert any("/assets/tim-kiem/t/" in u for u in context.requests)
    assert pg.evaluate("window.__cspViolations") == []
    assert len(context.requests) > len(types)
    assert foreign(context.requests, site_url) == []


def test_a_first_visit_fetches_the_sitemap_once_whatever_the_feed_links(context, built_site):
    # Material fetches sitemap.xml for instant navigation, and again for every
    # <link rel="alternate"> it takes for a language version: the feed links
    # must not be taken for one (the sitemap is about 210 KB gzip at 100×).
    pg = context.new_page()
    pg.goto("/van-ban/kl-14/")
    pg.wait_for_load_state("networkidle")
    assert pg.locator("link[type='application/atom+xml']").count() >= 1
    assert sum(urllib.parse.urlsplit(u).path.endswith("/sitemap.xml") for u in context.requests) <= 1


def test_instant_navigation_across_depths_runs_under_the_policy(context):
    pg = context.new_page()
    pg.goto("/van-ban/kl-14/")
    pg.wait_for_load_state("networkidle")
    mark_window(pg)
    pg.click(".md-tabs a[href$='co-quan/']")
    arrived(pg, "**/co-quan/")
    pg.click("a[href$='so-noi-vu/']")
    arrived(pg, "**/co-quan/so-noi-vu/")
    assert same_window(pg)
    pg.wait_for_load_state("networkidle")
    # Material's own scripts still work: the palette toggle switches scheme.
    before = pg.get_attribute("body", "data-md-color-scheme")
    pg.locator("form[data-kl-palette] label:visible").first.click()
    assert pg.get_attribute("body", "data-md-color-scheme") != before
    assert pg.evaluate("window.__cspViolations") == []


def test_policy_blocks_an_injected_inline_script(browser, tmp_path):
    # The same policy, an inline script that is not the page's own: blocked.
    body = "<script>window.ok = 1</script>"
    page_html = f'<!doctype html><html><head><meta charset="utf-8"></head><body>{body}</body></html>'
    protected = csp.apply(page_html).replace("</body>", "<script>window.injected = 1</script></body>")
    (tmp_path / "p.html").write_text(protected, encoding="utf-8")
    pg = browser.new_page()
    pg.goto((tmp_path / "p.html").as_uri())
    assert pg.evaluate("window.ok") == 1
    assert pg.evaluate("window.injected") is None
    pg.close()


def test_a_script_in_the_page_content_is_never_allowed(browser, tmp_path):
    # Editors' Markdown renders inside Material's content article: a script
    # there gets no hash, while the theme's own inline scripts keep theirs.
    page_html = ('<!doctype html><html><head><meta charset="utf-8"></head><body>'
                 '<script>window.theme = 1</script>'
                 '<article class="md-content__inner md-typeset"><p>Tin</p><script>window.editor = 1</script>'
                 '</article><script>window.after = 1</script></body></html>')
    (tmp_path / "p.html").write_text(csp.apply(page_html), encoding="utf-8")
    pg = browser.new_page()
    pg.goto((tmp_path / "p.html").as_uri())
    assert pg.evaluate("window.theme") == 1
    assert pg.evaluate("window.after") == 1
    assert pg.evaluate("window.editor") is None
    pg.close()
