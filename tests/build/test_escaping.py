"""Editor-supplied text is escaped everywhere it lands: HTML, attributes,
head tags, search records, JSON, feeds. A copy of the site whose front
matter carries <script>, quotes and </script> in every text field builds,
and no page runs the injected code, with the CSP bypassed so escaping alone
is what is tested."""
from __future__ import annotations

import functools
import http.server
import json
import threading
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from conftest import _QuietHandler, copy_project, run_build
from tests.tools import pages

MARK = "KLX"  # a word to search for, next to the payload


def payload(field: str) -> str:
    # Breaks out of text, double- and single-quoted attributes, <script>
    # blocks and JSON strings if any of them is left unescaped.
    return (f'{MARK} {field} "><script>window.__pwned="{field}"</script>'
            f"'></title></textarea><img src=x onerror=\"window.__pwned='{field}'\"></script><script>alert(1)</script> &amp; \\\" }}")


def rewrite(path: Path, change) -> None:
    text = path.read_text(encoding="utf-8")
    _, head, body = text.split("---\n", 2)
    meta = yaml.safe_load(head)
    change(meta)
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n" + body,
                    encoding="utf-8")


def poison_document(meta: dict) -> None:
    meta["number"] = payload("number")
    meta["summary"] = payload("summary")
    meta["signer"] = {"name": payload("signer.name"), "title": payload("signer.title"),
                      "on_behalf": payload("signer.on_behalf")}
    meta["fields"] = [payload("fields")]
    meta["text"]["source"] = payload("text.source")
    meta["text"]["missing"] = [payload("text.missing")]
    meta["description"] = payload("description")
    # tasks[].what must quote the clause's text word for word, so it is
    # only as unsafe as the Markdown body, which is the editor's HTML anyway.


@pytest.fixture(scope="module")
def evil_site(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("evil") / "project")
    docs = project / "docs"
    for doc in ("kl-14", "kh-116"):
        rewrite(docs / "van-ban" / f"{doc}.md", poison_document)
    rewrite(docs / "co-quan" / "so-noi-vu.md",
            lambda m: m.update(name=payload("body.name"), short_name=payload("body.short_name"),
                               description=payload("body.description")))
    post = next((docs / "tin-tuc" / "posts").glob("*.md"))
    rewrite(post, lambda m: m.update(title=payload("post.title"), description=payload("post.description")))
    authors = docs / "tin-tuc" / ".authors.yml"
    data = yaml.safe_load(authors.read_text(encoding="utf-8"))
    for author in data["authors"].values():
        author.update(name=payload("author.name"), description=payload("author.description"))
    authors.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    (docs / "hoi-dap").mkdir(exist_ok=True)
    (docs / "hoi-dap" / "cau-hoi-thu.md").write_text(
        "---\n" + yaml.safe_dump({"id": "cau-hoi-thu", "title": payload("faq.title"),
                                  "description": payload("faq.description"),
                                  "question": payload("faq.question"), "audience": ["cong-dan"],
                                  "topic": "chung", "explains": ["kl-14#muc-2"], "reviewed": None},
                                 allow_unicode=True) +
        "---\n\nTrang thử cho kiểm tra thoát ký tự, xem [[kl-14#muc-2-4]].\n", encoding="utf-8")
    site = project / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


@pytest.fixture(scope="module")
def evil_url(evil_site):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(evil_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_payload_reaches_the_pages_as_text(evil_site):
    html = (evil_site / "van-ban" / "kl-14" / "index.html").read_text(encoding="utf-8")
    assert f"{MARK} summary" in html and f"{MARK} signer.name" in html
    raw = [p.relative_to(evil_site).as_posix() for p in evil_site.rglob("*.html")
           if any(raw in p.read_text(encoding="utf-8") for raw in ("<script>window.__pwned", "<img src=x"))]
    assert raw == []


def test_no_injected_script_runs_on_any_page(browser, evil_site, evil_url):
    context = browser.new_context(base_url=evil_url, bypass_csp=True)
    dialogs = []
    pg = context.new_page()
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    urls = list(pages.page_types(evil_site).values()) + ["/hoi-dap/cau-hoi-thu/", "/co-quan/"]
    assert "/van-ban/kl-14/" in urls
    for url in urls:
        pg.goto(url)
        pg.wait_for_load_state("networkidle")
        assert pg.evaluate("window.__pwned") is None, url
    # Search results show the poisoned titles and excerpts.
    pg.goto("/")
    pg.keyboard.press("/")
    pg.fill("[data-kl-search-input]", MARK)
    pg.wait_for_selector("[data-kl-search-results] li")
    assert "KLX" in pg.inner_text("[data-kl-search-results]")
    pg.wait_for_timeout(300)   # let any injected onerror fire before checking
    assert pg.evaluate("window.__pwned") is None
    assert dialogs == []
    context.close()


def test_json_and_feeds_carry_the_text_intact(evil_site):
    doc = json.loads((evil_site / "api/v1/van-ban/kl-14.json").read_text(encoding="utf-8"))
    assert doc["metadata"]["summary"] == payload("summary")
    faqs = json.loads((evil_site / "api/v1/hoi-dap.json").read_text(encoding="utf-8"))["faqs"]
    assert payload("faq.question") in [f["metadata"]["question"] for f in faqs]
    feeds = sorted(evil_site.glob("*.rss.xml")) + sorted(evil_site.glob("*.atom.xml"))
    assert len(feeds) == 4
    for feed in feeds:
        ET.parse(feed)   # well-formed: every payload escaped
    assert any(payload("post.title") in "".join(ET.parse(f).getroot().itertext()) for f in feeds)
