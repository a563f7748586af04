"""Cut a page into sections, each a search result of its own.

A section starts at every heading with an id (a clause, an FAQ entry, a
heading of a guide or a post) and runs to the next one; the text before the
first such heading belongs to the page itself. Template furniture (buttons,
permalinks, the clause list, the document chain) is not content.

Most pages are cut from their rendered content (`split_content`), before the
deferred HTML is put back: a clause's tools and every backlink list stay
placeholders the parser never walks. What the page's template adds around
the content comes from the model as a `Frame` (`search/frames.py`). Only the
few listings whose template prints more than the content (the graph, the
indexes, the blog's own pages) are cut from the finished page (`split`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
# Tags and classes whose text is navigation or controls, not content.
# A blockquote repeats text that has its own record (a news post quoting the
# Conclusion, an FAQ or a task quoting a clause): results land on the clause.
SKIP_TAGS = {"script", "style", "button", "nav", "svg", "template", "blockquote"}
SKIP_CLASSES = {"headerlink", "kl-toc", "kl-chain", "kl-clause__tools", "md-source-file", "md-post__meta",
                "kl-backlinks", "kl-changes", "kl-graph-figure", "kl-page-end"}
# Headings the templates add (ids "kl-…") label parts of the page's own
# intro, such as the metadata panel, rather than content of their own: what
# follows them belongs to the intro wherever the template puts it (the panel
# sits at the end of a document, after its last section).
TEMPLATE_ID_PREFIX = "kl-"
BLOCKS = {"p", "div", "li", "dd", "dt", "section", "blockquote", "tr", "td", "th", "br", "ul", "ol", "dl",
          "details", "summary", "table"} | HEADINGS
VOID = {"br", "img", "meta", "link", "input", "hr", "wbr", "source", "area", "col", "embed", "param", "track"}


@dataclass
class Section:
    anchor: str | None          # None: the page's own intro
    heading: str
    level: int                  # 1..6, 0 for an intro without a heading
    text: list[str] = field(default_factory=list)

    @property
    def body(self) -> str:
        return " ".join("".join(self.text).split())


@dataclass
class Frame:
    """What a page's template prints around its content, in the order the
    finished page has it: words before the content (they are the page's
    own), the page's H1, and after the content a list of parts: (None, text)
    continues the section the content ended in, ("kl-…", text) is a
    template heading whose text is the page's own, (id, heading, text) a
    section of its own."""
    before: list[str] = field(default_factory=list)
    heading: str = ""
    after: list[tuple] = field(default_factory=list)


class _Splitter(HTMLParser):
    def __init__(self, in_article: bool = False):
        super().__init__(convert_charrefs=True)
        self.sections: list[Section] = [Section(None, "", 0)]
        self._in_article = int(in_article)
        self._skip = 0
        self._stack: list[tuple[str, bool]] = []   # (tag, skipping)
        self._heading: list[str] | None = None
        self._heading_depth = 0
        self._target = self.sections[0]   # where text goes

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = set((a.get("class") or "").split())
        if tag == "article" and "md-content__inner" in classes:
            self._in_article += 1
            self._stack.append((tag, False))
            return
        if not self._in_article:
            return
        if tag in VOID:
            if tag == "br" and not self._skip:
                self._emit(" ")
            return
        # Backlinks are marked data-search-exclude: they name other pages.
        skip = tag in SKIP_TAGS or bool(classes & SKIP_CLASSES) or "hidden" in a or "data-search-exclude" in a
        self._stack.append((tag, skip))
        if skip:
            self._skip += 1
            return
        if self._skip:
            return
        if tag in HEADINGS:
            ident = a.get("id")
            level = int(tag[1])
            if ident and not ident.startswith(TEMPLATE_ID_PREFIX) and level > 1:
                self.sections.append(Section(ident, "", level))
                self._target = self.sections[-1]
                self._heading, self._heading_depth = [], len(self._stack)
            elif ident and ident.startswith(TEMPLATE_ID_PREFIX):
                self._target = self.sections[0]
            elif level == 1 and not self.sections[0].heading:
                self._heading, self._heading_depth = [], len(self._stack)
                self.sections[0].level = 1
        if tag in BLOCKS:
            self._emit(" ")

    def handle_startendtag(self, tag, attrs):
        # "<hr />", "<br />": a void tag closes nothing. (HTMLParser's default
        # also ends it, which used to close every element open around it and
        # lose the rest of the page.)
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if not self._in_article:
            return
        while self._stack:
            open_tag, skip = self._stack.pop()
            if skip:
                self._skip -= 1
            if self._heading is not None and len(self._stack) < self._heading_depth:
                target = self.sections[-1] if self.sections[-1].anchor else self.sections[0]
                if target.level == 1 and target.anchor is None:
                    target = self.sections[0]
                target.heading = " ".join("".join(self._heading).split())
                self._heading = None
            if open_tag == "article":
                self._in_article -= 1
            if open_tag == tag:
                break
        if tag in BLOCKS and self._in_article and not self._skip:
            self._emit(" ")

    def handle_data(self, data):
        if self._in_article and not self._skip:
            if self._heading is not None:
                self._heading.append(data)
            else:
                self._emit(data)

    def _emit(self, text: str) -> None:
        self._target.text.append(text)


_ARTICLE = '<article class="md-content__inner'


def split(html: str) -> list[Section]:
    """Sections of the page's main article, intro first."""
    # Only the article is read; cutting it out first spares the parser the
    # navigation, which on a large site is most of every page.
    start = html.find(_ARTICLE)
    if start >= 0:
        end = html.find("</article>", start)
        html = html[start:end + len("</article>")] if end >= 0 else html[start:]
    parser = _Splitter()
    parser.feed(html)
    parser.close()
    return parser.sections


# Block placeholders stand for a clause's tools and backlink lists, which
# search skips; inline ones for links, whose words are the page's.
_BLOCK_PLACEHOLDER = re.compile(r"<!--kl:html \d+-->")
_INLINE_PLACEHOLDER = re.compile(r"\ue000(\d+)\ue001")


def split_content(html: str, fragments: list[str], frame: Frame | None = None) -> list[Section]:
    """Sections of a page from its rendered content (`on_page_content`,
    placeholders not yet finished) and what its template adds (`frame`),
    as `split` finds them in the finished page."""
    frame = frame or Frame()
    html = _BLOCK_PLACEHOLDER.sub("", html)
    if "\ue000" in html:
        html = _INLINE_PLACEHOLDER.sub(lambda m: fragments[int(m.group(1))], html)
    parser = _Splitter(in_article=True)
    intro = parser.sections[0]
    intro.text.append(" ".join(frame.before) + " ")
    if frame.heading:
        intro.heading, intro.level = frame.heading, 1
    parser.feed(html)
    parser.close()
    for part in frame.after:
        if len(part) == 3:
            parser.sections.append(Section(part[0], part[1], 2, [part[2]]))
            parser._target = parser.sections[-1]
            continue
        if part[0] is not None:   # a template heading: what follows is the page's own
            parser._target = intro
        parser._emit(" " + part[1] + " ")
    return parser.sections
