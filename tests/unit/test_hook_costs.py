"""What the hook does for memory and time, without a build: a page's HTML
held packed from its conversion to its template and given back whole
(hooks/render/packed.py), the blog's posts found by identity, and each page
weighed as it is written, and CPython's collections of cycles less
frequent for the length of a build (hooks/heap.py)."""
from __future__ import annotations

import gc
from types import SimpleNamespace

from hooks import heap, site
from hooks.render import packed
from hooks.search.records import Record

PAGE = ('<h2 id="muc-1">1. Cán bộ dám nghĩ, dám làm</h2>\n<p>Khuyến khích và bảo vệ cán bộ năng động, '
        'sáng tạo vì lợi ích chung; xử lý nghiêm hành vi lợi dụng.</p>\n') * 40


def test_round_trip_keeps_every_character():
    assert packed.unpack(packed.pack(PAGE)) == PAGE
    assert packed.unpack(packed.pack("ệ")) == "ệ"


def test_nothing_to_pack_stays_as_it_is():
    assert packed.pack(None) is None and packed.pack("") == ""
    assert packed.unpack(None) is None and packed.unpack(PAGE) is PAGE


def test_search_records_wait_packed_and_come_back_equal():
    records = [Record("van-ban/kl-14/#muc-2-4", "Kết luận 14", "2.4.", PAGE, context="Kết luận 14", kind="clause")] * 3
    held = packed.pack_value(records)
    assert isinstance(held, bytes) and len(held) * 10 < 2 * len(PAGE)
    assert packed.unpack_value(held) == records


def test_packed_is_not_text_and_much_smaller():
    held = packed.pack(PAGE)
    # A template printing it before it is unpacked would not pass for the page.
    assert not isinstance(held, str)
    # Python holds this text at 2 bytes a character.
    assert isinstance(held, packed.PackedHtml) and len(held.data) * 10 < 2 * len(PAGE)


def test_the_hook_packs_after_conversion_and_unpacks_for_the_template(monkeypatch):
    monkeypatch.setattr(site, "STATE", site.State(command="build"))
    page = SimpleNamespace(file=SimpleNamespace(src_uri="tin-tuc/index.md", generated_by=None), meta={})
    page.content = site.on_page_content(PAGE, page=page, config=None, files=None)
    assert isinstance(page.content, packed.PackedHtml)
    site.on_page_context({}, page=page, config=None, nav=None)
    assert page.content == PAGE


def test_blog_posts_are_found_by_identity_and_stay_a_list(monkeypatch):
    # Material's blog asks `page not in posts` of every page: a set, not a list search.
    first, second, other = (SimpleNamespace(title=t) for t in ("Tin 1", "Tin 2", "Tin 1"))
    blog = SimpleNamespace(blog=SimpleNamespace(posts=[first, second]))
    config = SimpleNamespace(plugins={"material/blog": blog})
    monkeypatch.setattr(site, "STATE", site.State(command="build"))
    site.on_files([], config)
    posts = blog.blog.posts
    assert isinstance(posts, site.Posts) and first in posts and second in posts and other not in posts
    assert list(posts) == [first, second] and list(reversed(posts)) == [second, first] and posts[:1] == [first]


def test_each_page_is_weighed_as_it_is_written(monkeypatch):
    # Not by walking the built site afterwards: its size from the text written.
    monkeypatch.setattr(site, "STATE", site.State(command="build"))
    heavy = "<p>" + "ệ" * 400_000 + "</p>"   # 1.2 MB of UTF-8 in 400,000 characters
    page = SimpleNamespace(file=SimpleNamespace(src_uri="van-ban/dai.md", dest_uri="van-ban/dai/index.html",
                                                generated_by=None), url="van-ban/dai/", meta={})
    site.on_post_page(heavy, page=page, config=None)
    light = SimpleNamespace(file=SimpleNamespace(src_uri="a.md", dest_uri="a/index.html", generated_by=None),
                            url="a/", meta={})
    site.on_post_page("<p>ngắn</p>", page=light, config=None)
    site.on_post_template(heavy, template_name="404.html", config=None)
    assert [rel for rel, _ in site.STATE.heavy] == ["van-ban/dai/index.html", "404.html"]
    assert all(size > 1_200_000 for _, size in site.STATE.heavy)


def test_collections_wait_longer_between_relax_and_restore():
    before = gc.get_threshold()
    try:
        heap.relax()
        heap.relax()   # a second build's start under serve changes nothing
        assert gc.get_threshold() == heap.relaxed(before) == (max(before[0], heap.YOUNG), before[1],
                                                           max(before[2], heap.FULL_AFTER))
        assert gc.get_threshold() != before
    finally:
        heap.restore()
    assert gc.get_threshold() == before
    heap.restore()   # nothing held: nothing changes
    assert gc.get_threshold() == before
