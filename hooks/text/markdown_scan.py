"""The one Markdown scanner: which lines are fenced or indented code, which
parts of a prose line are code spans, [[references]], links or raw HTML.
Shared by the clause parser and every rewriter, so none of them keeps its
own idea of what code is; `read` is the one reader of content files.

Line rules (Python-Markdown with superfences, as mkdocs.yml configures it):

- *Fenced code* opens with ``` or ~~~ (any indentation, as superfences
  allows inside lists and admonitions) and closes with a fence of the same
  character at least as long; both fence lines are code.
- *Indented code* is a line indented by 4 or more columns (a tab counts up
  to the next multiple of 4) that follows a blank line or the start of the
  text, and whose enclosing block is not a container. The enclosing block is
  given by the last non-blank line indented by less than 4 columns: a list
  item (`-`, `*`, `+`, `1.`, `1)`), an admonition or details (`!!!`, `???`),
  a content tab (`===`), a footnote (`[^1]:`) or a definition (`: `) is a
  container, whose indented lines are its content (nested list content,
  further paragraphs of a note), not code. Blank lines do not end a code
  block; the first non-blank line indented by less than 4 does. A line
  indented by 4 that continues a paragraph without a blank line is prose.
  The rule is conservative: in doubt a line is prose, so a reference in it
  is resolved (and an unknown one reported) rather than silently skipped.
  Known cases it calls prose where Python-Markdown shows code: code nested
  deeper inside a list item, and text after a legal "1. " paragraph (a list
  item in the source; the page escapes its number).
- A line at column 0 is never indented code, so clause marker lines
  (`{#muc-2-4}`) and headings are always seen.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

PROSE = "prose"
FENCED = "fenced"        # a line of fenced code, fence lines included
INDENTED = "indented"    # a line of an indented code block
# Segment kinds inside a prose line, besides PROSE:
CODE_SPAN = "code"       # `inline code`
REFERENCE = "ref"        # [[id#anchor|text]]
LINK = "link"            # [text](target) or ![alt](src)
AUTOLINK = "auto"        # <https://…>
HTML = "html"            # <tag …>
CODE = (FENCED, INDENTED)

_FENCE = re.compile(r"^\s*(```+|~~~+)")
# Opening lines of blocks whose indented lines are their own content.
_CONTAINER = re.compile(r"^ {0,3}(?:[-*+]\s|\d+[.)]\s|[-*+]$|\d+[.)]$|!!!|\?\?\?|===|\[\^[^\]]+\]:|:\s)")
# Spans that rewriters must leave alone, in one alternation so the earliest
# wins: code spans, [[references]], Markdown links/images, autolinks, HTML tags.
PROTECTED = re.compile(
    r"(?P<code>(?P<ticks>`+).+?(?P=ticks))"
    r"|(?P<ref>\[\[[^\[\]\n]+?\]\])"
    r"|(?P<link>!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\([^)\n]*\))"
    r"|(?P<auto><https?://[^>\s]+>)"
    r"|(?P<html></?[A-Za-z][^>\n]*>)"
)
_GROUP_KIND = {"code": CODE_SPAN, "ref": REFERENCE, "link": LINK, "auto": AUTOLINK, "html": HTML}
_LINK_TARGET = re.compile(r"\]\(\s*<?([^)\s>]*)")
BOM = "\ufeff"


@dataclass(frozen=True)
class Line:
    index: int          # 0-based line number in the text
    text: str
    kind: str           # PROSE, FENCED or INDENTED
    opens: bool = False  # first line of a code block (the opening fence, or the first indented line)

    @property
    def is_code(self) -> bool:
        return self.kind in CODE


@dataclass(frozen=True)
class Segment:
    index: int          # 0-based line number
    text: str
    kind: str           # FENCED, INDENTED, PROSE, CODE_SPAN, REFERENCE, LINK, AUTOLINK, HTML
    match: re.Match | None = None  # the PROTECTED match of a protected span


def read(path: Path | str) -> str:
    """A content file's text, with a UTF-8 byte-order mark dropped as MkDocs
    drops it (Notepad writes one); raises UnicodeDecodeError if not UTF-8."""
    return Path(path).read_text(encoding="utf-8-sig")


def _indent(line: str) -> int:
    """Leading columns, a tab advancing to the next multiple of 4."""
    col = 0
    for ch in line:
        if ch == " ":
            col += 1
        elif ch == "\t":
            col += 4 - col % 4
        else:
            break
    return col


def lines(text: str) -> Iterator[Line]:
    """Every line of `text`, labelled prose, fenced code or indented code."""
    fence: str | None = None
    after_blank = True          # the start of the text counts as a blank line before
    container = False           # the enclosing block holds its indented lines
    in_indented = False
    for i, line in enumerate(text.split("\n")):
        if fence:
            match = _FENCE.match(line)
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = None
            yield Line(i, line, FENCED)
            after_blank = False
            continue
        if not line.strip():
            yield Line(i, line, PROSE)
            after_blank = True
            continue
        indent = _indent(line)
        if indent >= 4 and (in_indented or (after_blank and not container)):
            yield Line(i, line, INDENTED, opens=not in_indented)
            in_indented, after_blank = True, False
            continue
        in_indented = False
        match = _FENCE.match(line)
        if match:
            fence = match.group(1)
            yield Line(i, line, FENCED, opens=True)
            if indent < 4:
                container = False
            after_blank = False
            continue
        if indent < 4:
            # A block that starts after a blank line sets the context; a line
            # that continues a block keeps it (a lazy list continuation), unless
            # it opens a container itself (in doubt, a container).
            if _CONTAINER.match(line):
                container = True
            elif after_blank:
                container = False
        yield Line(i, line, PROSE)
        after_blank = False


def segments(line: Line) -> Iterator[Segment]:
    """A code line as one segment; a prose line cut into prose and the
    protected spans between (code spans, references, links, HTML)."""
    if line.is_code:
        yield Segment(line.index, line.text, line.kind)
        return
    pos = 0
    for match in PROTECTED.finditer(line.text):
        yield Segment(line.index, line.text[pos:match.start()], PROSE)
        kind = next(_GROUP_KIND[g] for g in ("code", "ref", "link", "auto", "html") if match.group(g))
        yield Segment(line.index, match.group(0), kind, match)
        pos = match.end()
    yield Segment(line.index, line.text[pos:], PROSE)


def link_target(link: str) -> str:
    """The target of a Markdown link or image segment ('[x](a.md#b)' -> 'a.md#b')."""
    found = _LINK_TARGET.search(link)
    return found.group(1) if found else ""


def prose_lines(text: str) -> Iterator[Line]:
    """The lines of `text` that are not code."""
    return (line for line in lines(text) if not line.is_code)


def rewrite(text: str, on_ref: Callable[[re.Match, int], str],
            on_text: Callable[[str, int], str], on_line: Callable[[int, str], None] | None = None,
            on_link: Callable[[str, int], None] | None = None) -> str:
    """Rebuild `text`, passing each [[reference]] to `on_ref` and every piece
    of plain prose to `on_text`, with the 0-based line index; `on_link` sees
    the target of each Markdown link. Code (fenced, indented, spans), links
    and HTML pass through untouched."""
    out = []
    for line in lines(text):
        if on_line:
            on_line(line.index, line.text)
        pieces = []
        for seg in segments(line):
            if seg.kind == PROSE:
                pieces.append(on_text(seg.text, seg.index))
            elif seg.kind == REFERENCE:
                assert seg.match is not None   # a reference is always a match
                pieces.append(on_ref(seg.match, seg.index))
            else:
                if on_link and seg.kind == LINK and not seg.text.startswith("!"):
                    on_link(link_target(seg.text), seg.index)
                pieces.append(seg.text)
        out.append("".join(pieces))
    return "\n".join(out)
