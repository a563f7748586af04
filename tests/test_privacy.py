"""Privacy and security in Chromium: no request leaves the site's own host on
any page type (search in use included), the Content-Security-Policy blocks
nothing the site needs, and it is present on every built page."""
from __future__ import annotations

import urllib.parse

import pytest

from hooks.publish import csp
from tests.tools import pages

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


def test_instant_navigation_across_depths_runs_under_the_policy(context):
    pg = context.new_page()
    pg.goto("/van-ban/kl-14/")
    pg.wait_for_load_state("networkidle")
    pg.click(".md-tabs a[href$='co-quan/']")
    pg.wait_for_url("**/co-quan/")
    pg.click("a[href$='so-noi-vu/']")
    pg.wait_for_url("**/co-quan/so-noi-vu/")
    pg.wait_for_load_state("networkidle")
    # Material's own scripts still work: the palette toggle switches scheme.
    before = pg.get_attribute("body", "data-md-color-scheme")
    pg.locator("form[data-md-component=palette] label:visible").first.click()
    assert pg.get_attribute("body", "data-md-color-scheme") != before
    assert pg.evaluate("window.__cspViolations") == []


def test_policy_is_on_every_page_before_any_script(built_site):
    checked = 0
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        meta = text.find('http-equiv="Content-Security-Policy"')
        assert meta != -1, path
        first_script = text.find("<script")
        assert first_script == -1 or meta < first_script, path
        if path.parent.name == "bien-tap":
            continue   # the editor's own policy (tests/test_editor_config.py): no inline script at all
        assert "script-src 'self' file: 'sha256-" in text
        checked += 1
    assert checked > 20


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
