"""Which documents and clauses a news post cites, from its plain Markdown links.

`cited` only maps link targets to (doc_id, anchor) pairs, so the reference
resolver (`[[kl-14#muc-2-4]]`) can feed it the targets it resolves too.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from typing import Iterable

from .corpus import DOCS_DIR, Corpus, nearest
from .errors import ErrorSink
from .textnorm import slugify

# [text](target "title") and [text](<target>); images start with '!' and are skipped.
_LINK = re.compile(r"(?<!!)\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CODE_SPAN = re.compile(r"`[^`]*`")


@dataclass(frozen=True)
class Link:
    line: int       # 1-based line in the file
    target: str


def links(markdown: str, first_line: int = 1) -> list[Link]:
    """Every inline link target, outside code blocks and code spans."""
    out, fenced = [], False
    for offset, line in enumerate(markdown.split("\n")):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        for match in _LINK.finditer(_CODE_SPAN.sub("", line)):
            out.append(Link(first_line + offset, match.group(1)))
    return out


def target_of(src_uri: str, target: str) -> tuple[str, str | None] | None:
    """(doc_id, anchor or None) if `target`, written in the page `src_uri`,
    points to a document page; None for any other link."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", target) or target.startswith("//"):
        return None  # external URL or mailto:
    path, _, anchor = target.partition("#")
    if not path:
        return None  # in-page anchor
    if path.startswith("/"):
        resolved = path.lstrip("/")
    else:
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
    resolved = resolved.removesuffix("index.html").removesuffix("/").removesuffix(".md")
    folder, _, doc_id = resolved.rpartition("/")
    if folder != DOCS_DIR or not doc_id or doc_id == "index":
        return None
    return doc_id, anchor or None


def cited(src_uri: str, targets: Iterable[str]) -> list[tuple[str, str | None]]:
    """The (doc_id, anchor) pairs a page cites, in order, without repeats."""
    out: list[tuple[str, str | None]] = []
    for target in targets:
        pair = target_of(src_uri, target)
        if pair is not None and pair not in out:
            out.append(pair)
    return out


@dataclass
class Post:
    src_uri: str        # tin-tuc/posts/....md
    title: str
    url: str            # site-relative URL, e.g. tin-tuc/2022/12/10/slug/
    date: object        # datetime of publication
    draft: bool
    cites: list[tuple[str, str | None]] = field(default_factory=list)


def check(corpus: Corpus, path, post_links: list[Link], src_uri: str, sink: ErrorSink) -> None:
    """A link to a document or clause that does not exist is an editor error."""
    for link in post_links:
        pair = target_of(src_uri, link.target)
        if pair is None:
            continue
        doc_id, anchor = pair
        doc = corpus.documents.get(doc_id)
        if doc is None:
            near = ", ".join(sorted(corpus.documents))
            sink.add(path, link.line, f"liên kết '{link.target}' trỏ tới văn bản {doc_id!r} không tồn tại.",
                     f"link '{link.target}' points to a document {doc_id!r} that does not exist.",
                     f"dùng một mã văn bản có trong docs/van-ban/: {near}.",
                     f"use a document id from docs/van-ban/: {near}.")
        elif anchor is not None and anchor not in doc.clauses and anchor not in _page_anchors(doc):
            near = ", ".join(nearest(anchor, list(doc.clauses)))
            sink.add(path, link.line, f"liên kết '{link.target}': {doc.title} không có điều khoản {anchor!r}.",
                     f"link '{link.target}': {doc_id} has no clause {anchor!r}.",
                     f"các mã gần nhất: {near}.", f"nearest clause ids: {near}.")


def _page_anchors(doc) -> set[str]:
    # Free headings of the page (e.g. '## Nội dung' -> 'noi-dung') are valid targets too.
    heads = set()
    for block in doc.blocks:
        if block.clause is None:
            for m in re.finditer(r"^#{1,6}\s+(.+?)\s*$", block.markdown, re.M):
                heads.add(slugify(m.group(1), "-"))
    return heads


def by_document(posts: Iterable[Post]) -> dict[str, list[dict]]:
    """doc_id -> the posts citing it (newest first), with the clauses cited."""
    out: dict[str, list[dict]] = {}
    for post in sorted(posts, key=lambda p: p.date, reverse=True):
        anchors: dict[str, list[str | None]] = {}
        for doc_id, anchor in post.cites:
            anchors.setdefault(doc_id, []).append(anchor)
        for doc_id, cited_anchors in anchors.items():
            out.setdefault(doc_id, []).append({"post": post, "anchors": [a for a in cited_anchors if a]})
    return out


# Front matter of a news post. Material's blog reads the same keys; checking
# them here first gives editors file, line and a fix in both languages.
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")
POST_KEYS = ("title", "date", "authors", "categories", "tags", "slug", "description", "draft",
             "pin", "readtime", "links", "hide", "search")


@dataclass
class PostSource:
    path: object          # pathlib.Path
    src_uri: str
    meta: dict
    links: list[Link]


def collect(posts_dir, docs_dir, corpus: Corpus, authors: set[str], categories: list[str],
            sink: ErrorSink) -> list[PostSource]:
    """Validate every post's front matter and links; errors go to `sink`."""
    from . import frontmatter  # local: frontmatter needs PyYAML only at build time
    out = []
    for path in sorted(posts_dir.rglob("*.md")) if posts_dir.is_dir() else []:
        try:
            src = frontmatter.split(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, frontmatter.FrontMatterError):
            continue  # corpus.load already reported it
        meta, lines = src.meta, src.key_lines

        def err(key, vi, en, fix_vi, fix_en):
            sink.add(path, lines.get(key, 1), f"trường '{key}': {vi}", f"field '{key}': {en}",
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
        rel = path.relative_to(docs_dir).as_posix()
        post_links = links(src.body, src.body_line)
        check(corpus, path, post_links, rel, sink)
        out.append(PostSource(path, rel, meta, post_links))
    return out
