"""Split a document body into free Markdown and clauses.

An editor starts a clause with a line holding only its anchor, `{#muc-2-4}`,
and marks a clause whose text is not yet available with `{#muc-3 .chua-co}`.
A clause runs until the next clause line or the next heading; its hierarchy
follows from the anchors (`muc-2-4-doan-1` sits inside `muc-2-4`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from hooks.model import anchors
from hooks.model.corpus import Block
from hooks.model.errors import shown
from hooks.text import markdown_scan

MARKER = re.compile(r"^\{#(?P<anchor>[^\s}]*)(?P<flags>(?:\s+\.[\w-]+)*)\s*\}\s*$")
# Anything an editor may have meant as a clause line: '{#', '{ #', indented or not.
LOOKS_LIKE_MARKER = re.compile(r"^\s*\{\s*#")
# The number a clause's text starts with: '2.4.', 'Điều 5.', 'b)', 'Phần II'.
_VISIBLE_NUMBER = re.compile(r"^(?:(?:Phần|Chương|Mục|Điều)\s+)?([0-9]+(?:\.[0-9]+)*|[IVXLC]+|[a-zđ])[.):]\s", re.I)
_HEADING = re.compile(r"^#{1,6}\s")
_ADMONITION = re.compile(r"^(!!!|\?\?\?\+?)\s")
FLAG_UNAVAILABLE = "chua-co"


@dataclass
class Clause:
    anchor: str
    line: int                       # 1-based line of the marker in the file
    source: str                     # the clause's own Markdown, markers excluded
    available: bool = True
    source_line: int = 0            # 1-based line where `source` starts
    parent: str | None = None
    children: list[str] = field(default_factory=list)
    depth: int = 0

    @property
    def provisional(self) -> bool:
        return self.anchor.startswith("noi-dung")


@dataclass
class ParsedBody:
    blocks: list[Block]
    clauses: dict[str, Clause]      # in document order
    problems: list[tuple[int, str, str, str, str]]  # (line, vi, en, fix_vi, fix_en)


def parse(body: str, first_line: int = 1) -> ParsedBody:
    blocks: list[Block] = []
    clauses: dict[str, Clause] = {}
    problems: list[tuple[int, str, str, str, str]] = []
    current: Clause | None = None
    buffer: list[str] = []
    start = [first_line]  # line of buffer[0]

    def flush() -> None:
        # Leading blank lines are dropped, so move the start line past them.
        lead = next((i for i, line in enumerate(buffer) if line.strip()), len(buffer))
        text = "\n".join(buffer[lead:]).rstrip("\n")
        if current is not None:
            current.source, current.source_line = text, start[0] + lead
        elif text.strip():
            blocks.append(Block(markdown=text, line=start[0] + lead))
        buffer.clear()

    def add(line: str, lineno: int) -> None:
        if not buffer:
            start[0] = lineno
        buffer.append(line)

    for scanned in markdown_scan.lines(body):
        line, lineno = scanned.text, first_line + scanned.index
        if scanned.is_code:
            # Fenced code ends a clause (an editor's example, not legal text);
            # indented code stays in the text it belongs to.
            if scanned.kind == markdown_scan.FENCED and scanned.opens and current is not None:
                flush()
                current = None
            add(line, lineno)
            continue
        marker = MARKER.match(line)
        if marker is None and LOOKS_LIKE_MARKER.match(line):
            problems.append((lineno, *_malformed(line)))
            continue
        if marker:
            flush()
            anchor = marker.group("anchor")
            flags = marker.group("flags").split()
            unknown_flags = [f for f in flags if f != "." + FLAG_UNAVAILABLE]
            if unknown_flags:
                problems.append((lineno, f"dấu {' '.join(unknown_flags)} không được hỗ trợ.",
                                 f"unknown flag {' '.join(unknown_flags)}.",
                                 f"chỉ dùng '.{FLAG_UNAVAILABLE}' cho điều khoản chưa có văn bản.",
                                 f"only '.{FLAG_UNAVAILABLE}' (text not available) is supported."))
            if not anchors.is_valid(anchor):
                problems.append((lineno, f"mã điều khoản {shown(anchor)} không theo quy tắc đánh số.",
                                 f"clause anchor {shown(anchor)} does not follow the numbering rule.",
                                 f"dùng cấp (phan, chuong, muc, dieu, khoan, diem, doan) và số, "
                                 f"nối bằng gạch ngang, ví dụ: {anchors.VALID_EXAMPLES}.",
                                 f"use level words and numbers joined by dashes, e.g. {anchors.VALID_EXAMPLES}."))
                current = None
                continue
            if anchor in clauses:
                problems.append((lineno, f"mã điều khoản {shown(anchor)} bị trùng (đã có ở dòng {clauses[anchor].line}).",
                                 f"duplicate clause anchor {shown(anchor)} (first at line {clauses[anchor].line}).",
                                 "mỗi điều khoản một mã riêng theo số của văn bản.",
                                 "give each clause its own anchor from the document's numbering."))
                current = None
                continue
            current = Clause(anchor, lineno, "", available="." + FLAG_UNAVAILABLE not in flags)
            clauses[anchor] = current
            blocks.append(Block(clause=anchor))
            continue
        if _HEADING.match(line) and current is not None:
            flush()
            current = None
        if current is not None and _ADMONITION.match(line):
            # A note inside a clause would be published as the clause's text.
            problems.append((lineno, "ghi chú (!!!) nằm trong lời văn của điều khoản "
                             f"{shown(current.anchor)}.",
                             f"a note (!!!) sits inside the text of clause {shown(current.anchor)}.",
                             "đặt một tiêu đề (ví dụ '## Ghi chú') trước ghi chú để kết thúc điều khoản.",
                             "put a heading (e.g. '## Ghi chú') before the note to end the clause."))
        add(line, lineno)
    flush()
    _link_tree(clauses)
    problems += _structure(clauses)
    return ParsedBody(blocks, clauses, problems)


def _malformed(line: str) -> tuple[str, str, str, str]:
    """What is wrong with a line that looks like a clause line but is not one."""
    anchor = re.sub(r"[{}#\s].*$", "", line.strip().lstrip("{ #")) or "muc-2-4"
    if line[:1].isspace():
        why_vi, why_en = "dòng mã điều khoản phải bắt đầu ở đầu dòng, không thụt lề", "it is indented"
    elif "}" not in line:
        why_vi, why_en = "thiếu dấu '}' đóng", "the closing '}' is missing"
    elif line.rstrip()[-1] != "}":
        why_vi, why_en = "có chữ sau dấu '}': lời văn phải bắt đầu ở dòng sau", "text follows the '}'"
    else:
        why_vi, why_en = "có khoảng trắng giữa '{', '#' và mã", "there is a space inside '{#'"
    return (f"dòng “{line.strip()[:60]}” giống dòng mã điều khoản nhưng sai dạng ({why_vi}); "
            "nếu để vậy, nó sẽ thành lời văn của điều khoản trước.",
            f"line “{line.strip()[:60]}” looks like a clause line but is not one ({why_en}).",
            f"viết riêng một dòng, sát lề trái: {{#{anchor}}}, rồi lời văn ở dòng sau.",
            f"write {{#{anchor}}} alone at the start of a line, the text on the next line.")


def _number_key(number: str) -> tuple:
    """Order of a component's number: 2-4 < 2-10, ii < iv, a < b."""
    romans = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
    if number.replace("-", "").isdigit():
        return tuple(int(n) for n in number.split("-"))
    if all(ch in romans for ch in number):
        total = 0
        for ch, nxt in zip(number, number[1:] + " ", strict=True):
            total += -romans[ch] if romans.get(nxt, 0) > romans[ch] else romans[ch]
        return (total,)
    return (ord(number[0]),)


def _parent_anchor(anchor: str) -> str | None:
    """The clause a clause belongs to by its numbering: muc-2-4 -> muc-2,
    dieu-7-khoan-2 -> dieu-7, muc-2-4-doan-1 -> muc-2-4; None at the top."""
    parts = anchors.parse(anchor)
    if not parts:
        return None
    last = parts[-1]
    if last.level == "muc" and "-" in last.number:
        return anchor.rsplit("-", 1)[0]
    return anchor.rsplit(f"-{last.level}-", 1)[0] if len(parts) > 1 else None


def _structure(clauses: dict[str, Clause]) -> list[tuple[int, str, str, str, str]]:
    """Numbering that contradicts itself: a level the document does not use,
    a child without its parent, clauses out of order, a visible number that
    disagrees with the anchor. Each on the clause's own line."""
    out = []
    first_level = None
    previous: dict[tuple[str | None, str], Clause] = {}   # (parent, level) -> the sibling before
    for clause in clauses.values():
        parts = anchors.parse(clause.anchor) or []
        if not parts:
            continue
        level = parts[0].level
        if clause.provisional:
            pass   # excerpts of a summary may stand beside the official numbering while it takes over
        elif first_level is None:
            first_level = (level, clause.anchor)
        elif level != first_level[0]:
            out.append((clause.line, f"mã {clause.anchor} dùng cấp “{level}”, nhưng văn bản này đánh số theo "
                        f"“{first_level[0]}” (từ {first_level[1]}).",
                        f"{clause.anchor} uses the level “{level}”; this document is numbered by "
                        f"“{first_level[0]}”.",
                        f"đặt mã theo cách đánh số của văn bản, ví dụ {first_level[0]}-….",
                        f"number it as the document does: {first_level[0]}-…."))
            continue
        wanted = _parent_anchor(clause.anchor)
        if wanted is not None and wanted not in clauses:
            out.append((clause.line, f"điều khoản {clause.anchor} nằm trong {wanted}, nhưng văn bản chưa có dòng "
                        f"{{#{wanted}}}.", f"{clause.anchor} belongs to {wanted}, which has no clause line.",
                        f"thêm dòng {{#{wanted}}} trước nó (hoặc {{#{wanted} .chua-co}} nếu chưa có lời văn).",
                        f"add {{#{wanted}}} before it (or {{#{wanted} .chua-co}} if its text is not available)."))
        before = previous.get((clause.parent, parts[-1].level))
        if before is not None:
            mine, theirs = anchors.parse(before.anchor) or [], parts
            if _number_key(theirs[-1].number) <= _number_key(mine[-1].number):
                out.append((clause.line, f"{anchors.heading(clause.anchor)} đứng sau "
                            f"{anchors.heading(before.anchor)} (dòng {before.line}): điều khoản không theo thứ tự.",
                            f"{clause.anchor} comes after {before.anchor}: clauses are out of order.",
                            "sắp các điều khoản theo đúng thứ tự số của văn bản.",
                            "put the clauses in the document's own order."))
        previous[(clause.parent, parts[-1].level)] = clause
        shown_number = _VISIBLE_NUMBER.match(clause.source)
        last = parts[-1]
        if shown_number and last.level != "doan":
            written = shown_number.group(1).lower()
            if written != last.display_number.lower():
                out.append((clause.line, f"mã {clause.anchor} ghi số {last.display_number}, nhưng lời văn bắt đầu "
                            f"bằng số {shown_number.group(1)}.",
                            f"{clause.anchor} says {last.display_number}; its text starts with "
                            f"{shown_number.group(1)}.",
                            "sửa mã cho khớp số trong lời văn (lời văn là nguyên văn, không sửa).",
                            "fix the anchor to match the number in the text (the text is verbatim)."))
    return out


def _link_tree(clauses: dict[str, Clause]) -> None:
    """Parent = the longest other anchor that prefixes this one at a dash."""
    for clause in clauses.values():
        candidates = [a for a in clauses if clause.anchor.startswith(a + "-")]
        if candidates:
            clause.parent = max(candidates, key=len)
            clauses[clause.parent].children.append(clause.anchor)
    for clause in clauses.values():
        depth, parent = 0, clause.parent
        while parent:
            depth, parent = depth + 1, clauses[parent].parent
        clause.depth = depth


_REF = re.compile(r"\[\[([^\[\]|]+?)(?:\\?\|([^\[\]]+))?\]\]")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_MARK = re.compile(r"(\*\*|__|\*|_|`)")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|])")


def _unmarked(text: str) -> str:
    text = _REF.sub(lambda m: (m.group(2) or m.group(1)).strip(), text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_MARK.sub("", text)
    return _ESCAPE.sub(r"\1", text)


def plain_text(markdown: str) -> str:
    """The words of a clause without Markdown markup, paragraphs kept apart;
    code (spans, indented blocks) keeps its text as the page shows it. The
    very same string when it has no markup, as most clauses: the model then
    holds their text once, not twice."""
    lines = []
    for line in markdown_scan.lines(markdown):
        parts = []
        for seg in markdown_scan.segments(line):
            if seg.kind == markdown_scan.CODE_SPAN and seg.match is not None:
                ticks = len(seg.match.group("ticks"))
                parts.append(seg.text[ticks:-ticks].strip())
            elif seg.kind in markdown_scan.CODE:
                parts.append(seg.text)
            else:
                parts.append(_unmarked(seg.text))
        lines.append("".join(parts))
    text = "\n".join(lines)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text)]
    plain = "\n\n".join(p for p in paragraphs if p)
    return markdown if plain == markdown else plain


def full_text(clauses: dict[str, Clause], anchor: str, own: dict[str, str] | None = None) -> str:
    """A clause's own words followed by its children's, in order. With
    `own` (each clause's plain_text, by anchor), each is made once, and a
    clause whose words are all its own gets that very string: the model
    holds every clause's text twice otherwise (30,000 at 100×)."""
    clause = clauses[anchor]
    mine = own[anchor] if own is not None else plain_text(clause.source)
    parts = [p for p in [mine] + [full_text(clauses, c, own) for c in clause.children] if p]
    return parts[0] if len(parts) == 1 else "\n\n".join(parts)
