"""Clause anchors: the numbering rule of DESIGN.md and the labels it implies.

An anchor is a chain of (level word, number) pairs joined by dashes, the
level words folded to ASCII: `muc-2-4`, `muc-2-4-doan-2`,
`dieu-5-khoan-2-diem-a`, `phan-i`, and `noi-dung-3` for the provisional
items of a summary.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# level word -> (number pattern, rank, word as written in prose).
# Rank orders the levels from the largest unit to the smallest; a component
# must be smaller than the one before it. `doan` (a paragraph) fits anywhere.
LEVELS: dict[str, tuple[str, int, str]] = {
    "phan": (r"[ivxlc]+|\d+", 0, "Phần"),
    "chuong": (r"[ivxlc]+|\d+", 1, "Chương"),
    # A provisional item is an excerpt of the source article, never a provision.
    "noi-dung": (r"\d+", 2, "đoạn trích"),
    "muc": (r"\d+(?:-\d+)*", 2, "mục"),
    "dieu": (r"\d+", 3, "Điều"),
    "khoan": (r"\d+", 4, "khoản"),
    "diem": (r"[a-z]", 5, "điểm"),
    "doan": (r"\d+", 6, "đoạn"),
}
# One pattern per level; the number must end at a dash or the end.
_COMPONENTS = {level: re.compile(rf"{level}-({pattern})(?=-|$)")
               for level, (pattern, _, _) in LEVELS.items()}
VALID_EXAMPLES = "muc-2, muc-2-4, muc-2-4-doan-2, dieu-5-khoan-2-diem-a, phan-i, noi-dung-1"


@dataclass(frozen=True)
class Component:
    level: str
    number: str   # as in the anchor: '2-4', 'i', 'a'

    @property
    def display_number(self) -> str:
        if self.level in ("phan", "chuong") and not self.number.isdigit():
            return self.number.upper()
        return self.number.replace("-", ".")

    def phrase(self) -> str:
        return f"{LEVELS[self.level][2]} {self.display_number}"


def parse(anchor: str) -> list[Component] | None:
    """Components of a valid anchor, or None if it breaks the numbering rule."""
    pos, parts = 0, []
    while pos < len(anchor):
        for level, pattern in _COMPONENTS.items():  # noqa: B007 - the matching level is used below
            match = pattern.match(anchor, pos)
            if match:
                break
        else:
            return None
        parts.append(Component(level, match.group(1)))
        pos = match.end()
        if pos < len(anchor):
            if anchor[pos] != "-":
                return None
            pos += 1
            if pos == len(anchor):
                return None
    if not parts:
        return None
    ranks = [LEVELS[p.level][1] for p in parts]
    if any(b <= a for a, b in zip(ranks, ranks[1:], strict=False)):
        return None
    return parts


def is_valid(anchor: str) -> bool:
    return parse(anchor) is not None


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def heading(anchor: str) -> str:
    """Short label of the clause itself: 'Mục 2.4', 'Đoạn 2', 'Điểm a'."""
    parts = parse(anchor)
    assert parts, anchor
    return _cap(parts[-1].phrase())


def phrase(anchor: str) -> str:
    """How prose names the clause, smallest unit first: 'đoạn 2 mục 2.4'."""
    parts = parse(anchor)
    assert parts, anchor
    return " ".join(p.phrase() for p in reversed(parts))


def cited(anchor: str) -> str:
    """The phrase at the start of a citation: 'Đoạn 2 mục 2.4'."""
    return _cap(phrase(anchor))
