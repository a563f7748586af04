"""HTML built in Python, escaped by construction.

Every value passed here is escaped unless it is already `Markup`, so a new
attribute or child cannot forget it; finished HTML is `Markup` and nests
without being escaped twice. Beware `"text" + Markup(...)`: Markup escapes
the plain side, which is safe but may not be what was meant; join plain
Markdown with `str.join` instead.
"""
from __future__ import annotations

from functools import lru_cache

from markupsafe import Markup, escape

__all__ = ["Markup", "escape", "attributes", "tag", "start_tag"]


@lru_cache(maxsize=512, typed=True)
def _name(name: str) -> str:
    """An element or attribute name, escaped like any value. Names come from
    code, a few dozen of them: each is escaped once, not at every tag."""
    return str(escape(name))


def attributes(attrs: dict | None) -> Markup:
    """` name="value"` for each attribute; None or False leaves it out, True
    writes it bare (`data-search-exclude`)."""
    # `escape` and str.join rather than `Markup.format`: the same escaping,
    # several times faster, and the build makes tens of thousands of tags.
    out = []
    for name, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        out.append(f" {_name(name)}" if value is True else f' {_name(name)}="{escape(value)}"')
    return Markup("".join(out))


def start_tag(name: str, attrs: dict | None = None) -> Markup:
    return Markup(f"<{_name(name)}{attributes(attrs)}>")


def tag(name: str, attrs: dict | None = None, *children) -> Markup:
    """One element; children are escaped unless Markup."""
    inner = "".join([escape(child) for child in children])
    return Markup(f"{start_tag(name, attrs)}{inner}</{_name(name)}>")
