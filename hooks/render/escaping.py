"""Editor text that Material's templates print without escaping.

MkDocs renders templates with autoescape off, and Material prints
`page.meta.title` (through page.title: nav, header, tabs), the meta
description and blog authors' names as HTML. Those values are escaped once
here; code that wants the plain words back uses `plain`.
"""
from __future__ import annotations

import html

from markupsafe import escape

PAGE_KEYS = ("title", "description")
AUTHOR_KEYS = ("name", "description")


def escape_meta(meta: dict) -> None:
    """Escape the page keys Material prints raw, once per build."""
    if meta.get("_kl_escaped"):
        return
    for key in PAGE_KEYS:
        if isinstance(meta.get(key), str):
            meta[key] = escape_text(meta[key])
    meta["_kl_escaped"] = True


def escape_text(text: str) -> str:
    # str, not Markup: MkDocs and the blog treat these as plain strings
    return str(escape(text))


def escape_author(author) -> None:
    """Once per build: the blog reloads its authors in every on_config."""
    for key in AUTHOR_KEYS:
        value = getattr(author, key, None)
        if isinstance(value, str):
            setattr(author, key, escape_text(value))


def plain(text: str | None) -> str:
    """Words as a reader sees them, from a title or description that may hold entities."""
    return html.unescape(text or "")
