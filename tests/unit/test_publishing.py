"""Publishing workflow, plain modules: links in posts, git history and its
fallback, feed writers, share links (the built site: tests/build/test_publish.py)."""
from __future__ import annotations

import datetime as dt

import feedparser

from hooks.publish import feeds, gitdates, social
from hooks.resolve import resolver as resolve
from hooks.text import markdown_scan

SITE_URL = "http://127.0.0.1:8000/"
POST_SRC = "tin-tuc/posts/x.md"


def test_links_skip_code_and_images():
    md = ("Xem [mục 2.4](../../van-ban/kl-14.md#muc-2-4) và ![ảnh](a.png).\n"
          "`[không](../../van-ban/ctr-26.md)`\n```\n[không](../../van-ban/kh-116.md)\n```\n"
          "[ngoài](https://example.org) [<b>](<../../van-ban/nd-73.md> \"t\")\n")
    found = []
    markdown_scan.rewrite(md, lambda m, i: m.group(0), lambda t, i: t, on_link=lambda t, i: found.append((i, t)))
    assert found == [(0, "../../van-ban/kl-14.md#muc-2-4"), (5, "https://example.org"), (5, "../../van-ban/nd-73.md")]


def test_document_links_map_to_document_and_clause():
    targets = ["../../van-ban/kl-14.md#muc-2-4", "../../van-ban/ctr-26.md", "/van-ban/kh-116/#noi-dung-7",
               "../../co-quan/so-noi-vu.md", "https://x.vn/van-ban/kl-14.md", "#muc-1", "../../van-ban/index.md"]
    assert [resolve.document_link(POST_SRC, t) for t in targets] == [
        ("kl-14", "muc-2-4"), ("ctr-26", None), ("kh-116", "noi-dung-7"), None, None, None, None]


def test_git_log_parsing_and_vietnamese_notes():
    out = ("\x1eabc\x1f2024-04-01T23:30:00+00:00\x1fFix typo\n\n2\t1\tdocs/van-ban/kl-14.md\n"
           "\x1edef\x1f2024-03-05T10:00:00+07:00\x1fThêm văn bản\n\n40\t0\tdocs/van-ban/kl-14.md\n"
           "3\t0\tdocs/index.md\n-\t-\tdocs/assets/a.png\n")
    log = gitdates.parse_log(out)
    assert [c.commit for c in log["docs/van-ban/kl-14.md"]] == ["abc", "def"]
    assert [c.note for c in log["docs/van-ban/kl-14.md"]] == ["Cập nhật nội dung (thêm 2 dòng, bỏ 1 dòng)",
                                                               "Thêm văn bản"]
    assert [(c.added, c.deleted) for c in log["docs/assets/a.png"]] == [(0, 0)]   # binary: "-"


def test_a_day_of_undescribed_changes_is_one_entry_of_the_change_log():
    def change(day, subject, added=0, deleted=0):
        return gitdates.Change(dt.datetime(2024, 4, day, 9), subject, subject, added, deleted)
    log = [change(3, "Fix a", 1, 1), change(3, "Fix b", 4), change(3, "Sửa lỗi chính tả", 1, 1),
           change(3, "Fix c", 0, 2), change(2, "Fix d", 5)]
    assert gitdates.merged_log(log, lambda w: w.strftime("%d/%m/%Y")) == [
        ("03/04/2024", "Cập nhật nội dung (thêm 5 dòng, bỏ 1 dòng)"), ("03/04/2024", "Sửa lỗi chính tả"),
        ("03/04/2024", "Cập nhật nội dung (bỏ 2 dòng)"), ("02/04/2024", "Cập nhật nội dung (thêm 5 dòng)")]


def test_dates_fall_back_to_build_time_without_git(tmp_path):
    now = dt.datetime(2025, 1, 2, tzinfo=dt.UTC)
    history = gitdates.load(tmp_path, "docs", now=now)
    assert history.updated("docs/index.md") == (now, False)
    assert history.log("docs/index.md") == []


def test_feed_writers_produce_valid_rss_and_atom():
    when = dt.datetime(2022, 12, 10, 17, 11, tzinfo=dt.timezone(dt.timedelta(hours=7)))
    feed = feeds.Feed("tin-tuc", "Tin tức", "Mô tả", SITE_URL + "tin-tuc/", SITE_URL,
                      entries=[feeds.Entry(SITE_URL + "a/", "Tin “A” & <B>", SITE_URL + "a/", when, "Tóm tắt",
                                           authors=("Tuấn Lâm",), categories=("Triển khai văn bản",))])
    for text in (feeds.rss(feed), feeds.atom(feed)):
        parsed = feedparser.parse(text)
        assert not parsed.bozo, parsed.bozo_exception
        entry = parsed.entries[0]
        assert entry.title == "Tin “A” & <B>" and entry.link == SITE_URL + "a/"
        assert entry.author == "Tuấn Lâm" and entry.tags[0].term == "Triển khai văn bản"
        assert dt.datetime(*entry.published_parsed[:6]) == dt.datetime(2022, 12, 10, 10, 11)


def test_share_links_are_plain_urls():
    links = social.share_links("http://x.vn/van-ban/kl-14/", "Kết luận")
    assert [l["key"] for l in links] == ["facebook", "zalo"]
    assert all(l["href"].startswith("https://") and "http%3A%2F%2Fx.vn%2Fvan-ban%2Fkl-14%2F" in l["href"]
               for l in links)
