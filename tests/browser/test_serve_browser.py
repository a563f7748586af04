"""An editor under `make serve` with a clause's own page open: a mistake
saved in the document turns that page, by itself, into the error with its
file and line; the fix brings the clause back, by itself too."""
from __future__ import annotations

from conftest import copy_project
from tools.serving import WAIT, edit, mkdocs_serve, wait_for


def test_an_open_clause_page_follows_a_mistake_and_its_fix(browser, tmp_path):
    project = copy_project(tmp_path / "project")
    kl = project / "docs/van-ban/kl-14.md"
    line = kl.read_text(encoding="utf-8").split("\n").index("{#muc-2-5}") + 1
    log_path = tmp_path / "serve.log"
    with mkdocs_serve(project, log_path) as (url, server):
        pg = browser.new_page(viewport={"width": 1366, "height": 900})
        pg.goto(url + "van-ban/kl-14/muc-2-4/")
        heading = pg.locator("h2#muc-2-4")
        assert heading.is_visible()

        edit(kl, "{#muc-2-5}", "{#muc-2.5}")
        wait_for(lambda: f"docs/van-ban/kl-14.md:{line}" in log_path.read_text(encoding="utf-8"),
                 "the error in the server log")
        # No click, no key: the live reload brings the error to the open page.
        error = pg.get_by_text(f"docs/van-ban/kl-14.md:{line}").first
        error.wait_for(state="visible", timeout=WAIT * 1000)
        assert pg.get_by_text("Bản dựng có lỗi").first.is_visible()
        assert pg.url == url + "van-ban/kl-14/muc-2-4/"

        edit(kl, "{#muc-2.5}", "{#muc-2-5}")
        heading.wait_for(state="visible", timeout=WAIT * 1000)
        assert pg.get_by_text("Bản dựng có lỗi").count() == 0
        assert server.poll() is None
        pg.close()
