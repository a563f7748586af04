"""HTML the hooks make escapes editor text by construction (no MkDocs, no
browser): a document number (so its title), a body's names and a clause's
text carrying <script>, both quotes and & come out as text in the
references, the task lists, the backlinks, the clause tools and the graph
partial, never as markup."""
from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import jinja2
import yaml

from conftest import ROOT
from hooks import pipeline
from hooks.render import graph, views
from hooks.resolve import placeholders
from hooks.text.html import Markup, attributes, start_tag, tag

EVIL = "<script>alert(\"x\")</script> 'a' & \"b\""
# Clause text is the editor's own Markdown, where raw tags are refused by the
# raw-HTML check; what it may hold, and what attributes must still escape:
PLAIN = "'a' & \"b\" < 3"


class Parsed(HTMLParser):
    """Tags, attribute values and text as a browser would read them."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text = [], [], []
        self.feed(text)
        self.close()

    def handle_starttag(self, name, attrs):
        self.tags.append(name)
        self.attrs += [v for _, v in attrs if v is not None]

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.text.append(data)


def assert_escaped(html_text: str, in_text: int = 0, in_attrs: int = 0) -> Parsed:
    """No payload became markup, and the payload is still there, whole, as
    text and in attributes."""
    parsed = Parsed(str(html_text))
    assert "script" not in parsed.tags, html_text
    assert sum(EVIL in t for t in parsed.text) >= in_text, html_text
    assert sum(EVIL in v for v in parsed.attrs) >= in_attrs, html_text
    return parsed


def front(meta: dict, body: str) -> str:
    return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n\n" + body


def evil_corpus(root: Path) -> pipeline.Model:
    docs = root / "docs"
    (docs / "co-quan").mkdir(parents=True)
    (docs / "van-ban").mkdir()
    (docs / "co-quan" / "ubnd.md").write_text(front(
        {"id": "ubnd", "name": f"UBND {EVIL}", "short_name": f"UB {EVIL}", "level": "tinh", "parent": None}, ""),
        encoding="utf-8")
    base = {"type": "ke-hoach", "issuer": "ubnd", "signer": None, "issued": "01/02/2022", "effective": None,
            "legal_status": "chua-xac-dinh", "summary": "thử", "text": {"completeness": "toan-van", "source": "thử"}}
    (docs / "van-ban" / "a.md").write_text(front(
        {"id": "a", "number": f"1/{EVIL}", **base, "implements": []},
        f"{{#muc-1}}\n1. Nội dung {PLAIN}.\n"), encoding="utf-8")
    (docs / "van-ban" / "b.md").write_text(front(
        {"id": "b", "number": f"2/{EVIL}", **base, "implements": ["a"],
         "tasks": [{"id": "nhiem-vu-1", "what": "Nội dung có", "stated_in": "muc-1", "lead": "ubnd",
                    "support": ["ubnd"], "deadline": None, "implements": ["a#muc-1"]}]},
        "{#muc-1}\n1. Nội dung có [[a#muc-1]] và [[ubnd]].\n"), encoding="utf-8")
    return pipeline.build(docs, root)


def test_tag_escapes_every_value_unless_markup():
    html_text = tag("a", {"href": Markup("kl-url:") + EVIL, "title": EVIL, "hidden": True, "id": None},
                    EVIL, tag("b", None, "đậm"))
    assert html_text == Markup(
        '<a href="kl-url:&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &#39;a&#39; &amp; &#34;b&#34;" '
        'title="&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &#39;a&#39; &amp; &#34;b&#34;" hidden>'
        "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &#39;a&#39; &amp; &#34;b&#34;<b>đậm</b></a>")


def test_references_views_and_graph_escape_editor_text(tmp_path):
    m = evil_corpus(tmp_path)
    corpus, a, b = m.corpus, m.corpus.documents["a"], m.corpus.documents["b"]

    # References: link text (document title, body short name) and hover
    # (document summary, clause text) in b's clause.
    clause = placeholders.finish_html(m.resolved.clauses["b#muc-1"], m.resolved.fragments)
    parsed = assert_escaped(clause, in_text=2, in_attrs=1)
    assert parsed.tags.count("a") == 2
    assert any(PLAIN in v for v in parsed.attrs)   # the clause's first words as the hover title

    # Views: the clause tools (citation names document and issuer), the
    # backlinks under a's clause and at the end of a, and b's task list.
    fragments: list[str] = []
    text = placeholders.finish_html(
        views.clause_markdown(corpus, m.resolved, m.links, a, a.clauses["muc-1"], {}, fragments), fragments)
    tools = text[text.index('<div class="kl-clause__tools">'):]
    tools = tools[:tools.index("</div>") + len("</div>")]
    assert_escaped(tools, in_attrs=1)
    assert_escaped(views.backlinks_markdown(m.links.for_target("a#muc-1"), {}), in_text=1)
    assert_escaped(views.backlinks_markdown(m.links.for_document(corpus, "a"), {}), in_text=1)
    # The task's list items (lead, support, implements name the payload); the
    # quoted `what` above them is clause text, the editor's own Markdown.
    items = [line for line in views.tasks_markdown(corpus, b).splitlines() if line.startswith("- **")]
    assert_escaped("\n".join(items), in_text=3)

    # The graph partial, rendered as MkDocs does: autoescape off outside
    # the partial's own block.
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(ROOT / "overrides"), autoescape=False)
    env.filters["url"] = lambda url: "../" + url
    layout = graph.layout(corpus, {"a", "b"}, "a", f"Lược đồ quan hệ của {a.title}")
    svg = env.get_template("partials/kl-graph-svg.html").render(graph=layout)
    parsed = assert_escaped(svg, in_text=5)   # label, two titles, two issuers
    assert parsed.tags.count("a") == 2 and "../van-ban/a/" in parsed.attrs
    assert "kl-graph__node kl-graph__node--current" in parsed.attrs


def test_names_are_escaped_too_however_often_they_come():
    # Element and attribute names are escaped once and remembered (text/html.py); the same either way.
    for _ in range(2):
        assert tag('p"x', {"a<b": "1", 'c"': True}, "t") == '<p&#34;x a&lt;b="1" c&#34;>t</p&#34;x>'
    assert tag(Markup("b"), {"class": "k"}, Markup("<i>x</i>")) == '<b class="k"><i>x</i></b>'


def test_values_that_are_not_text_are_written_as_markupsafe_writes_them():
    class Html:   # markup by its own say, as Jinja and markupsafe read it
        def __html__(self):
            return "<i>h</i>"

    assert tag("p", {"data-n": 3, "data-h": Html()}, Html(), 4, "<") == '<p data-n="3" data-h="<i>h</i>"><i>h</i>4&lt;</p>'
    # Finished parts are Markup: they nest without being escaped twice.
    assert type(start_tag("p", {"a": "<"})) is Markup and start_tag("p", {"a": "<"}) == '<p a="&lt;">'
    assert type(attributes({"a": "&", "b": True})) is Markup and attributes({"a": "&", "b": True}) == ' a="&amp;" b'
