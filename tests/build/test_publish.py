"""Publishing workflow: news citations, drafts, feeds, sharing tags, dates,
change logs, scaffolding; real builds of copied projects (the plain modules:
tests/unit/test_publishing.py)."""
from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest

from conftest import ROOT, copy_project, run_build
from hooks.publish import social
from tests.tools.project import POST

SITE_URL = "http://127.0.0.1:8000/"


# -- the real site ---------------------------------------------------------

def html_pages(site: Path) -> list[Path]:
    # The readers' pages: not the 404 page, nor the web editor (/bien-tap/, no MkDocs page).
    return [p for p in site.rglob("*.html") if p.name != "404.html" and p.parent.name != "bien-tap"]


def meta(html: str, key: str) -> str | None:
    m = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)"', html)
    return m.group(1) if m else None


def test_every_page_has_absolute_open_graph_and_twitter_tags(built_site):
    pages = html_pages(built_site)
    assert len(pages) > 15
    for page in pages:
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(built_site).parent.as_posix()
        url = SITE_URL + ("" if rel == "." else rel + "/")
        assert meta(html, "og:url") == url, page
        assert meta(html, "og:title") and meta(html, "og:description"), page
        assert meta(html, "twitter:card") == "summary_large_image"
        for key in ("og:image", "twitter:image"):
            assert meta(html, key) == SITE_URL + social.IMAGE, page
    assert (built_site / social.IMAGE).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    kl = (built_site / "van-ban/kl-14/index.html").read_text(encoding="utf-8")
    assert meta(kl, "og:title") == "Kết luận số 14-KL/TW" and meta(kl, "og:type") == "article"


def test_every_page_links_its_feeds_and_shows_last_update(built_site):
    for page in html_pages(built_site):
        html = page.read_text(encoding="utf-8")
        hrefs = re.findall(r'<link rel="alternate feed" type="application/(?:rss|atom)\+xml" title="[^"]+" href="([^"]+)"', html)
        assert len(hrefs) == 4, page
        for href in hrefs:
            assert (page.parent / href).resolve().is_file(), (page, href)
        assert re.search(r"Cập nhật lần cuối: <time datetime=\"\d{4}-\d{2}-\d{2}\">\d{2}/\d{2}/\d{4}</time>", html), page
        assert "sharer.php?u=http%3A%2F%2F127.0.0.1%3A8000%2F" in html and 'class="kl-share__link kl-copy-link"' in html


@pytest.mark.parametrize("key", ["tin-tuc", "van-ban"])
def test_feeds_parse_with_required_elements(built_site, key):
    for kind in ("rss", "atom"):
        parsed = feedparser.parse((built_site / f"{key}.{kind}.xml").read_bytes())
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.version == ("rss20" if kind == "rss" else "atom10")
        assert parsed.feed.title and parsed.feed.link.startswith(SITE_URL) and parsed.feed.language.startswith("vi")
        assert parsed.entries
        for entry in parsed.entries:
            assert entry.title and entry.link.startswith(SITE_URL) and entry.id and entry.published_parsed
    if key == "tin-tuc":
        # The known post, wherever newer posts put it in the feed.
        entries = feedparser.parse((built_site / "tin-tuc.rss.xml").read_bytes()).entries
        entry = next(e for e in entries if e.link == SITE_URL + "tin-tuc/2022/12/10/thanh-hoa-trien-khai-ket-luan-14/")
        assert entry.author == "Tuấn Lâm"
        dates = [e.published_parsed for e in entries]
        assert dates == sorted(dates, reverse=True)   # newest first


def test_existing_post_cites_the_three_documents(built_site):
    post = (built_site / "tin-tuc/2022/12/10/thanh-hoa-trien-khai-ket-luan-14/index.html").read_text(encoding="utf-8")
    cites = re.search(r'<section class="kl-cites".*?</section>', post, re.S).group(0)
    assert re.findall(r'href="\.\./\.\./\.\./\.\./\.\./van-ban/([a-z0-9-]+)/"', cites) == ["kh-116", "ctr-26", "kl-14"]
    for doc in ("kl-14", "ctr-26", "kh-116"):
        html = (built_site / f"van-ban/{doc}/index.html").read_text(encoding="utf-8")
        backlinks = html[html.index('id="lien-ket-den"'):]
        assert "Tin liên quan" in backlinks and "thanh-hoa-trien-khai-ket-luan-14/" in backlinks
    assert "Tin liên quan" not in (built_site / "van-ban/nd-73/index.html").read_text(encoding="utf-8")


# -- a copied project with new posts, a draft and git history ---------------

DRAFT = """---
title: "Bản nháp chưa đăng XYZ"
date: 2024-03-06
authors:
  - tuan-lam
categories:
  - Thông báo
draft: true
---

# Bản nháp chưa đăng XYZ

Nhắc đến [mục 2.5](../../van-ban/kl-14.md#muc-2-5).
"""


def git(project: Path, *args: str, when: str | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="Biên tập", GIT_AUTHOR_EMAIL="bt@kl14.invalid",
               GIT_COMMITTER_NAME="Biên tập", GIT_COMMITTER_EMAIL="bt@kl14.invalid")
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    subprocess.run(["git", "-C", str(project), *args], check=True, capture_output=True, env=env)


@pytest.fixture(scope="module")
def news_site(tmp_path_factory):
    base = tmp_path_factory.mktemp("news")
    project = copy_project(base / "project")
    posts = project / "docs/tin-tuc/posts"
    (posts / "2024-03-05-hoi-nghi.md").write_text(POST, encoding="utf-8")
    (posts / "2024-03-06-nhap.md").write_text(DRAFT, encoding="utf-8")
    for i in range(1, 11):  # enough posts for a second page of the news list
        (posts / f"2024-02-{i:02d}-tin-{i}.md").write_text(
            f"---\ntitle: \"Tin số {i}\"\ndate: 2024-02-{i:02d}\nauthors:\n  - tuan-lam\n"
            f"categories:\n  - Phổ biến pháp luật\n---\n\n# Tin số {i}\n\nNội dung.\n", encoding="utf-8")
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-qm", "Thêm văn bản và tin tức", when="2024-03-05T10:00:00+07:00")
    kl = project / "docs/van-ban/kl-14.md"
    kl.write_text(kl.read_text(encoding="utf-8").replace("## Nội dung", "## Nội dung\n"), encoding="utf-8")
    git(project, "commit", "-qam", "Fix blank line", when="2024-04-01T23:30:00+00:00")
    site = base / "site"
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    return site


def read(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_post_citing_a_clause_appears_on_the_document_and_in_feeds(news_site):
    kl = read(news_site, "van-ban/kl-14/index.html")
    # muc-2-4 has no text of its own: its tools and links follow its paragraphs.
    start = kl.index('<div class="kl-clause__tools"><button type="button" class="kl-cite" data-cite="Mục 2.4 ')
    clause = kl[start:kl.index("</details>", start)]
    news_list = clause[clause.index("Tin liên quan"):]
    assert "Hội nghị quán triệt mục 2.4" in news_list and "05/03/2024" in news_list
    assert 'href="../../tin-tuc/2024/03/05/hoi-nghi-quan-triet-muc-2-4/"' in news_list
    post = read(news_site, "tin-tuc/2024/03/05/hoi-nghi-quan-triet-muc-2-4/index.html")
    assert "Mục 2.4 — Kết luận số 14-KL/TW" in post and "van-ban/kl-14/#muc-2-4" in post
    # The site's own posts, as editors add them, plus the 11 published here (the draft is not).
    own = sum(1 for p in (ROOT / "docs/tin-tuc/posts").glob("*.md")
              if "draft: true" not in p.read_text(encoding="utf-8"))
    for kind in ("rss", "atom"):
        parsed = feedparser.parse((news_site / f"tin-tuc.{kind}.xml").read_bytes())
        titles = [e.title for e in parsed.entries]
        assert "Hội nghị quán triệt mục 2.4" in titles and len(titles) == own + 11
        dates = [e.published_parsed for e in parsed.entries]
        assert dates == sorted(dates, reverse=True)


def test_draft_never_publishes(news_site):
    leaks = [p for p in news_site.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".json")
             and "Bản nháp chưa đăng XYZ" in p.read_text(encoding="utf-8", errors="replace")]
    assert not leaks, leaks
    assert not (news_site / "tin-tuc/2024/03/06").exists()


def test_pagination_archive_categories_and_authors(news_site):
    assert (news_site / "tin-tuc/page/2/index.html").is_file()
    archive = read(news_site, "tin-tuc/archive/2024/03/index.html")
    assert "Tháng 03/2024" in archive and "Hội nghị quán triệt mục 2.4" in archive
    assert (news_site / "tin-tuc/archive/2024/02/index.html").is_file()
    assert "Hội nghị quán triệt" in read(news_site, "tin-tuc/category/thong-bao/index.html")
    assert "Tuấn Lâm" in read(news_site, "tin-tuc/author/tuan-lam/index.html")


def test_last_update_and_change_log_come_from_git(news_site):
    kl = read(news_site, "van-ban/kl-14/index.html")
    # 01/04/2024 23:30 UTC is 02/04/2024 in Vietnam; the English subject is not shown.
    assert 'Cập nhật lần cuối: <time datetime="2024-04-02">02/04/2024</time></p>' in kl
    changes = re.search(r'<details class="kl-changes">.*?</details>', kl, re.S).group(0)
    assert re.findall(r"<li><time datetime=\"[0-9-]+\">([^<]+)</time>: ([^<]+)</li>", changes) == [
        ("02/04/2024", "Cập nhật nội dung (thêm 1 dòng)"), ("05/03/2024", "Thêm văn bản và tin tức")]
    assert "Fix blank line" not in kl
    assert '<time datetime="2024-03-05">05/03/2024</time></p>' in read(news_site, "co-quan/so-noi-vu/index.html")
    changes_feed = feedparser.parse((news_site / "van-ban.atom.xml").read_bytes())
    assert "Kết luận số 14-KL/TW: Cập nhật nội dung (thêm 1 dòng)" in [e.title for e in changes_feed.entries]


# Front matter of a post is checked where the blog's authors and categories
# are known, so only a real build sees it (citations in posts:
# tests/unit/test_bad_input.py).
def test_bad_post_front_matter_is_reported_in_both_languages(tmp_path):
    project = copy_project(tmp_path / "project")
    rel = "docs/tin-tuc/posts/2024-01-01-sai.md"
    (project / rel).write_text(POST.replace("  - Thông báo", "  - Tin vắn").replace("  - tuan-lam", "  - ai-do"),
                               encoding="utf-8")
    result = run_build(project, tmp_path / "site")
    out = result.stdout + result.stderr
    assert result.returncode != 0
    assert f"{rel}:6 [categories]" in out and "“Tin vắn”" in out and "Triển khai văn bản" in out
    assert f"{rel}:4 [authors]" in out and "“ai-do”" in out and ".authors.yml" in out
    assert "(en)" in out


# -- scaffold ----------------------------------------------------------------

def test_scaffolded_files_preview_then_stop_the_build_until_filled(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "Makefile").write_text("", encoding="utf-8")
    made = {}
    # Ids no editor would choose, so the test holds as content grows.
    for kind, ident in (("tin-tuc", "tin-thu-khung"), ("hoi-dap", "cau-hoi-thu-khung"),
                        ("co-quan", "co-quan-thu-khung"), ("van-ban", "van-ban-thu-khung")):
        result = subprocess.run([sys.executable, "-m", "hooks.cli.scaffold", kind, ident, "--root", str(project)],
                                cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr
        made[kind] = result.stdout.strip()
        assert (project / made[kind]).is_file()
    assert made["hoi-dap"] == "docs/hoi-dap/cau-hoi-thu-khung.md" and made["van-ban"] == "docs/van-ban/van-ban-thu-khung.md"
    faq = (project / made["hoi-dap"]).read_text(encoding="utf-8")
    for key in ("id: cau-hoi-thu-khung", "question:", "audience: [cong-dan]", "topic:", "explains:", "reviewed: null"):
        assert key in faq
    site = tmp_path / "site"
    # Unfilled, the build that publishes stops on each new file's first placeholder (the post is a draft).
    result = run_build(project, site)
    out = result.stdout + result.stderr
    assert result.returncode != 0 and not site.exists()
    for kind in ("hoi-dap", "co-quan", "van-ban"):
        lines = (project / made[kind]).read_text(encoding="utf-8").split("\n")
        first = next(i for i, line in enumerate(lines, 1) if "(sửa lại)" in line and not line.startswith("#"))
        assert f"{made[kind]}:{first}" in out and "chữ giữ chỗ" in out, out
    assert made["tin-tuc"] not in out
    for kind in ("hoi-dap", "co-quan", "van-ban"):
        path = project / made[kind]
        path.write_text(path.read_text(encoding="utf-8").replace(" (sửa lại)", ""), encoding="utf-8")
    result = run_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr
    doc = read(site, "van-ban/van-ban-thu-khung/index.html")
    assert "<dt>Số hiệu</dt><dd>Chưa xác định</dd>" in doc and "<dt>Ngày ban hành</dt><dd>Chưa xác định</dd>" in doc
    assert (site / "co-quan/co-quan-thu-khung/index.html").is_file()
    assert (site / "hoi-dap/cau-hoi-thu-khung/index.html").is_file()
    # A copy without git history shows the build date, and says so.
    today = dt.date.today()
    assert re.search(r"Cập nhật lần cuối: <time[^>]*>\d{2}/\d{2}/\d{4}</time> <span class=\"kl-updated__note\">"
                     r"\(ngày tạo bản dựng", doc)
    assert any(d.strftime("%d/%m/%Y") in doc for d in (today, today - dt.timedelta(days=1), today + dt.timedelta(days=1)))
    assert "Chưa có lịch sử thay đổi" in doc
    # The news template starts as a draft: it builds, but is not published.
    assert not list(site.glob("tin-tuc/**/tin-thu-khung/index.html"))
    again = subprocess.run([sys.executable, "-m", "hooks.cli.scaffold", "co-quan", "van-ban-thu-khung",
                            "--root", str(project)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert again.returncode == 2 and "docs/van-ban/van-ban-thu-khung.md" in again.stderr
