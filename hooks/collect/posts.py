"""News posts: their front matter checked with file, line and fix before the
blog plugin reads it (the blog's own errors are English and lineless)."""
from __future__ import annotations

import re

from hooks.model.corpus import Corpus
from hooks.model.errors import ErrorSink
from hooks.text.frontmatter import line_of

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")
POST_KEYS = ("title", "date", "authors", "categories", "tags", "slug", "description", "draft",
             "pin", "readtime", "links", "hide", "search")


def check(corpus: Corpus, authors: set[str], categories: list[str], sink: ErrorSink) -> None:
    """Validate every post's front matter; errors go to `sink`."""
    for page in corpus.pages.values():
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
        created = date.get("created") if isinstance(date, dict) else date
        if not isinstance(created, str) or not _ISO_DATE.match(created.strip()):
            err("date", f"ngày đăng {created!r} không đúng dạng năm-tháng-ngày.",
                f"publication date {created!r} is not yyyy-mm-dd.",
                "ghi date: 2022-12-10 (năm-tháng-ngày, dạng blog yêu cầu).",
                "write date: 2022-12-10.")
        for author in meta.get("authors") or []:
            if author not in authors:
                err("authors", f"tác giả {author!r} chưa có trong docs/tin-tuc/.authors.yml.",
                    f"author {author!r} is not in docs/tin-tuc/.authors.yml.",
                    f"dùng một trong: {', '.join(sorted(authors))}, hoặc thêm tác giả vào .authors.yml.",
                    f"use one of: {', '.join(sorted(authors))}, or add the author to .authors.yml.")
        for category in meta.get("categories") or []:
            if category not in categories:
                err("categories", f"chuyên mục {category!r} không có trong danh mục.",
                    f"category {category!r} is not allowed.",
                    f"dùng một trong: {', '.join(categories)} (danh mục ở mkdocs.yml, categories_allowed).",
                    f"use one of: {', '.join(categories)} (mkdocs.yml, categories_allowed).")
        if "draft" in meta and not isinstance(meta["draft"], bool):
            err("draft", f"phải là true hoặc false, đang là {meta['draft']!r}.",
                f"must be true or false, got {meta['draft']!r}.", "ghi draft: true khi là bản nháp.",
                "write draft: true for a draft.")
