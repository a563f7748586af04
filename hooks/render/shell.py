"""Clause pages built from one page shell instead of a full theme render each.

Every clause page (`contract.clause_page_url`) sits at the same depth, out
of the navigation, so everything Material draws around its article (head,
header, tabs, navigation, footer, scripts) is the same on all of them but a
few parts. The shell is rendered once per build, by the real `main.html`,
for a prototype page whose own parts render unique markers; each clause
page then renders only its own parts with a small template, and the two are
joined. Nothing is re-implemented: every part comes from the same template
code the full render runs, so the joined page is the full render, byte for
byte (tests/build/test_clause_shell.py builds both ways and compares).

A part is either a *region* (an included partial: the article, the table of
contents, the sharing tags, the page end), found in the prototype's page as
the exact text the same include rendered for it, or a *value* the theme
prints itself (title, description, canonical URL, skip link), found as the
prototype's marker value. Markers hold `&<"'`, so a value printed escaped or
URL-encoded somewhere the shell does not know leaves a transformed marker
behind, and the shell refuses to be made rather than print a wrong page.
"""
from __future__ import annotations

from collections.abc import Callable

from hooks import contract
from hooks.resolve import placeholders
from hooks.resolve.references import URL_PREFIX

# Separates the parts a template renders; never produced by Markdown or escaping.
SEP = "\x00kl-shell-part\x00"
MARK = "KL-SHELL-"

# Rendered by overrides/kl-clause-parts.html in this order.
REGIONS = ("content", "toc", "head", "end")
VALUES = ("title", "description", "canonical", "skip")
PARTS = REGIONS + VALUES

# The prototype: same depth as every clause page; "_" keeps it off any document id.
PROTOTYPE_SRC = contract.clause_page_src("_kl-shell", "_prototype")
PARTS_TEMPLATE = "kl-clause-parts.html"           # a clause page's own parts
PROTOTYPE_TEMPLATE = "kl-clause-prototype.html"   # main.html, then the prototype's parts
SKIP_ID = MARK + "skip"      # the heading id the skip link points to


def enabled(environ) -> bool:
    """KL_CLAUSE_PAGES=full renders every clause page through the theme
    instead (the reference the shell is tested against)."""
    return environ.get("KL_CLAUSE_PAGES", "shell") != "full"


def marker(name: str) -> str:
    return f"{MARK}{name}&<\"'"


def prototype_markdown() -> str:
    """The prototype's article: a heading, so its table of contents and skip
    link exist as they do on every clause page, and marked text."""
    return f"## {MARK}heading {{#{SKIP_ID}}}\n\n{MARK}text\n"


def prototype_view(view: dict) -> dict:
    """A clause page's view with the values that reach the theme's own
    markup replaced by markers (title, description)."""
    return view | {"title": marker("title"), "description": marker("description")}


class ShellError(Exception):
    pass


class Shell:
    """The prototype's page with a marker where each part was."""

    def __init__(self, rendered: str):
        """`rendered`: the prototype's template output, main.html then its parts."""
        page, *parts = rendered.split(SEP)
        if len(parts) != len(PARTS):
            raise ShellError(f"the prototype rendered {len(parts)} parts, not {len(PARTS)}")
        named = dict(zip(PARTS, parts, strict=True))
        for name in REGIONS:
            # Regions first: they hold values (og:title holds the title).
            if page.count(named[name]) != 1 or not named[name].strip():
                raise ShellError(f"part {name!r} is not found exactly once in the page")
            page = page.replace(named[name], self._slot(name))
        for name in VALUES:
            if named[name] not in page:
                raise ShellError(f"value {name!r} is not in the page")
            page = page.replace(named[name], self._slot(name))
        if MARK in page:
            at = page.index(MARK)
            raise ShellError(f"a marker is printed where the shell does not expect it: {page[at - 80:at + 40]!r}")
        # Placeholders and hook links are finished in each page's parts only.
        for held in (*placeholders.MARKERS, '="' + URL_PREFIX):
            if held in page:
                raise ShellError(f"the shell holds {held!r}, which only a page's own parts may hold")
        self.pieces = page.split(SEP)
        # Between every two pieces, the index of the part that goes there.
        self.order = [PARTS.index(self.pieces[i]) for i in range(1, len(self.pieces), 2)]
        self.pieces = self.pieces[0::2]

    def bare(self) -> str:
        """The shell with every part empty: all a clause page has besides its parts."""
        return "".join(self.pieces)

    @staticmethod
    def parts(rendered: str, finish: Callable[[str], str] = str) -> list[str]:
        """A clause page's parts (the output of PARTS_TEMPLATE), each passed
        through `finish`, in PARTS order."""
        parts = [finish(part) for part in rendered.split(SEP)]
        if len(parts) != len(PARTS):
            raise ShellError(f"a clause page rendered {len(parts)} parts, not {len(PARTS)}")
        return parts

    @staticmethod
    def beside_content(parts: list[str]) -> list[str]:
        """A page's parts other than its article: where the script policy
        looks (hooks/publish/csp.py), with the bare shell's pieces."""
        return [part for name, part in zip(PARTS, parts, strict=True) if name != "content"]

    @staticmethod
    def _slot(name: str) -> str:
        return f"{SEP}{name}{SEP}"

    def join(self, parts: list[str]) -> str:
        """A clause page: the shell with its parts in place."""
        out = [self.pieces[0]]
        for index, piece in zip(self.order, self.pieces[1:], strict=True):
            out += (parts[index], piece)
        return "".join(out)
