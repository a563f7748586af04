"""Search through a real Chromium against the built site, as readers use it."""
from __future__ import annotations

import functools
import http.server
import shutil
import threading
import unicodedata

import pytest

from conftest import ROOT, _QuietHandler, copy_project, run_build
from hooks.search import store as search_store
from hooks.search import text as search_text
from tests.browser.test_readers_browser import lands_on
from tests.tools.arrival import arrived
from tests.tools.search_ui import arrive, first_result, open_search_as_a_person

POST = "/tin-tuc/2022/12/10/thanh-hoa-trien-khai-ket-luan-14/"

# (query as a reader types it, the first result expected). With and without
# diacritics, đ typed as d, document numbers as people type them, bodies,
# and questions in citizens' words.
QUERIES = [
    # A citizen typing a whole question finds its answer (hỏi đáp) first.
    ("ai quyet dinh cho lam thi diem va phai tra loi trong bao lau", "/hoi-dap/ai-quyet-dinh-cho-thi-diem/"),
    ("Ai quyết định cho làm thí điểm, và phải trả lời trong bao lâu?", "/hoi-dap/ai-quyet-dinh-cho-thi-diem/"),
    ("14-KL/TW", "/van-ban/kl-14/"),
    ("14 KL TW", "/van-ban/kl-14/"),
    ("kl 14", "/van-ban/kl-14/"),
    ("kết luận 14", "/van-ban/kl-14/"),
    ("ket luan 14", "/van-ban/kl-14/"),
    ("116/KH-UBND", "/van-ban/kh-116/"),
    ("kh 116", "/van-ban/kh-116/"),
    ("ke hoach 116", "/van-ban/kh-116/"),
    ("73/2023/NĐ-CP", "/van-ban/nd-73/"),
    ("73/2023/ND-CP", "/van-ban/nd-73/"),
    ("nd 73", "/van-ban/nd-73/"),
    ("nghi dinh 73", "/van-ban/nd-73/"),
    ("26-CTr/TU", "/van-ban/ctr-26/"),
    ("ctr 26", "/van-ban/ctr-26/"),
    ("chuong trinh hanh dong 26", "/van-ban/ctr-26/"),
    ("Sở Nội vụ", "/co-quan/so-noi-vu/"),
    ("so noi vu", "/co-quan/so-noi-vu/"),
    ("ban to chuc trung uong", "/co-quan/ban-to-chuc-trung-uong/"),
    ("Bộ Chính trị", "/co-quan/bo-chinh-tri/"),
    ("bo chinh tri", "/co-quan/bo-chinh-tri/"),
    ("ban thuong vu tinh uy", "/co-quan/ban-thuong-vu-tinh-uy/"),
    ("được xem xét miễn hoặc giảm nhẹ trách nhiệm", "/van-ban/kl-14/#muc-2-4-doan-2"),
    ("duoc xem xet mien hoac giam nhe trach nhiem", "/van-ban/kl-14/#muc-2-4-doan-2"),
    ("thi diem khong dat co duoc mien trach nhiem khong", "/van-ban/kl-14/#muc-2-4-doan-2"),
    ("thí điểm gặp rủi ro thiệt hại thì sao", "/van-ban/kl-14/#muc-2-4-doan-2"),
    ("lợi dụng chủ trương để bao che vụ lợi", "/van-ban/kl-14/#muc-2-4-doan-3"),
    ("loi dung chu truong bao che vu loi", "/van-ban/kl-14/#muc-2-4-doan-3"),
    ("đề xuất đổi mới phải báo cáo người đứng đầu", "/van-ban/kl-14/#muc-2-3"),
    ("de xuat doi moi bao cao nguoi dung dau", "/van-ban/kl-14/#muc-2-3"),
    ("khen thuong xung dang", "/van-ban/kl-14/#muc-2-5"),
    ("điểm nghẽn nút thắt", "/van-ban/kl-14/#muc-2-2"),
    ("diem nghen nut that", "/van-ban/kl-14/#muc-2-2"),
    ("Mác - Lênin", "/van-ban/kl-14/#muc-2"),
    ("mac lenin", "/van-ban/kl-14/#muc-2"),
    ("35 nam doi moi", "/van-ban/kl-14/#muc-1"),
    # A sentence pasted from elsewhere (more words than the engine reads) finds its clause.
    ("Định kỳ sơ kết, tổng kết, đẩy mạnh tuyên truyền, nhân rộng những mô hình, giải pháp thí điểm, đổi mới, "
     "sáng tạo có hiệu quả; kịp thời xem xét, nghiên cứu để thể chế hóa thành quy định pháp luật, tạo cơ sở "
     "pháp lý để nhân rộng các mô hình, giải pháp đó.", "/van-ban/kl-14/#muc-2-5"),
    ("dong thuan trong xa hoi", "/van-ban/kl-14/#muc-2-1"),
    ("lá chắn để bảo vệ họ", POST),
    ("la chan bao ve ho", POST),
    ("thanh hoa trien khai thuc hien ket luan", POST),
    # A document whose full title holds the words comes before the pages that mention it (issue 13).
    ("can bo nang dong", "/van-ban/kl-14/"),
    ("cán bộ năng động, sáng tạo vì lợi ích chung", "/van-ban/kl-14/"),
    # A clause's number finds the clause itself before its paragraphs.
    ("2.4", "/van-ban/kl-14/#muc-2-4"),
    ("muc 2.4", "/van-ban/kl-14/#muc-2-4"),
]

# Editors' pages and the site's furniture are not readers' results (issue 13).
NOT_FOR_READERS = ("/huong-dan/", "/du-lieu-mo/")


@pytest.fixture()
def page(browser, site_url):
    context = browser.new_context(base_url=site_url)
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    pg = context.new_page()
    pg.requests = requests
    pg.goto("/")
    pg.wait_for_load_state("networkidle")
    yield pg
    context.close()


def search(pg, query: str) -> list[tuple[str, str]]:
    """Type a query into the search box; the results shown, (path, title)."""
    if not pg.evaluate("document.getElementById('__search').checked"):
        pg.keyboard.press("/")
    box = pg.locator("[data-kl-search-input]")
    box.fill("")
    pg.wait_for_function("() => !document.querySelector('[data-kl-search-results]').children.length")
    box.fill(query)
    # The meta line reports a count (or none) once results for this query are in.
    pg.wait_for_function("""q => {
        const meta = document.querySelector('[data-kl-search-meta]').textContent;
        return document.querySelector('[data-kl-search-input]').value === q && /kết quả/.test(meta);
    }""", arg=query)
    return [tuple(r) for r in pg.eval_on_selector_all("[data-kl-search-results] a", """els => els.map(e =>
        [new URL(e.href).pathname + new URL(e.href).hash, e.querySelector('h1').textContent])""")]


def count(pg) -> int:
    meta = pg.inner_text("[data-kl-search-meta]")
    return 0 if meta.startswith("Không") else int(meta.split()[0])


@pytest.fixture(scope="module")
def table_page(browser, site_url):
    """One page for the whole table, as a reader searching again and again."""
    context = browser.new_context(base_url=site_url)
    pg = context.new_page()
    pg.goto("/")
    yield pg
    context.close()


@pytest.mark.parametrize("query,expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_query_table_first_result(table_page, query, expected):
    results = search(table_page, query)
    assert results, f"{query!r} found nothing"
    assert results[0][0] == expected, results[:3]


@pytest.mark.parametrize("query", ["thi diem", "điều 2.4", "can bo nang dong", "dieu khoan", "make serve"])
def test_editors_pages_are_not_in_readers_search(table_page, query):
    results = search(table_page, query)
    assert not [u for u, _ in results if u.startswith(NOT_FOR_READERS) or u.split("#")[0] == "/"], results


def test_thi_diem_shows_its_faq_among_the_first_results(table_page):
    # Issue 13: guide pages came first and "Thí điểm là gì" was not in the top 8.
    assert "/hoi-dap/thi-diem-la-gi/" in [u for u, _ in search(table_page, "thi diem")[:8]]


def test_query_table_is_big_enough():
    assert len(QUERIES) >= 30
    assert sum(1 for q, _ in QUERIES if q == search_text.fold(q)) >= 15     # typed without diacritics


def test_diacritics_make_no_difference(page):
    for with_marks, without in [("cán bộ năng động", "can bo nang dong"), ("Đại hội đại biểu", "dai hoi dai bieu"),
                                ("đổi mới sáng tạo", "doi moi sang tao"), ("Điều", "dieu")]:
        folded = search(page, without)
        folded_count = count(page)
        exact = search(page, with_marks)
        assert folded and exact, without
        # Typed without marks, at least as much is found, and the best match is the same.
        assert folded_count >= count(page), (with_marks, without)
        assert exact[0] == folded[0], (with_marks, without)
    nfd = search(page, unicodedata.normalize("NFD", "cán bộ năng động"))
    assert nfd == search(page, "cán bộ năng động")
    assert search(page, "luật,") == search(page, "luật")


def test_results_land_on_the_clause_with_a_title_naming_it(page):
    results = search(page, "mien giam nhe trach nhiem")
    assert ("/van-ban/kl-14/#muc-2-4-doan-2", "Đoạn 2 mục 2.4 · Kết luận 14-KL/TW") in results
    excerpt = page.locator("[data-kl-search-results] li").first.locator("p").inner_html()
    assert "<mark>miễn</mark>" in excerpt and "<mark>trách</mark>" in excerpt
    page.locator("[data-kl-search-results] a").first.click()
    arrived(page, "**/van-ban/kl-14/#muc-2-4-doan-2")
    assert not page.evaluate("document.getElementById('__search').checked")
    # The words searched for are marked in that clause, and the address stays its permanent link.
    marks = page.locator("[data-clause='muc-2-4-doan-2'] mark.kl-hit")
    marks.first.wait_for()
    assert {"miễn", "giảm", "nhẹ", "trách", "nhiệm"} <= set(marks.all_inner_texts())
    assert page.locator("[data-clause='muc-2-4-doan-1'] mark.kl-hit").count() == 0
    assert page.evaluate("location.search") == ""
    page.reload()
    assert page.locator("mark.kl-hit").count() == 0       # once, not on every later visit


def test_a_long_list_shows_more_on_request(page):
    shown = search(page, "can bo")
    total = count(page)
    assert total > 20 and len(shown) == 20
    more = page.locator("[data-kl-search-more]")
    assert more.is_visible() and more.inner_text() == f"Xem thêm {min(total - 20, 20)} kết quả"
    more.click()
    page.wait_for_function("() => document.querySelectorAll('[data-kl-search-results] a').length > 20")
    links = page.eval_on_selector_all("[data-kl-search-results] a", "els => els.map(e => e.href)")
    assert len(links) == min(total, 40) and len(set(links)) == len(links)
    # Focus moves to the first new result, so the keyboard carries on from there.
    assert page.evaluate("document.activeElement.href") == links[20]
    assert more.is_visible() == (total > 40)
    # A short list has no button.
    search(page, "Mác - Lênin")
    assert count(page) <= 20 and not more.is_visible()


def test_keyboard_open_arrows_enter_escape(page):
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('[data-kl-search-input]')")
    page.keyboard.type("nd 73")
    page.wait_for_function("() => document.querySelectorAll('[data-kl-search-results] a').length > 1")
    page.keyboard.press("ArrowDown")
    first = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("ArrowDown")
    second = page.evaluate("document.activeElement.getAttribute('href')")
    assert first.endswith("/van-ban/nd-73/") and second != first
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.getAttribute('href')") == first
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('[data-kl-search-input]')")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    # "s" opens it again; Enter in the box goes to the first result.
    page.keyboard.press("s")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Control+a")
    page.keyboard.type("kh 116")
    page.wait_for_function("() => (document.querySelector('[data-kl-search-results] a') || {}).href"
                           " && document.querySelector('[data-kl-search-results] a').href.endsWith('/van-ban/kh-116/')")
    page.keyboard.press("Enter")
    arrived(page, "**/van-ban/kh-116/")


def test_phone_viewport(browser, site_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True, base_url=site_url)
    pg = context.new_page()
    pg.goto("/van-ban/kl-14/")
    # From here, the widest the page is laid out, on every frame.
    pg.evaluate("""window.klWidest = 0;
        (function frame() { klWidest = Math.max(klWidest, innerWidth); requestAnimationFrame(frame); })();""")
    open_search_as_a_person(pg, "phone")
    pg.keyboard.type("dong thuan xa hoi")
    link = pg.locator("[data-kl-search-results] a").first
    link.wait_for(state="visible")
    assert link.get_attribute("href").endswith("/van-ban/kl-14/#muc-2-1")
    # The box slides in; it must end inside the screen. (Polled from Python:
    # the page's CSP forbids the eval that wait_for_function would need.)
    fits = "document.querySelector('.md-search__inner').getBoundingClientRect().right" \
           " <= document.documentElement.clientWidth"
    for _ in range(50):
        if pg.evaluate(fits):
            break
        pg.wait_for_timeout(100)
    assert pg.evaluate(fits)
    # The page kept the screen's width as search opened: a phone's browser
    # widens it (and the box with it) to hold what reaches past its sides.
    assert pg.evaluate("klWidest") == 360
    link.tap()
    arrived(pg, "**/van-ban/kl-14/#muc-2-1")
    context.close()


def test_desktop_click_in_the_box_type_and_enter(browser, site_url):
    """As a reader at a desktop: no "/" pressed, a mouse click in the box
    (issue 13: results showed only after "/")."""
    context = browser.new_context(viewport={"width": 1366, "height": 900}, base_url=site_url)
    pg = context.new_page()
    pg.goto("/")
    pg.locator("[data-kl-search-input]").click()
    pg.keyboard.type("thi diem")
    link = first_result(pg)
    assert "thí điểm" in link.inner_text().lower()
    href = link.get_attribute("href")
    pg.keyboard.press("Enter")
    arrive(pg, href)
    assert not pg.evaluate("document.getElementById('__search').checked")
    # Reached by Material's navigation, which keeps the header: the box starts empty.
    assert pg.input_value("[data-kl-search-input]") == ""
    # The magnifier at the box's left edge opens search too.
    icon = pg.locator(".md-search__form label.md-search__icon").bounding_box()
    pg.mouse.click(icon["x"] + icon["width"] / 2, icon["y"] + icon["height"] / 2)
    pg.keyboard.type("kh 116")
    assert first_result(pg).get_attribute("href").endswith("/van-ban/kh-116/")
    # Closed by a click beside it, it opens again on focus alone (Tab, say).
    pg.mouse.click(5, 600)
    assert not pg.evaluate("document.getElementById('__search').checked")
    pg.locator("[data-kl-search-input]").focus()
    assert pg.evaluate("document.getElementById('__search').checked")
    # Enter pressed while the results load opens the first of them, not the
    # first of the last query's (kh 116) still on screen. Index files are
    # held back until then.
    held, before = [], pg.url
    pg.route("**/assets/tim-kiem/**", lambda route: held.append(route) if held is not None else route.continue_())
    pg.keyboard.press("Control+a")
    pg.keyboard.type("nd 73")
    pg.keyboard.press("Enter")
    pg.wait_for_timeout(300)
    assert held, "nd 73 needs index files not loaded yet, or this checks nothing"
    assert pg.url == before
    waiting, held = held, None
    for route in waiting:
        route.continue_()
    arrived(pg, "**/van-ban/nd-73/")
    context.close()


def test_phone_tap_magnifier_and_box(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=3,
                                  is_mobile=True, has_touch=True, base_url=site_url)
    pg = context.new_page()
    pg.goto("/")
    open_search_as_a_person(pg, "phone")
    pg.locator("[data-kl-search-input]").tap()
    pg.keyboard.type("thi diem")
    href = first_result(pg).get_attribute("href")
    pg.keyboard.press("Enter")
    arrived(pg, href)
    context.close()


def test_search_text_is_vietnamese(page):
    assert page.get_attribute("[data-kl-search-input]", "placeholder") == "Tìm văn bản, điều khoản, số hiệu"
    search(page, "zzzzqqq")
    assert page.inner_text("[data-kl-search-meta]") == "Không tìm thấy kết quả phù hợp"
    assert page.locator("[data-kl-search-results] li").count() == 0
    search(page, "kh 116")
    assert page.inner_text("[data-kl-search-meta]").endswith("kết quả phù hợp")


def test_search_requests_only_local_files_and_never_lunr_index(page, site_url):
    search(page, "can bo")
    foreign = [u for u in page.requests if not u.startswith(site_url) and not u.startswith("data:")]
    assert not foreign, foreign
    assert not [u for u in page.requests if "search_index" in u or "workers/search" in u]
    index = [u for u in page.requests if "/assets/tim-kiem/" in u]
    assert any("/assets/tim-kiem/t/" in u for u in index) and any("/assets/tim-kiem/r/" in u for u in index)
    # Every index file is asked for with this build's version: no cache mixes two builds.
    version = page.get_attribute("[data-kl-search]", "data-kl-search-version")
    assert version and all(u.endswith(f".js?v={version}") for u in index), index


# Folding rule, same in JS (browser) and Python (build).
VIETNAMESE = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
FOLD_INPUTS = (
    [unicodedata.normalize("NFC", v + t) for v in VIETNAMESE + VIETNAMESE.upper() for t in TONES]
    + ["đ", "Đ", "Điều 5, khoản 2.", "“Kết luận” số 14-KL/TW;", "73/2023/NĐ-CP", "ĐẢNG CỘNG SẢN",
       unicodedata.normalize("NFD", "Đổi mới, sáng tạo!"), "cán\u00a0bộ—năng…động", "Thanh Hoá / Thanh Hóa",
       "  nhiều   khoảng trắng  ", "Nghị quyết Đại hội XIII", "", "123abc"]
)


def test_js_and_python_fold_tokens_and_hash_agree(page):
    js = page.evaluate("xs => xs.map(x => [klFold(x), klTokens(x), klHash(x)])", FOLD_INPUTS)
    py = [[search_text.fold(x), search_text.tokens(x), search_store.fnv1a(x)] for x in FOLD_INPUTS]
    assert js == py
    assert search_text.fold("Ỵ") == "y" and search_text.fold("Đ") == "d"


def test_word_being_typed_is_completed(page):
    # "xun…" is no word of the index: its commonest completions ("xung") stand in.
    assert search(page, "khen thuong xun")[0][0] == "/van-ban/kl-14/#muc-2-5"
    # A finished word is taken as typed: "xun " is no word, so no record holds them all.
    assert search(page, "khen thuong xun ") != search(page, "khen thuong xun")


@pytest.fixture(scope="module")
def fixture_site_url(tmp_path_factory):
    """A copy of the site with one test-only page holding 'cán' and 'cân'."""
    project = copy_project(tmp_path_factory.mktemp("search-project"))
    shutil.copy2(ROOT / "tests/fixtures/search/thu-nghiem-tim-kiem.md", project / "docs/thu-nghiem-tim-kiem.md")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_exact_diacritics_rank_first(browser, fixture_site_url):
    context = browser.new_context(base_url=fixture_site_url)
    pg = context.new_page()
    pg.goto("/thu-nghiem-tim-kiem/")
    fixture = {q: [u for u, _ in search(pg, q) if u.startswith("/thu-nghiem-tim-kiem/#")]
               for q in ("cán", "cân", "can")}
    assert fixture["cán"][0] == "/thu-nghiem-tim-kiem/#can-bo"
    assert fixture["cân"][0] == "/thu-nghiem-tim-kiem/#can-nhac"
    # Without marks both are found, and each with its marks comes first above.
    assert set(fixture["can"]) >= {"/thu-nghiem-tim-kiem/#can-bo", "/thu-nghiem-tim-kiem/#can-nhac"}
    context.close()


# -- what a result is, and the filter by kind (issue 13) ----------------------------

SIZES = {"phone": dict(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True),
         "desktop": dict(viewport={"width": 1366, "height": 900})}
LABELS = {"Văn bản", "Điều khoản", "Đoạn trích", "Hỏi đáp", "Tin", "Cơ quan", "Trang"}


def press(pg, size: str, locator) -> None:
    if size == "phone":
        locator.tap()
    else:
        locator.click()


def until(pg, expression: str) -> None:
    """Polled from Python, as first_result does (an upper bound for a loaded machine)."""
    for _ in range(150):
        if pg.evaluate(expression):
            return
        pg.wait_for_timeout(100)
    raise AssertionError(expression)


def settled(pg) -> None:
    """The results of what is typed are on screen."""
    until(pg, "!document.querySelector('[data-kl-search-results]').hasAttribute('aria-busy')"
              " && /kết quả/.test(document.querySelector('[data-kl-search-meta]').textContent)")


def chosen(pg, kind: str) -> None:
    """The kind's button is pressed and its results are on screen."""
    until(pg, f"document.querySelector(\"[data-kl-search-kinds] [data-kl-kind='{kind}']\")"
              "?.getAttribute('aria-pressed') === 'true'"
              " && !document.querySelector('[data-kl-search-results]').hasAttribute('aria-busy')")


def shown(pg) -> list[tuple[str, str]]:
    """(path, kind label) of each result on screen."""
    return [tuple(r) for r in pg.eval_on_selector_all("[data-kl-search-results] a", """els => els.map(e =>
        [new URL(e.href).pathname + new URL(e.href).hash, e.querySelector('.kl-search-kind').textContent])""")]


def typed_from_home(browser, site_url, size: str, query: str):
    """A fresh reader at `size` on the home page opens search as a person
    does and types `query`; their context and page."""
    context = browser.new_context(base_url=site_url, **SIZES[size])
    pg = context.new_page()
    pg.goto("/")
    open_search_as_a_person(pg, size)
    pg.keyboard.type(query)
    return context, pg


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_official_types_2_4_and_opens_the_clause_labelled_as_one(browser, site_url, size):
    context, pg = typed_from_home(browser, site_url, size, "2.4")
    link = first_result(pg)
    assert link.get_attribute("href").endswith("/van-ban/kl-14/#muc-2-4")
    assert link.locator(".kl-search-kind").inner_text().lower() == "điều khoản"
    assert link.locator(".kl-search-kind").is_visible()
    press(pg, size, link)
    arrived(pg, "**/van-ban/kl-14/#muc-2-4")
    context.close()


def test_phone_result_on_another_page_lands_on_its_clause(browser, site_url):
    """A reader on a phone, down the home page, opens search, reads the
    results a moment (Material then fixes the page in place under search,
    `data-md-scrolllock`) and taps a clause on another page: the clause is
    on screen."""
    context = browser.new_context(base_url=site_url, **SIZES["phone"])
    pg = context.new_page()
    pg.goto("/")
    pg.evaluate("scrollTo(0, 400)")
    open_search_as_a_person(pg, "phone")
    pg.keyboard.type("2.4")
    link = first_result(pg)
    until(pg, "document.body.hasAttribute('data-md-scrolllock')")
    assert link.get_attribute("href").endswith("/van-ban/kl-14/#muc-2-4")
    press(pg, "phone", link)
    arrived(pg, "**/van-ban/kl-14/#muc-2-4")
    lands_on(pg, "#muc-2-4")
    context.close()


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_results_say_what_they_are_and_filter_by_kind(browser, site_url, size):
    context, pg = typed_from_home(browser, site_url, size, "thi diem")
    settled(pg)
    results = shown(pg)
    assert {label for _, label in results} <= LABELS
    # Each result's label is its kind: clauses and documents live under /van-ban/, answers under /hoi-dap/.
    for url, label in results:
        if label == "Hỏi đáp":
            assert url.startswith("/hoi-dap/"), (url, label)
        if label == "Điều khoản":
            assert url.startswith("/van-ban/") and "#" in url, (url, label)
    buttons = pg.locator("[data-kl-search-kinds] button")
    names = buttons.all_inner_texts()
    assert names[0].startswith("Tất cả") and {n.rsplit(" ", 1)[0] for n in names[1:]} >= {"Điều khoản", "Hỏi đáp"}
    total = int(names[0].rsplit(" ", 1)[1])
    assert total == count(pg) and sum(int(n.rsplit(" ", 1)[1]) for n in names[1:]) == total
    assert pg.get_attribute("[data-kl-search-kinds] [data-kl-kind='']", "aria-pressed") == "true"
    # Touch targets of at least 44 px.
    assert min(b["height"] for b in (buttons.nth(i).bounding_box() for i in range(buttons.count()))) >= 44
    # Choosing "Hỏi đáp" leaves its answers only, as many as the button said.
    faq = pg.locator("[data-kl-search-kinds] [data-kl-kind='faq']")
    expected = int(faq.inner_text().rsplit(" ", 1)[1])
    press(pg, size, faq)
    chosen(pg, "faq")
    answers = shown(pg)
    assert answers and all(label == "Hỏi đáp" and url.startswith("/hoi-dap/") for url, label in answers)
    assert len(answers) == min(expected, 20) and count(pg) == expected
    assert "/hoi-dap/thi-diem-la-gi/" in [u for u, _ in answers]
    # The choice holds while the reader refines the query, and "Tất cả" brings back every kind.
    box = pg.locator("[data-kl-search-input]")
    press(pg, size, box)
    pg.keyboard.type(" la gi")
    settled(pg)
    assert {label for _, label in shown(pg)} == {"Hỏi đáp"}
    for _ in " la gi":
        pg.keyboard.press("Backspace")
    settled(pg)
    press(pg, size, pg.locator("[data-kl-search-kinds] [data-kl-kind='']"))
    chosen(pg, "")
    assert len({label for _, label in shown(pg)}) > 1
    context.close()


def test_the_box_shows_one_clear_button(page):
    page.keyboard.press("/")
    page.keyboard.type("kh 116")
    # Chromium's own clear button of a search field is hidden; Material's reset stays.
    # (getComputedStyle does not reach that pseudo-element: the rule that
    # applies to the box is read from the page's style sheets instead.)
    hidden = page.evaluate("""() => { const box = document.querySelector('[data-kl-search-input]');
        return [...document.styleSheets].flatMap(s => [...s.cssRules]).some(r => r.selectorText &&
            r.selectorText.split(',').some(sel => sel.includes('::-webkit-search-cancel-button') &&
                box.matches(sel.replace('::-webkit-search-cancel-button', '').trim())) &&
            r.style.display === 'none'); }""")
    assert hidden
    assert page.locator(".md-search__options button[type=reset]").is_visible()
