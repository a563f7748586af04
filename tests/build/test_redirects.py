"""Retired provisional ids (DESIGN.md: "each old id redirects to the clause
that matches it, so no published link breaks"): the day kh-116's official
text arrives, simulated on a copy of the site, through a real build and
Chromium."""
from __future__ import annotations

import functools
import http.server
import json
import threading

import pytest

from conftest import _QuietHandler, copy_project, run_build
from tests.tools.project import edit

KH = "docs/van-ban/kh-116.md"


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory):
    """kh-116 with its first provisional item renumbered as 'muc-1'."""
    project = copy_project(tmp_path_factory.mktemp("redirect-project"))
    edit(project, KH, "{#noi-dung-1}", "{#muc-1}")
    edit(project, KH, "tasks:\n", "redirects:\n  - from: noi-dung-1\n    to: muc-1\ntasks:\n")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


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


def test_an_old_link_lands_on_the_new_clause_in_chromium(browser, moved_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(_QuietHandler, directory=str(moved_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        pg = browser.new_page()
        pg.goto(f"http://127.0.0.1:{server.server_address[1]}/van-ban/kh-116/#noi-dung-1")
        pg.wait_for_load_state("networkidle")
        # The address bar shows the clause's own id, the one to cite.
        assert pg.evaluate("location.hash") == "#muc-1"
        assert pg.locator("#muc-1").is_visible() and pg.locator("#noi-dung-1").is_visible()
        box = pg.locator("#noi-dung-1").bounding_box()
        assert 0 <= box["y"] < pg.viewport_size["height"] / 2
        pg.close()
    finally:
        server.shutdown()
