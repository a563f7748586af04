"""An editor under `make serve` with a page open that a good build made (a
clause's own page, a news post): a mistake saved turns that page, by itself,
into the error with its file and line, even when the mistake takes the page
away (a post's impossible date turns the blog off); the fix brings the page
back, by itself too."""
from __future__ import annotations

import pytest

from conftest import copy_project
from tools.project import edit
from tools.serving import WAIT, mkdocs_serve, wait_for

POST = "docs/tin-tuc/posts/2022-12-10-thanh-hoa-trien-khai-ket-luan-14.md"


@pytest.mark.parametrize("address, source, good, broken, shown", [
    ("van-ban/kl-14/muc-2-4/", "docs/van-ban/kl-14.md", "{#muc-2-5}", "{#muc-2.5}", "h2#muc-2-4"),
    ("tin-tuc/2022/12/10/thanh-hoa-trien-khai-ket-luan-14/", POST, "date: 2022-12-10", "date: 2022-02-30",
     "article h1:has-text(\"Thanh Hóa triển khai thực hiện Kết luận số 14-KL/TW\")"),
], ids=["clause page", "news post"])
def test_an_open_page_follows_a_mistake_and_its_fix(browser, tmp_path, address, source, good, broken, shown):
    project = copy_project(tmp_path / "project")
    path = project / source
    line = next(n for n, text in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if good in text)
    where = f"{source}:{line}" if source.startswith("docs/van-ban") else f"{path.name}:{line}"
    log_path = tmp_path / "serve.log"
    with mkdocs_serve(project, log_path) as (url, server):
        pg = browser.new_page(viewport={"width": 1366, "height": 900})
        pg.goto(url + address)
        page_itself = pg.locator(shown).first
        assert page_itself.is_visible()

        edit(project, source, good, broken)
        wait_for(lambda: where in log_path.read_text(encoding="utf-8"), "the error in the server log")
        # No click, no key: the live reload brings the error to the open page.
        pg.get_by_text(where).first.wait_for(state="visible", timeout=WAIT * 1000)
        assert pg.get_by_text("Bản dựng có lỗi").first.is_visible()
        assert pg.url == url + address

        edit(project, source, broken, good)
        page_itself.wait_for(state="visible", timeout=WAIT * 1000)
        assert pg.get_by_text("Bản dựng có lỗi").count() == 0
        assert server.poll() is None
        pg.close()
