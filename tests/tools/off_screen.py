"""A document's top-level clauses render only near the screen (site.css,
"clauses off screen"). Measuring a page's layout means rendering them all
first, as a reader scrolling through does, and comparing with the page
without that rule means serving the stylesheet without it."""
from __future__ import annotations

import re

STYLESHEET = "**/assets/stylesheets/site.css"
_BLOCK = re.compile(r"/\* begin: clauses off screen.*?/\* end: clauses off screen \*/", re.S)


def render_every_clause(pg) -> None:
    """Brings each top-level clause on screen for two frames, so each is laid
    out once and keeps its size (contain-intrinsic-size: auto), then goes
    back to the top."""
    pg.evaluate("""async () => {
        const frame = () => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
        for (const section of document.querySelectorAll('.kl-clause--depth-0')) {
            section.scrollIntoView();
            await frame();
        }
        scrollTo(0, 0);
        await frame();
    }""")


def without_the_rule(context) -> None:
    """Every page of `context` gets site.css without the rule: what the page
    would be if every clause were laid out at once."""
    def handle(route):
        response = route.fetch()
        css, count = _BLOCK.subn("", response.text())
        assert count == 1, "site.css has lost its 'clauses off screen' markers"
        route.fulfill(response=response, body=css)
    context.route(STYLESHEET, handle)
