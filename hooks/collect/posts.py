"""News posts: their front matter checked with file, line and fix before the
blog plugin reads it (the blog's own errors are English and lineless), and
which posts wait for their publication date."""
from __future__ import annotations

import datetime as dt
import re

from hooks import contract
from hooks.model.corpus import Corpus, Page
from hooks.model.errors import ErrorSink, shown
from hooks.text import textnorm
from hooks.text.frontmatter import line_of

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$")
POST_KEYS = ("title", "date", "authors", "categories", "tags", "slug", "description", "draft",
             "pin", "readtime", "links", "hide", "search")
AUTHORS_FILE = f"docs/{contract.AUTHORS}"
EXCERPT = "<!-- more -->"
# Listing pages copy a post up to EXCERPT; without it they copy the whole
# post. Short posts may do without; a longer one must say where to cut.
EXCERPT_WORDS = 120


def created(page: Page) -> dt.date | None:
    """The publication day of a post, None if not a valid date."""
    date = page.meta.get("date")
    text = date.get("created") if isinstance(date, dict) else date
    match = _ISO_DATE.match(str(text).strip()) if isinstance(text, str) else None
    if match is None:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def scheduled(corpus: Corpus, today: dt.date) -> list[tuple[Page, dt.date]]:
    """Posts dated after `today`: the build leaves them out until then."""
    out = []
    for page in corpus.pages.values():
        day = created(page) if page.kind == "news" else None
        if day is not None and day > today and page.meta.get("draft") is not True:
            out.append((page, day))
    return out


def check(corpus: Corpus, authors: set[str] | None, categories: list[str], sink: ErrorSink) -> None:
    """Validate every post's front matter; errors go to `sink`. `authors` is
    None when the authors file itself is broken: its error is the one to fix."""
    urls: dict[str, Page] = {}
    for page in corpus.pages.values():
        if page.kind == "page" and page.src.startswith(contract.BLOG + "/") and page.src.count("/") == 1 \
                and not page.src.endswith("/index.md"):
            name = page.src.rpartition("/")[2]
            sink.add(page.path, None, f"tin tức phải nằm trong thư mục docs/{contract.POSTS}/, "
                     "tệp này sẽ thành một trang thường trong menu.",
                     f"a news post belongs in docs/{contract.POSTS}/; here it becomes an ordinary page.",
                     f"chuyển tệp sang docs/{contract.POSTS}/{name}.", f"move it to docs/{contract.POSTS}/{name}.")
        if page.kind != "news":
            continue
        meta = page.meta

        def err(key, vi, en, fix_vi, fix_en):
            sink.add(page.path, line_of(page.key_lines, key), f"trường '{key}': {vi}", f"field '{key}': {en}",
                     fix_vi, fix_en, field=key)

        for key in meta:
            if key not in POST_KEYS:
                err(key, "trường không có trong mẫu tin tức.", "unknown field for a news post.",
                    f"các trường hợp lệ: {', '.join(POST_KEYS)}.", f"valid fields: {', '.join(POST_KEYS)}.")
        if not isinstance(meta.get("title"), str) or not meta["title"].strip():
            err("title", "thiếu tiêu đề tin.", "the post has no title.",
                "thêm dòng title: \"Tiêu đề tin\".", "add title: \"Post title\".")
        date = meta.get("date")
        written = date.get("created") if isinstance(date, dict) else date
        if not isinstance(written, str) or not _ISO_DATE.match(written.strip()):
            err("date", f"ngày đăng {shown(written)} không đúng dạng năm-tháng-ngày.",
                f"publication date {shown(written)} is not yyyy-mm-dd.",
                "ghi date: 2022-12-10 (năm-tháng-ngày: bộ phận blog đọc ngày đăng theo dạng này).",
                "write date: 2022-12-10.")
        elif created(page) is None:
            err("date", f"ngày đăng {shown(written)} không có trên lịch.",
                f"publication date {shown(written)} is not a real date.",
                "kiểm tra ngày và tháng (năm-tháng-ngày), ví dụ 2022-12-10.", "check day and month, e.g. 2022-12-10.")
        listed = meta.get("authors")
        if not isinstance(listed, list) or not listed:
            err("authors", "tin chưa ghi tác giả.", "the post names no author.",
                f"thêm 'authors: [{min(authors or [], default='ma-tac-gia')}]' với mã tác giả trong {AUTHORS_FILE}.",
                f"add 'authors: [{min(authors or [], default='author-id')}]' with an id from {AUTHORS_FILE}.")
        known = authors if authors is not None else set()
        for author in listed if isinstance(listed, list) and authors is not None else []:
            if author not in known:
                err("authors", f"tác giả {shown(author)} chưa có trong {AUTHORS_FILE}.",
                    f"author {shown(author)} is not in {AUTHORS_FILE}.",
                    f"dùng một trong: {', '.join(sorted(known))}, hoặc thêm tác giả vào .authors.yml.",
                    f"use one of: {', '.join(sorted(known))}, or add the author to .authors.yml.")
        for category in meta.get("categories") or []:
            if category not in categories:
                err("categories", f"chuyên mục {shown(category)} không có trong danh mục.",
                    f"category {shown(category)} is not allowed.",
                    f"dùng một trong: {', '.join(categories)} (danh mục ở mkdocs.yml, categories_allowed).",
                    f"use one of: {', '.join(categories)} (mkdocs.yml, categories_allowed).")
        if "draft" in meta and not isinstance(meta["draft"], bool):
            err("draft", f"phải là true hoặc false, đang là {shown(meta['draft'])}.",
                f"must be true or false, got {shown(meta['draft'])}.", "ghi draft: true khi là bản nháp.",
                "write draft: true for a draft.")
        body = "\n".join(b.markdown for b in page.blocks)
        if EXCERPT not in body and len(body.split()) > EXCERPT_WORDS:
            first = page.blocks[0].line if page.blocks else None
            sink.add(page.path, first, f"tin dài hơn {EXCERPT_WORDS} chữ nhưng chưa có dòng {EXCERPT}: "
                     "danh sách tin sẽ chép cả bài.",
                     f"a post longer than {EXCERPT_WORDS} words has no {EXCERPT} line: listings would copy "
                     "all of it.",
                     f"thêm một dòng {EXCERPT} sau đoạn mở đầu; danh sách tin chỉ hiện phần trước dòng đó.",
                     f"add a {EXCERPT} line after the opening paragraph; listings show what comes before it.")
        # Two posts with the same day and slug would share one URL, and one page would be lost.
        day, title = created(page), meta.get("title")
        if day is not None and isinstance(title, str):
            slug = str(meta.get("slug") or textnorm.slugify(title))
            key = f"{day.isoformat()}/{slug}"
            if key in urls:
                err("slug" if "slug" in meta else "title",
                    f"tin này trùng địa chỉ với {urls[key].src} (cùng ngày đăng và tên đường dẫn '{slug}').",
                    f"this post gets the same URL as {urls[key].src} (same date and slug '{slug}').",
                    f"thêm 'slug: {slug}-2' hoặc một tên đường dẫn khác.", f"add 'slug: {slug}-2' or another slug.")
            else:
                urls[key] = page
