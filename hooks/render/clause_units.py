"""Document and clause pages' HTML put together from their clauses' units,
each converted by Markdown once per build instead of once for every page
that shows it: on its document's page, and held for its clause pages when
it comes out the same on every page (`location_free`).

A clause page shows the clause and all its sub-clauses, so a clause at depth
d is on d + 1 pages, at a different heading level on each. Its unit (its
marker, heading and text: `views.clause_unit_markdown`) is converted once at
UNIT_LEVEL; each page takes the units of its clauses, moves each heading to
its level, and puts the tails (tools and links) and the end markers between
them as `views.clause_markdown` orders them. A document's units are
converted together, in one call, each ended by a marker block (UNIT_END), and
cut there: Markdown converts block by block, so each unit's HTML ends with
the separator Markdown writes after its last block. A marker or placeholder
(a raw HTML block) put between units is followed by a blank line, as Markdown
writes one. tests/build/test_clause_shell.py compares every clause
page with the page MkDocs makes from the whole page's Markdown, byte for byte.

A unit converts alone as it does inside a page only if it leaves nothing the
rest of the page would read: no link reference or abbreviation defined, and
no heading besides its own (the table of contents numbers repeated ids
across the page). A document with such a unit has its pages converted whole.
"""
from __future__ import annotations

import json
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from markdown import Markdown
from markdown.extensions.toc import nest_toc_tokens

from hooks.derive.model import Model
from hooks.model.corpus import Clause, Document
from hooks.render.views import (
    CLAUSE_END,
    PAGE_TOP_LEVEL,
    UNIT_END,
    UNIT_LEVEL,
    clause_head_markdown,
    clause_tail,
    clause_unit_markdown,
    heading_level,
    tail_first,
    unit_mark,
)
from hooks.resolve.placeholders import defer
from hooks.resolve.resolver import Resolved
from hooks.text.html import Markup

# What Markdown writes after a raw HTML block.
_RAW_GAP = "\n\n"


@dataclass(frozen=True)
class Unit:
    html: str     # at UNIT_LEVEL, with what Markdown writes after its last block
    token: dict[str, Any]   # its heading's table-of-contents entry


class NotAlone(Exception):
    """A unit whose conversion depends on the rest of its page."""


def leaves_nothing(md: Markdown) -> bool:
    """Whether the conversion `md` just made left nothing another part of
    its page would read: no link reference and no abbreviation defined."""
    abbr = md.treeprocessors["abbr"] if "abbr" in md.treeprocessors else None
    return not md.references and not getattr(abbr, "abbrs", None)


def units(html: str, tokens: list[Any], alone: bool, anchors: list[str]) -> dict[str, Unit]:
    """A document's units, by anchor, from Markdown's HTML and table of
    contents of all of them in one conversion (`anchors` in order), and
    whether it left nothing the page's other parts would read. Markdown
    converts blocks one by one, so each unit's HTML is what it is alone; the
    separator Markdown writes after each unit's end marker (a raw HTML block
    before the next unit's marker) is dropped."""
    if not alone or [t["id"] for t in tokens] != anchors or any(t["children"] for t in tokens):
        raise NotAlone()
    parts = html.split(UNIT_END)
    if len(parts) != len(anchors) + 1 or not all(p.startswith(_RAW_GAP) for p in parts[1:-1]):
        raise NotAlone()   # an end marker written in a clause's own text
    # The last part is what follows the last unit's end marker.
    cut = [parts[0]] + [part[len(_RAW_GAP):] for part in parts[1:-1]]
    return {anchor: Unit(part, token) for anchor, part, token in zip(anchors, cut, tokens, strict=True)}


def _at_level(text: str, level: int) -> str:
    if level == UNIT_LEVEL:
        return text
    opening, closing = f"<h{UNIT_LEVEL}", f"</h{UNIT_LEVEL}>"
    start = text.index(opening)
    end = text.index(closing, start)
    return (text[:start] + f"<h{level}" + text[start + len(opening):end] + f"</h{level}>"
            + text[end + len(closing):])


@dataclass
class DocumentUnits:
    """A document's clause units and tails (tools and links), each made once
    for all its clause pages. Not `alone`: its pages are converted whole."""
    doc: Document
    units: dict[str, Unit] = field(default_factory=dict)
    tails: dict[str, Markup] = field(default_factory=dict)
    alone: bool = True

    def page(self, clause: Clause, fragments: list[str]) -> tuple[str, list[Any]]:
        """The HTML of the clause's own page, its tails deferred into
        `fragments` as the page's Markdown defers them, and its table of
        contents (nested, as Markdown's)."""
        parts: list[str] = []
        tokens: list[Any] = []   # Markdown's own entries

        def add(current: Clause, level: int) -> None:
            level = min(level, 6)
            own = self.units[current.anchor]
            parts.append(_at_level(own.html, level))
            tokens.append(dict(own.token, level=level, children=[]))
            end = defer(fragments, self.tails[current.anchor]) + _RAW_GAP
            if tail_first(current):
                parts.append(end)
            for child in current.children:
                add(self.doc.clauses[child], level + 1)
            if not tail_first(current):
                parts.append(end)
            parts.append(CLAUSE_END + _RAW_GAP)

        add(clause, PAGE_TOP_LEVEL)
        return "".join(parts).strip(), nest_toc_tokens(tokens)


Convert = Callable[[str], tuple[str, list[Any], bool]]


def convert_units(resolved: Resolved, doc: Document, markdown: Convert) -> dict[str, Unit]:
    """Every clause unit of `doc`, converted by `markdown` (HTML, table of
    contents, and whether the conversion left nothing another part would
    read); NotAlone if they cannot be converted apart."""
    clauses = list(doc.clauses.values())
    # One conversion for the document: Markdown's fixed cost per call was a third of the units' time.
    return units(*markdown("\n".join(clause_unit_markdown(resolved, doc, c) for c in clauses)),
                 [c.anchor for c in clauses])


def convert(model: Model, doc: Document, urls: dict[str, str], markdown: Convert,
            made: dict[str, Unit] | None = None) -> DocumentUnits:
    """`doc`'s units for its clause pages: `made` (converted on its document's
    page), else converted by `markdown`; and their tails."""
    try:
        made = made if made is not None else convert_units(model.resolved, doc, markdown)
    except NotAlone:
        return DocumentUnits(doc, alone=False)
    # A clause page lists all of a clause's news (none crowded out) and unfolds its links.
    return DocumentUnits(doc, made, {c.anchor: clause_tail(model.corpus, model.links, doc, c, urls, set(), False)
                                      for c in doc.clauses.values()})


# A document's page (views.document_markdown with a nonce) holds each
# clause's unit as a mark; its units are converted apart, once, and put in
# place of the marks in the HTML of the rest, and their headings in its table
# of contents. That is the HTML and table of contents of the whole page's
# Markdown (`whole_markdown`) if the rest leaves nothing the units would read
# and no id the rest's headings were given could have met one of theirs.
# tests/build/test_shared_markdown_build.py compares every page with MkDocs'
# own conversion of the whole Markdown, byte for byte.

_ID = re.compile(r'\sid="([^"]*)"')
_HEADING = re.compile(r"<h[1-6]\b[^>]*$")
_LINK = re.compile(r'\s(?:href|src)="([^"]*)"')


def _mark_prefix(nonce: str) -> str:
    return unit_mark(nonce, "")[:-len("-->")]


def whole_markdown(text: str, nonce: str, resolved: Resolved, doc: Document) -> str:
    """A document page's Markdown with each mark replaced by what it stands
    for: the Markdown MkDocs converts when the units are not put in place."""
    pieces = text.split(_mark_prefix(nonce))
    out = [pieces[0]]
    for piece in pieces[1:]:
        anchor, _, rest = piece.partition("-->")
        out += [clause_head_markdown(resolved, doc, doc.clauses[anchor]), rest]
    return "".join(out)


def _flat(tokens: list[dict]) -> list[dict]:
    out = []
    for token in tokens:
        out.append(dict(token, children=[]))
        out += _flat(token["children"])
    return out


def document_page(html: str, tokens: list[dict], alone: bool, made: dict[str, Unit], nonce: str,
                  doc: Document) -> tuple[str, list[Any]] | None:
    """The HTML and table of contents of `doc`'s page from the conversion of
    its Markdown with marks (`html`, nested `tokens`, whether it left
    nothing the units would read) and its units, or None if they would not
    be those of the whole Markdown."""
    # Markdown's toc gives a heading without an id one no element of the
    # page has: a first choice taken by a unit would show here as an id both have.
    unit_ids = {found for unit in made.values() for found in _ID.findall(unit.html)}
    if not alone or unit_ids.intersection(_ID.findall(html)):
        return None
    prefix = _mark_prefix(nonce)
    pieces = html.split(prefix)
    out, entries, at, seen = [pieces[0]], [], len(pieces[0]), set()
    for piece in pieces[1:]:
        anchor, found, rest = piece.partition("-->" + _RAW_GAP)
        if not found or anchor not in made or anchor in seen:
            return None
        seen.add(anchor)
        level = heading_level(doc.clauses[anchor])
        out += [_at_level(made[anchor].html, level), rest]
        entries.append((at, dict(made[anchor].token, level=level, children=[])))
        at += len(prefix) + len(piece)
    if seen != made.keys():
        return None
    # The rest's headings, placed by their ids in its HTML.
    start = 0
    for token in _flat(tokens):
        place = html.find(f' id="{token["id"]}"', start)
        if place < 0 or not _HEADING.search(html, html.rfind("<", 0, place), place):
            return None
        entries.append((place, token))
        start = place + 1
    entries.sort(key=lambda entry: entry[0])
    flat: list[Any] = [token for _, token in entries]
    return "".join(out), nest_toc_tokens(flat)


def location_free(made: dict[str, Unit]) -> bool:
    """Whether units converted on one page are the same on every other: no
    link MkDocs would make relative to the page."""
    for unit in made.values():
        for url in _LINK.findall(unit.html):
            parts = urlsplit(url)
            if not (parts.scheme or parts.netloc or url.startswith(("#", "/"))):
                return False
    return True


def pack(made: dict[str, Unit]) -> bytes:
    """Units held from their document's page to its clause pages, after the
    page loop: compressed, as the build holds every document's at once."""
    return zlib.compress(json.dumps([[anchor, unit.html, unit.token] for anchor, unit in made.items()],
                                    ensure_ascii=False).encode("utf-8"), 1)


def unpack(data: bytes) -> dict[str, Unit]:
    return {anchor: Unit(html, token) for anchor, html, token in json.loads(zlib.decompress(data))}
