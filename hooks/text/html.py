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


def _escaped(value) -> str:
    # Markup is escaped already: escape() would only copy it.
    return value if type(value) is Markup else escape(value)


def _attributes(attrs: dict | None) -> str:
    # `escape` and str.join rather than `Markup.format`: the same escaping,
    # several times faster, and the build makes tens of thousands of tags;
    # plain str inside, one Markup per finished tag.
    out = []
    for name, value in (attrs or {}).items():
        if value is None or value is False:
            continue
        out.append(f" {_name(name)}" if value is True else f' {_name(name)}="{_escaped(value)}"')
    return "".join(out)


def attributes(attrs: dict | None) -> Markup:
    """` name="value"` for each attribute; None or False leaves it out, True
    writes it bare (`data-search-exclude`)."""
    return Markup(_attributes(attrs))


def _start(element: str, attrs: dict | None) -> str:
    return f"<{element}{_attributes(attrs)}>"


def start_tag(name: str, attrs: dict | None = None) -> Markup:
    return Markup(_start(_name(name), attrs))


def tag(name: str, attrs: dict | None = None, *children) -> Markup:
    """One element; children are escaped unless Markup."""
    inner = "".join([_escaped(child) for child in children])
    element = _name(name)
    return Markup(f"{_start(element, attrs)}{inner}</{element}>")
