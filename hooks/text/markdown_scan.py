"""Walk Markdown text outside code: the one place that knows which parts of
a line are code spans, links or raw HTML, shared by every rewriter."""
from __future__ import annotations

import re
from typing import Callable, Iterator

_FENCE = re.compile(r"^\s*(```+|~~~+)")
# Spans that rewriters must leave alone, in one alternation so the earliest
# wins: code spans, [[references]], Markdown links/images, autolinks, HTML tags.
PROTECTED = re.compile(
    r"(?P<code>(?P<ticks>`+).+?(?P=ticks))"
    r"|(?P<ref>\[\[[^\[\]\n]+?\]\])"
    r"|(?P<link>!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\([^)\n]*\))"
    r"|(?P<auto><https?://[^>\s]+>)"
    r"|(?P<html></?[A-Za-z][^>\n]*>)"
)


_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")


def lines_outside_fences(text: str) -> Iterator[tuple[int, str, bool]]:
    """(index, line, is_code) for every line; fenced code is marked as code."""
    fence: str | None = None
    for i, line in enumerate(text.split("\n")):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            yield i, line, True
        elif match:
            fence = match.group(1)
            yield i, line, True
        else:
            yield i, line, False


def rewrite(text: str, on_ref: Callable[[re.Match, int], str],
            on_text: Callable[[str, int], str], on_line: Callable[[int, str], None] | None = None,
            on_link: Callable[[str, int], None] | None = None) -> str:
    """Rebuild `text`, passing each [[reference]] to `on_ref` and every piece
    of plain prose to `on_text`, with the 0-based line index; `on_link` sees
    the target of each Markdown link. Code spans, fenced code, links and HTML
    pass through untouched."""
    out = []
    for i, line, is_code in lines_outside_fences(text):
        if on_line:
            on_line(i, line)
        if is_code:
            out.append(line)
            continue
        pieces, pos = [], 0
        for match in PROTECTED.finditer(line):
            pieces.append(on_text(line[pos:match.start()], i))
            if match.group("ref"):
                pieces.append(on_ref(match, i))
            else:
                if on_link and match.group("link") and not match.group("link").startswith("!"):
                    on_link(_LINK_TARGET.search(match.group("link")).group(1), i)
                pieces.append(match.group(0))
            pos = match.end()
        pieces.append(on_text(line[pos:], i))
        out.append("".join(pieces))
    return "\n".join(out)
