"""The web editor end to end, in Chromium: `scripts/edit.sh` (what `make
edit` runs) on a copy of the project, a news post and an FAQ created through
the forms with the clause picked from the picker, saved into docs/, then the
strict build publishes both."""
from __future__ import annotations

import datetime as dt
import html
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml

from conftest import ROOT, copy_project, free_port, run_build
from hooks.cli.port import wait_http
from hooks.model import schema

pytestmark = pytest.mark.skipif(not (ROOT / "node_modules" / "decap-cms" / "dist" / "decap-cms.js").exists()
                                or not (ROOT / "node_modules" / "decap-server").exists(),
                                reason="Decap CMS not installed (npm ci --ignore-scripts)")

POST_TITLE = "Hội nghị quán triệt Kết luận 14 tại Sở Nội vụ"
QUESTION = "Cán bộ có đề xuất đổi mới thì báo cáo với ai?"
FAQ_ID = "de-xuat-bao-cao-voi-ai"


def port_open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def front_matter(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    return yaml.safe_load(head), body


@pytest.fixture()
def editing(tmp_path):
    project = copy_project(tmp_path / "project")
    shutil.copytree(ROOT / "scripts", project / "scripts")
    (project / "node_modules").symlink_to(ROOT / "node_modules")
    site_port, proxy_port = free_port(), free_port()
    env = dict(os.environ, MKDOCS=f"{sys.executable} -m mkdocs", EDIT_ADDR=f"127.0.0.1:{site_port}",
               EDITOR_PROXY_PORT=str(proxy_port), NO_MKDOCS_2_WARNING="1")
    log = open(tmp_path / "edit.log", "w")
    proc = subprocess.Popen(["bash", "scripts/edit.sh"], cwd=project, env=env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{site_port}"
    try:
        wait_http(f"{base}/bien-tap/config.yml", contains=f"127.0.0.1:{proxy_port}")
        assert port_open(proxy_port), "decap-server is running"
        # Under `make edit` the page's policy allows the local proxy.
        page = html.unescape(wait_http(f"{base}/bien-tap/"))
        connect = re.search(r"connect-src ([^;]*)", page).group(1)
        assert f"http://127.0.0.1:{proxy_port}" in connect, page
        yield project, base, proxy_port, proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def pick(pg, field_id: str, text: str) -> None:
    """Choose an option of a Decap select by typing part of its label."""
    pg.locator(field_id).click()
    pg.keyboard.type(text)
    option = pg.locator("[class*='-option']").filter(has_text=text).first
    option.wait_for()
    option.click()


def publish(pg) -> None:
    pg.get_by_role("button", name="Công bố").first.click()
    pg.get_by_role("menuitem", name="Công bố ngay").click()
    pg.get_by_text("Đã công bố").first.wait_for(timeout=30_000)


def new_entry(pg, base: str, collection: str) -> None:
    pg.goto(f"{base}/bien-tap/#/collections/{collection}/new")
    pg.reload()   # Decap keeps widgets of the previous form on a hash change
    pg.locator("label").first.wait_for()


def test_news_post_and_faq_from_the_editor_reach_the_built_site(browser, editing, tmp_path):
    project, base, proxy_port, proc = editing
    host = urlparse(base).hostname
    # An English browser: the dates must still read dd/mm/yyyy.
    context = browser.new_context(locale="en-US", viewport={"width": 1400, "height": 1000})
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    pg = context.new_page()
    pg.goto(f"{base}/bien-tap/")
    pg.get_by_role("button", name="Đăng nhập").click()   # the local proxy needs no account
    pg.get_by_text("Tin tức").first.wait_for()
    foreign = [u for u in requests if urlparse(u).hostname != host and not u.startswith(("data:", "blob:"))]
    assert not foreign, f"/bien-tap/ requested another host: {foreign}"
    assert any(f":{proxy_port}/api/v1" in u for u in requests), "talks to the local proxy"

    # A news post.
    new_entry(pg, base, "tin-tuc")
    pg.fill("#title-field-1", POST_TITLE)
    date = pg.locator("#date-field-2")
    assert re.fullmatch(r"\d{2}/\d{2}/\d{4}", date.input_value()), "today, as dd/mm/yyyy"
    date.fill("28/11/2026")
    pick(pg, "#authors-field-3", "Tuấn Lâm")
    pick(pg, "#categories-field-4", "Thông báo")
    pg.fill("#description-field-5", "Sở Nội vụ quán triệt Kết luận số 14-KL/TW.")
    body = pg.locator("[data-slate-editor]").last
    body.click()
    pg.keyboard.type("Sở Nội vụ tổ chức hội nghị quán triệt [[kl-14#muc-2-4|mục 2.4]].")
    saved = time.monotonic()
    publish(pg)
    # Live preview: the post shows on /tin-tuc/ of the running `make edit`.
    wait_http(f"{base}/tin-tuc/", timeout=120, contains=POST_TITLE)
    preview_seconds = time.monotonic() - saved

    # An FAQ, the clause picked by its citation.
    new_entry(pg, base, "hoi-dap")
    pg.fill("#id-field-1", FAQ_ID)
    pg.fill("#question-field-2", QUESTION)
    pick(pg, "#audience-field-3", "Cán bộ")
    pick(pg, "#topic-field-4", "Đề xuất đổi mới")
    pick(pg, "#explains-field-5", "Mục 2.3 Kết luận số 14-KL/TW")
    body = pg.locator("[data-slate-editor]").last
    body.click()
    pg.keyboard.type("Theo [[kl-14#muc-2-3|mục 2.3]], đề xuất phải báo cáo với người đứng đầu nơi công tác.")
    publish(pg)
    wait_http(f"{base}/hoi-dap/", timeout=120, contains=QUESTION)
    context.close()

    # Stopping `make edit` stops decap-server too.
    proc.send_signal(signal.SIGTERM)
    proc.wait(30)
    deadline = time.monotonic() + 10
    while port_open(proxy_port) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not port_open(proxy_port), "decap-server stopped with the preview"

    # The files, with the front matter the schema wants.
    posts = list((project / "docs" / "tin-tuc" / "posts").glob("2026-11-28-*.md"))
    assert len(posts) == 1, posts
    meta, text = front_matter(posts[0])
    assert meta["title"] == POST_TITLE and meta["date"] == dt.date(2026, 11, 28)
    assert meta["authors"] == ["tuan-lam"] and meta["categories"] == ["Thông báo"]
    assert meta["draft"] is False and "quán triệt [[kl-14#muc-2-4|mục 2.4]]." in text   # not escaped
    faq = project / "docs" / "hoi-dap" / f"{FAQ_ID}.md"
    meta, text = front_matter(faq)
    assert "Theo [[kl-14#muc-2-3|mục 2.3]]," in text
    assert meta == {"id": FAQ_ID, "question": QUESTION, "audience": ["can-bo"], "topic": "de-xuat",
                    "explains": ["kl-14#muc-2-3"], "reviewed": None}
    assert schema.validate(schema.FAQ, meta) == []

    # The strict build passes and publishes both.
    site = tmp_path / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert POST_TITLE in (site / "tin-tuc" / "index.html").read_text(encoding="utf-8")
    assert QUESTION in (site / "hoi-dap" / "index.html").read_text(encoding="utf-8")
    assert QUESTION in (site / "hoi-dap" / FAQ_ID / "index.html").read_text(encoding="utf-8")
    print(f"save to preview: {preview_seconds:.1f} s")
    (tmp_path / "timing.txt").write_text(f"{preview_seconds:.2f}\n")


def test_built_editor_page_loads_under_its_csp_without_other_hosts(browser, site_url):
    context = browser.new_context()
    requests, problems = [], []
    context.on("request", lambda r: requests.append(r.url))
    pg = context.new_page()
    pg.on("console", lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None)
    pg.goto(f"{site_url}/bien-tap/")
    pg.get_by_role("button", name="Đăng nhập").wait_for()
    site = urlparse(site_url)
    # A published build has no local proxy: its policy allows none, the page tries none.
    foreign = [u for u in requests if urlparse(u).netloc != site.netloc and not u.startswith(("data:", "blob:"))]
    assert not foreign, foreign
    assert not problems, problems
    policy = pg.locator("meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert "127.0.0.1" not in policy and "localhost" not in policy, policy
    context.close()


def login(context, base: str):
    pg = context.new_page()
    pg.goto(f"{base}/bien-tap/")
    pg.get_by_role("button", name="Đăng nhập").click()
    pg.get_by_text("Tin tức").first.wait_for()
    return pg


def open_entry(pg, base: str, collection: str, slug: str) -> None:
    pg.goto(f"{base}/bien-tap/#/collections/{collection}/entries/{slug}")
    pg.reload()
    pg.locator("label").first.wait_for()


def test_existing_files_round_trip_and_the_editor_keeps_what_it_cannot(browser, editing, tmp_path):
    """An existing document saved through the editor keeps every value of its
    front matter and its body; a file whose front matter has comments is not
    saved; the FAQ and body lists leave out the section pages; every date
    reads dd/mm/yyyy in an English browser."""
    project, base, _, _ = editing
    document = project / "docs" / "van-ban" / "kh-116.md"
    before, before_body = front_matter(document)
    noted = project / "docs" / "co-quan" / "so-noi-vu.md"
    noted.write_text(noted.read_text(encoding="utf-8").replace("level: tinh\n", "level: tinh\n# a note\n", 1),
                     encoding="utf-8")
    noted_text = noted.read_text(encoding="utf-8")
    context = browser.new_context(locale="en-US", timezone_id="America/New_York",
                                  viewport={"width": 1400, "height": 1000})
    pg = login(context, base)

    # The lists: every FAQ and body, no section page; posts dated dd/mm/yyyy.
    for collection, kind in (("hoi-dap", "hoi-dap"), ("co-quan", "co-quan")):
        pg.goto(f"{base}/bien-tap/#/collections/{collection}")
        links = pg.locator(f"a[href*='/collections/{collection}/entries/']")
        items = [p.stem for p in (project / "docs" / kind).glob("*.md") if p.stem != "index"]
        pg.locator(f"a[href$='/entries/{items[0]}']").first.wait_for()
        shown = [h.rsplit("/", 1)[-1] for h in links.evaluate_all(
            "ls => ls.filter(l => l.offsetParent !== null).map(l => l.getAttribute('href'))")]
        assert sorted(shown) == sorted(items), collection
    pg.goto(f"{base}/bien-tap/#/collections/tin-tuc")
    pg.get_by_text("(10/12/2022)").first.wait_for()

    # A document: its dates read dd/mm/yyyy; one date set, typed the short way.
    open_entry(pg, base, "van-ban", "kh-116")
    issued = pg.locator("input[id^='issued-field']")
    assert issued.input_value() == "27/04/2022"
    effective = pg.locator("input[id^='effective-field']")
    effective.fill("1/7/2022")
    effective.blur()
    assert effective.input_value() == "01/07/2022"
    publish(pg)
    after, after_body = front_matter(document)
    assert after == before | {"effective": "01/07/2022"}
    assert after_body.strip() == before_body.strip()
    # `make edit` rebuilds the preview from the saved file, as an editor sees
    # it; the form opens again once it has (a reload mid-rebuild may not).
    wait_http(f"{base}/van-ban/kh-116/", timeout=120, contains="01/07/2022")

    # A typed date that is no date cannot be saved.
    open_entry(pg, base, "van-ban", "kh-116")
    pg.locator("input[id^='issued-field']").fill("31/02/2022")
    pg.get_by_role("button", name="Công bố").first.click()
    pg.get_by_role("menuitem", name="Công bố ngay").click()
    pg.get_by_text("dd/mm/yyyy, ví dụ 28/11/2026").first.wait_for()
    assert front_matter(document)[0]["issued"] == "27/04/2022"

    # A file with front-matter comments: the editor refuses and says why.
    open_entry(pg, base, "co-quan", "so-noi-vu")
    pg.locator("input[id^='short_name-field']").fill("Sở Nội vụ Thanh Hóa")
    pg.get_by_role("button", name="Công bố").first.click()
    pg.get_by_role("menuitem", name="Công bố ngay").click()
    pg.get_by_text("trình biên tập không giữ được ghi chú").first.wait_for()
    assert noted.read_text(encoding="utf-8") == noted_text
    context.close()

    # The saved document builds (without the commented body file, restored).
    noted.write_text(noted_text.replace("# a note\n", ""), encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
