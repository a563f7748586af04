"""The [[…]] reference syntax of DESIGN.md: parse, resolve, render.

    [[kl-14]]                  -> "Kết luận số 14-KL/TW"
    [[kl-14#muc-2-4]]          -> "mục 2.4 Kết luận số 14-KL/TW"
    [[kl-14#muc-2-4|thí điểm]] -> the editor's own text
Inside a table the label separator is written `\\|`.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field

from hooks.model.errors import nearest
from hooks.text.html import Markup, tag

# Links the hooks write carry the target's site URL behind this prefix; the
# final page HTML gets URLs relative to each page (`localize`), which keeps
# the site working under any base path and from the file system. Raw HTML
# links cost Markdown far less than [text](path.md) links at scale.
URL_PREFIX = "kl-url:"

_INNER = re.compile(r"^(?P<id>[^#|\\]+?)(?:#(?P<anchor>[^|\\]+?))?\s*(?:\\?\|(?P<label>.*))?$")


@dataclass(frozen=True)
class Anchor:
    text: str      # link text: 'mục 2.4 Kết luận số 14-KL/TW'
    hover: str     # first words of the target, shown on hover
    moved_to: str | None = None   # a retired provisional id: the clause that replaced it


@dataclass
class Target:
    id: str
    kind: str      # document | body | faq
    url: str       # site URL, e.g. 'van-ban/kl-14/'
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


def check(ref: Ref, targets: dict[str, Target]) -> list[str] | None:
    """None if the reference resolves, else the nearest valid targets."""
    target = targets.get(ref.id)
    if target is None:
        return nearest(ref.id, list(targets))
    if ref.anchor and ref.anchor not in target.anchors:
        return [f"{ref.id}#{a}" for a in nearest(ref.anchor, list(target.anchors))]
    return None


def canonical(ref: Ref, targets: dict[str, Target]) -> Ref:
    """A resolved reference written with a retired id, pointed at the clause
    that replaced it."""
    moved = targets[ref.id].anchors[ref.anchor].moved_to if ref.anchor else None
    return Ref(ref.id, moved, ref.label) if moved else ref


def site_relative(from_url: str, to_url: str) -> str:
    """Relative URL between two directory-style site URLs ('van-ban/kl-14/')."""
    path, _, frag = to_url.partition("#")
    fragment = f"#{frag}" if frag else ""
    if path == from_url and fragment:
        return fragment
    rel = _relpath(path, from_url)
    rel = "./" if rel == "." else rel + ("/" if path.endswith("/") else "")
    return rel + fragment


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath(path or ".", start or ".") for two site paths,
    without its two abspath calls, each a getcwd (100,000 at 10×)."""
    to = [p for p in path.split("/") if p not in ("", ".")]
    here = [p for p in start.split("/") if p not in ("", ".")]
    if ".." in to or ".." in here or path.startswith("/") or start.startswith("/"):
        return posixpath.relpath(path or ".", start or ".")
    common = 0
    for a, b in zip(to, here, strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


def localize(html_text: str, page_url: str) -> str:
    """Turn every hook-written link (href="kl-url:…") into one relative to the page."""
    pieces = html_text.split('="' + URL_PREFIX)
    if len(pieces) == 1:
        return html_text
    out, cache = [pieces[0]], {}
    for piece in pieces[1:]:
        end = piece.index('"')
        target = piece[:end]
        if target not in cache:
            cache[target] = site_relative(page_url, target)
        out.append(f'="{cache[target]}{piece[end:]}')
    return "".join(out)


def anchor_html(url: str, text: str, hover: str = "") -> Markup:
    return tag("a", {"href": Markup(URL_PREFIX) + url, "title": hover or None}, text)


def render(ref: Ref, targets: dict[str, Target]) -> Markup:
    target = targets[ref.id]
    if ref.anchor:
        info = target.anchors[ref.anchor]
        text, hover = info.text, info.hover
    else:
        text, hover = target.text, target.hover
    return anchor_html(target.url + (f"#{ref.anchor}" if ref.anchor else ""), ref.label or text, hover)


def first_words(text: str, n: int = 18) -> str:
    words = text.split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")
