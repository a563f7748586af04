"""Read a built page as a reader sees it: its ids, and the text of
each element carrying a given attribute (`section[data-clause]` on a
document page, `figure[data-explains]` on an FAQ page). Headings, buttons,
permalinks, backlinks and captions are labels, not the text."""
from __future__ import annotations

from html.parser import HTMLParser

VOID = ("br", "img", "meta", "link", "input", "hr")
# Block boundaries separate words; inline tags ("số <a>14-KL/TW</a>,") do not.
BLOCKS = ("p", "div", "li", "section", "blockquote", "figure", "td", "th", "br")


def words(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").split())


class SectionText(HTMLParser):
    def __init__(self, html: str, attr: str = "data-clause", children: bool = False):
        """children: an element's text includes that of the elements inside
        it that carry `attr` too; otherwise only its own."""
        super().__init__(convert_charrefs=True)
        self.attr, self.children = attr, children
        self.ids: set[str] = set()
        self.html_lang: str | None = None
        self.text: dict[str, list[str]] = {}
        self._stack: list[tuple[str, str | None, bool]] = []   # (tag, key, skipped)
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang")
        if "id" in a:
            self.ids.add(a["id"])
        if tag in BLOCKS:
            self.handle_data(" ")
        if tag in VOID:
            return
        classes = a.get("class") or ""
        skipped = tag in ("h2", "h3", "h4", "h5", "h6", "button", "aside", "figcaption") \
            or "headerlink" in classes or "kl-faq-clause__note" in classes or "kl-backlinks" in classes.split()
        if tag == "aside" and "kl-faq__clauses" in classes:
            skipped = False   # on an FAQ page the clause texts live in this aside
        self._stack.append((tag, a.get(self.attr), skipped))

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.handle_data(" ")
        while self._stack:
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if any(s for _, _, s in self._stack):
            return
        keys = [k for _, k, _ in self._stack if k]
        for key in keys if self.children else keys[-1:]:
            self.text.setdefault(key, []).append(data)

    def of(self, key: str) -> str:
        """The element's text, whitespace collapsed."""
        return words("".join(self.text.get(key, [])))
