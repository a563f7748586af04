"""The FAQ index in a real Chromium: the audience filter with JavaScript,
every question listed without it."""
from __future__ import annotations

import pytest

from conftest import ROOT
from hooks.collect import corpus as corpus_mod
from hooks.model import vocab

VISIBLE_ITEMS = "() => [...document.querySelectorAll('li[data-faq]')].filter(li => li.offsetParent !== null).map(li => li.dataset.faq)"
VISIBLE_TOPICS = "() => [...document.querySelectorAll('.kl-faq-topic')].filter(s => s.offsetParent !== null).map(s => s.dataset.topic)"


@pytest.fixture(scope="module")
def faqs():
    return corpus_mod.load(ROOT / "docs", ROOT).faqs


def test_audience_filter_with_javascript(browser, site_url, faqs):
    context = browser.new_context(base_url=site_url)
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    try:
        page.goto("/hoi-dap/")
        page.wait_for_selector("[data-kl-faq-filter][data-ready]", state="visible")
        assert sorted(page.evaluate(VISIBLE_ITEMS)) == sorted(faqs)
        for key, label in vocab.AUDIENCES.items():
            expected = sorted(i for i, f in faqs.items() if key in f.audience)
            assert expected and len(expected) < len(faqs), key   # the filter must filter
            button = page.locator(f'button[data-audience="{key}"]')
            button.click()
            page.wait_for_function("k => document.querySelector(`button[data-audience=\"${k}\"]`)"
                                   ".getAttribute('aria-pressed') === 'true'", arg=key)
            assert sorted(page.evaluate(VISIBLE_ITEMS)) == expected, key
            topics = {faqs[i].topic for i in expected}
            assert set(page.evaluate(VISIBLE_TOPICS)) == topics
            assert page.locator('button[aria-pressed="true"]').count() == 1
            status = page.locator("[data-kl-faq-status]").inner_text()
            assert f"Đang hiện {len(expected)} câu hỏi dành cho {label.lower()}." == status
        page.locator('button[data-audience=""]').click()
        page.wait_for_function("() => document.querySelector('button[data-audience=\"\"]')"
                               ".getAttribute('aria-pressed') === 'true'")
        assert sorted(page.evaluate(VISIBLE_ITEMS)) == sorted(faqs)
        # Opening a question through instant navigation, then coming back,
        # leaves a working filter.
        page.locator('li[data-faq="thi-diem-khong-thanh-cong"] a').click()
        page.wait_for_selector("h1.kl-title")
        assert page.locator("h1.kl-title").inner_text() == faqs["thi-diem-khong-thanh-cong"].question
        page.go_back()
        page.wait_for_selector("[data-kl-faq-filter][data-ready]", state="visible")
        page.locator('button[data-audience="co-quan"]').click()
        page.wait_for_function("() => document.querySelector('button[data-audience=\"co-quan\"]')"
                               ".getAttribute('aria-pressed') === 'true'")
        assert sorted(page.evaluate(VISIBLE_ITEMS)) == sorted(i for i, f in faqs.items() if "co-quan" in f.audience)
    finally:
        context.close()
    assert all(r.startswith(site_url) for r in requests), [r for r in requests if not r.startswith(site_url)]


def test_every_question_listed_without_javascript(browser, site_url, faqs):
    context = browser.new_context(base_url=site_url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/hoi-dap/")
        assert not page.locator("[data-kl-faq-filter]").is_visible()
        visible = [li.get_attribute("data-faq") for li in page.locator("li[data-faq]").all() if li.is_visible()]
        assert sorted(visible) == sorted(faqs)
        for ident, entry in faqs.items():
            link = page.locator(f'li[data-faq="{ident}"] a')
            assert link.inner_text() == entry.question
            assert link.get_attribute("href") == f"{ident}/"
        # An FAQ page shows the answer and the clause text without JavaScript.
        page.goto("/hoi-dap/thi-diem-khong-thanh-cong/")
        assert page.locator(".kl-explanation .admonition-title").first.inner_text() == \
            "Giải thích, không phải văn bản pháp luật"
        # It explains mục 2.4 and its đoạn 2: the paragraph is quoted once, within mục 2.4.
        assert page.locator('figure[data-explains="kl-14#muc-2-4"] blockquote').is_visible()
        assert page.locator('figure[data-explains="kl-14#muc-2-4-doan-2"]').count() == 0
    finally:
        context.close()
