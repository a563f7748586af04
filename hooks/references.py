"""The [[…]] reference syntax of DESIGN.md: parse, resolve, render.

    [[kl-14]]                  -> "Kết luận số 14-KL/TW"
    [[kl-14#muc-2-4]]          -> "mục 2.4 Kết luận số 14-KL/TW"
    [[kl-14#muc-2-4|thí điểm]] -> the editor's own text
Inside a table the label separator is written `\\|`.
"""
from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass, field

_INNER = re.compile(r"^(?P<id>[^#|\\]+?)(?:#(?P<anchor>[^|\\]+?))?\s*(?:\\?\|(?P<label>.*))?$")


@dataclass(frozen=True)
class Anchor:
    text: str      # link text: 'mục 2.4 Kết luận số 14-KL/TW'
    hover: str     # first words of the target, shown on hover


@dataclass
class Target:
    id: str
    kind: str      # document | body | faq
    src: str       # source file relative to docs/, e.g. 'van-ban/kl-14.md'
    text: str
    hover: str = ""
    anchors: dict[str, Anchor] = field(default_factory=dict)


@dataclass(frozen=True)
class Ref:
    id: str
    anchor: str | None
    label: str | None

    @property
    def key(self) -> str:
        return f"{self.id}#{self.anchor}" if self.anchor else self.id


def parse(inner: str) -> Ref | None:
    """The parts of the text between [[ and ]], or None if malformed."""
    match = _INNER.match(inner.strip())
    if not match:
        return None
    label = match.group("label")
    return Ref(match.group("id").strip(), (match.group("anchor") or "").strip() or None,
               label.strip() if label and label.strip() else None)


def nearest(wanted: str, candidates: list[str], n: int = 3) -> list[str]:
    close = difflib.get_close_matches(wanted, candidates, n=n, cutoff=0.4)
    rest = [c for c in sorted(candidates, key=lambda c: (c[:1] != wanted[:1], c)) if c not in close]
    return (close + rest)[:n]


def check(ref: Ref, targets: dict[str, Target]) -> list[str] | None:
    """None if the reference resolves, else the nearest valid targets."""
    target = targets.get(ref.id)
    if target is None:
        return nearest(ref.id, list(targets))
    if ref.anchor and ref.anchor not in target.anchors:
        return [f"{ref.id}#{a}" for a in nearest(ref.anchor, list(target.anchors))]
    return None


def relative_link(from_src: str, to_src: str, anchor: str | None) -> str:
    """A Markdown link target from one source file to another, which MkDocs
    turns into the right URL (blog posts included)."""
    fragment = f"#{anchor}" if anchor else ""
    if from_src == to_src:
        return fragment or posixpath.basename(to_src)
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".") + fragment


def _escape_text(text: str) -> str:
    return re.sub(r"([\[\]\\*_`])", r"\\\1", text)


def render(ref: Ref, targets: dict[str, Target], from_src: str) -> str:
    target = targets[ref.id]
    if ref.anchor:
        info = target.anchors[ref.anchor]
        text, hover = info.text, info.hover
    else:
        text, hover = target.text, target.hover
    title = f' "{hover.replace(chr(34), "&quot;")}"' if hover else ""
    return f"[{_escape_text(ref.label or text)}]({relative_link(from_src, target.src, ref.anchor)}{title})"


def first_words(text: str, n: int = 18) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")
