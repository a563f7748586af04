"""What a page made from its HTML, packed while it waits for its template.

MkDocs converts every page's Markdown before it renders any template, so
each page's HTML, and the search records made from it, are held through
the whole page loop. Vietnamese text is stored two bytes a character in a
Python string; compressed UTF-8 takes about a tenth of that.
"""
from __future__ import annotations

import pickle
import zlib
from typing import Any

# Fast and already ~10x smaller on this HTML; higher levels cost more time
# than they save in memory.
_LEVEL = 1


class PackedHtml:
    """Not a string on purpose: printed before unpack, it would show its
    class name rather than pass as the page's text."""
    __slots__ = ("data",)

    def __init__(self, html: str):
        self.data = zlib.compress(html.encode("utf-8"), _LEVEL)


def pack(html: str | None) -> PackedHtml | str | None:
    return PackedHtml(html) if html else html


def unpack(content: PackedHtml | str | None) -> str | None:
    """The HTML back; anything not packed as it is."""
    if isinstance(content, PackedHtml):
        return zlib.decompress(content.data).decode("utf-8")
    return content


def pack_value(value: object) -> bytes:
    """Any value this build made (search records): pickled, compressed.
    Only the build reads it back, in the same process."""
    return zlib.compress(pickle.dumps(value, pickle.HIGHEST_PROTOCOL), _LEVEL)


def unpack_value(data: bytes) -> Any:   # what was packed, as it was
    return pickle.loads(zlib.decompress(data))
