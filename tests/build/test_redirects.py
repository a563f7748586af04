"""Retired provisional ids (DESIGN.md: "each old id redirects to the clause
that matches it, so no published link breaks"): the day kh-116's official
text arrives, simulated on a copy of the site (tests/tools/variants.py), through a
real build; tests/browser/test_redirects_browser.py follows an old link
in Chromium."""
from __future__ import annotations

import json


def test_old_id_is_an_anchor_on_the_new_clause(moved_site):
    page = (moved_site / "van-ban/kh-116/index.html").read_text(encoding="utf-8")
    start = page.index('data-clause="muc-1"')
    end = page.index('data-clause="noi-dung-2"')
    assert 'id="noi-dung-1"' in page[start:end] and 'data-moved-to="muc-1"' in page[start:end]
    assert page.count('id="noi-dung-1"') == 1
    assert "Mã tạm trước đây: noi-dung-1" in page


def test_references_and_tasks_follow_the_redirect(moved_site):
    # [[kh-116#noi-dung-1]] in a news post and FAQs now links to the new id.
    post = next(moved_site.glob("tin-tuc/2022/12/10/*/index.html")).read_text(encoding="utf-8")
    assert "kh-116/#muc-1" in post and "kh-116/#noi-dung-1" not in post
    faq = (moved_site / "hoi-dap/thanh-hoa-da-ban-hanh-gi/index.html").read_text(encoding="utf-8")
    assert "kh-116/#muc-1" in faq
    data = json.loads((moved_site / "api/v1/van-ban/kh-116.json").read_text(encoding="utf-8"))
    assert data["metadata"]["redirects"] == [{"from": "noi-dung-1", "to": "muc-1"}]
    clause = next(c for c in data["clauses"] if c["id"] == "muc-1")
    # Backlinks written with the old id count for the new clause.
    assert any("tin-tuc" in b["url"] for group in clause["backlinks"].values() for b in group), clause["backlinks"]
    nhiem_vu = json.loads((moved_site / "api/v1/nhiem-vu.json").read_text(encoding="utf-8"))
    assert "muc-1" in json.dumps(nhiem_vu) and "noi-dung-1" not in json.dumps(nhiem_vu)
