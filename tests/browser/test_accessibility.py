"""Accessibility in Chromium: no axe-core violation of the WCAG 2.1 A and AA
rules on any page type, search open included, in the light and the dark
scheme (contrast is checked in both); landmarks a screen reader can list;
every clause reachable by keyboard."""
from __future__ import annotations

import json

import pytest

from conftest import ROOT
from tests.tools import pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# axe's best-practice rules on landmarks, the page's outline for a screen
# reader. "landmark-unique" (no two alike, each named) not on the blog's
# pages: Material's blog templates leave its own <nav> without a name (the
# post's sidebar, each post's authors and actions, the pagination), as on
# plain Material's. The sections of the navigation are named
# (overrides/partials/nav-item.html).
LANDMARK_RULES = ["landmark-complementary-is-top-level", "landmark-one-main", "landmark-no-duplicate-banner",
                  "landmark-no-duplicate-contentinfo", "landmark-no-duplicate-main"]
BLOG_KINDS = {"news", "news-index"}


def axe(pg, rules: list[str] | None = None) -> list[dict]:
    # The page's CSP is bypassed for this context: axe is injected inline.
    pg.add_script_tag(path=str(AXE))
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": TAGS}
    result = pg.evaluate("only => axe.run(document, {runOnly: only})", only)
    assert result["passes"], "axe ran no rule"
    return [{"id": v["id"], "help": v["help"],
             "nodes": [n["target"] for n in v["nodes"]][:5]} for v in result["violations"]]


@pytest.fixture(params=["light", "dark"])
def scheme_page(request, browser, site_url):
    context = browser.new_context(base_url=site_url, bypass_csp=True, color_scheme=request.param)
    pg = context.new_page()
    pg.scheme = request.param
    yield pg
    context.close()


def test_axe_core_is_installed():
    assert AXE.is_file(), "run `npm ci` (make test does)"


def test_no_wcag_violation_on_any_page_type(scheme_page, built_site):
    pg = scheme_page
    found = {}
    for kind, url in pages.page_types(built_site).items():
        pg.goto(url)
        pg.wait_for_load_state("networkidle")
        expected = "slate" if pg.scheme == "dark" else "default"
        assert pg.get_attribute("body", "data-md-color-scheme") == expected
        violations = axe(pg)
        if violations:
            found[kind] = violations
    # Search open, with results.
    pg.goto("/")
    pg.keyboard.press("/")
    pg.fill("[data-kl-search-input]", "cán bộ")
    pg.wait_for_selector("[data-kl-search-results] li")
    # Results can arrive while the box is still fading in; axe would measure
    # contrast through the fade. (Polled from Python: the CSP forbids eval.)
    for _ in range(50):
        if not pg.evaluate("document.getAnimations().length"):
            break
        pg.wait_for_timeout(100)
    violations = axe(pg)
    if violations:
        found["search"] = violations
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)


def test_landmarks_are_an_outline_on_every_page_type(browser, site_url, built_site):
    """One main, one banner, one footer, no unnamed complementary landmark
    inside them (a clause's folded links were an <aside> each, twelve
    unnamed landmarks in the main content of KL14), and, but on the blog's
    pages, no two landmarks a screen reader could not tell apart."""
    context = browser.new_context(base_url=site_url, bypass_csp=True)
    pg = context.new_page()
    found = {}
    for kind, url in pages.page_types(built_site).items():
        pg.goto(url)
        pg.wait_for_load_state("networkidle")
        violations = axe(pg, LANDMARK_RULES + ([] if kind in BLOG_KINDS else ["landmark-unique"]))
        if violations:
            found[kind] = violations
    context.close()
    assert found == {}, json.dumps(found, ensure_ascii=False, indent=1)


def test_every_clause_is_reachable_by_keyboard(browser, site_url):
    context = browser.new_context(base_url=site_url)
    pg = context.new_page()
    pg.goto("/van-ban/kl-14/")
    pg.wait_for_load_state("networkidle")
    clauses = set(pg.eval_on_selector_all("[data-clause]", "els => els.map(e => e.dataset.clause)"))
    assert len(clauses) > 5
    reached, seen = set(), 0
    for _ in range(2000):
        pg.keyboard.press("Tab")
        info = pg.evaluate("""() => {
            const el = document.activeElement;
            const clause = el && el.closest('[data-clause]');
            return {clause: clause ? clause.dataset.clause : null, body: el === document.body,
                    visible: !!(el && el.getClientRects().length)};
        }""")
        if info["clause"]:
            assert info["visible"], info
            reached.add(info["clause"])
        if reached == clauses:
            break
        seen += 1
    assert reached == clauses, sorted(clauses - reached)
    # Enter on a focused clause tool works without a mouse.
    pg.focus("[data-clause='muc-2-4'] .kl-cite")
    assert pg.evaluate("document.activeElement.classList.contains('kl-cite')")
    context.close()
