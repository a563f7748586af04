"""HTML built in Python, escaped by construction.

Every value passed here is escaped unless it is already `Markup`, so a new
attribute or child cannot forget it; finished HTML is `Markup` and nests
without being escaped twice. Beware `"text" + Markup(...)`: Markup escapes
the plain side, which is safe but may not be what was meant; join plain
Markdown with `str.join` instead.
"""
from __future__ import annotations

from markupsafe import Markup, escape

__all__ = ["Markup", "escape", "attributes", "tag", "start_tag"]


def attributes(attrs: dict | None) -> Markup:
    """` name="value"` for each attribute; None or False leaves it out, True
    writes it bare (`data-search-exclude`)."""
    out = []
    for name, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        # escape() and f-strings, not Markup.format: the same text, without
        # string.Formatter's pure-Python pass (a clause page makes dozens).
        out.append(f" {escape(name)}" if value is True else f' {escape(name)}="{escape(value)}"')
    return Markup("".join(out))


def start_tag(name: str, attrs: dict | None = None) -> Markup:
    return Markup(f"<{escape(name)}{attributes(attrs)}>")


def tag(name: str, attrs: dict | None = None, *children) -> Markup:
    """One element; children are escaped unless Markup."""
    name = escape(name)
    return Markup(f"<{name}{attributes(attrs)}>{''.join(escape(child) for child in children)}</{name}>")
