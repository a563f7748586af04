"""Placeholders for finished HTML inside page Markdown.

Markdown's raw-HTML parser walks every tag it meets, on every page; links and
backlink lists the hooks already rendered would cost more to parse than to
make. So the Markdown holds a placeholder (a comment for a block, two
private-use characters inline) and `finish_html` swaps the HTML back after
Markdown ran. Clause sections and task boxes are opened and closed by marker
comments the same way.
"""
from __future__ import annotations

import re

from hooks.text.html import Markup, start_tag

_MARK = re.compile(r"<!--kl:(?:(/?)(clause|task)(?: ([a-z0-9-]+) (\d+))?|html (\d+))-->|\ue000(\d+)\ue001")


def _element(match: re.Match, fragments: list[str]) -> str:
    close, kind, anchor, depth, fragment, inline = match.groups()
    if fragment is not None or inline is not None:
        html_text = fragments[int(fragment if fragment is not None else inline)]
        if html_text is None:   # re.sub would print nothing for it
            raise LookupError(f"placeholder {match.group(0)!r}: its page was written and its HTML let go")
        return html_text
    name = {"clause": "section", "task": "div"}[kind]
    if close:
        return Markup("</{}>").format(name)
    if kind == "clause":
        return start_tag(name, {"class": f"kl-clause kl-clause--depth-{depth}", "data-clause": anchor})
    return start_tag(name, {"class": "kl-task"})


# What every placeholder starts with (a block's comment, an inline mark).
MARKERS = ("<!--kl:", "\ue000")


def finish_html(html_text: str, fragments: list[str]) -> str:
    """Open and close the marked elements and put the deferred HTML in place."""
    if not any(marker in html_text for marker in MARKERS):
        return html_text
    return _MARK.sub(lambda m: _element(m, fragments), html_text)


def defer(fragments: list[str], html_text: str, inline: bool = False) -> str:
    """Keep finished HTML out of Markdown's way: a placeholder that Markdown
    passes through untouched (a comment for a block, two private-use
    characters inline), swapped back by `finish_html`. Markdown's raw-HTML
    parser would otherwise walk every tag of it, on every page."""
    fragments.append(html_text)
    n = len(fragments) - 1
    return f"\ue000{n}\ue001" if inline else f"<!--kl:html {n}-->"


