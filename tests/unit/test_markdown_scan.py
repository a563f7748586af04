"""The one Markdown scanner: fenced, indented and inline code, as
Python-Markdown (with superfences) sees them."""
import re

import markdown
import pytest

from hooks.text import markdown_scan as ms

EXTENSIONS = ["admonition", "attr_list", "def_list", "md_in_html", "tables", "pymdownx.details",
              "pymdownx.superfences"]

# (name, text, whether the line holding X is code)
CASES = [
    ("after a paragraph and a blank line", "Para\n\n    X\n", True),
    ("at the start of the text", "    X\n", True),
    ("a tab", "Para\n\n\tX\n", True),
    ("after a heading", "## H\n\n    X\n", True),
    ("after a clause marker", "{#muc-1}\n\n    X\n", True),
    ("after fenced code", "```\ncode\n```\n\n    X\n", True),
    ("a second chunk of the same block", "Para\n\n    a\n\n    X\n", True),
    ("a fence inside indented code", "Para\n\n    ```\n    X\n    ```\n", True),
    ("a list ended by a paragraph", "- item\n\npara\n\n    X\n", True),
    ("a lazy paragraph continuation", "Para\n    X\n", False),
    ("three spaces", "Para\n\n   X\n", False),
    ("nested list content", "- item\n\n    X\n", False),
    ("a later paragraph of a numbered item", "1. item\n\n    more\n\n    X\n", False),
    ("after a lazy list continuation", "- item\nlazy\n\n    X\n", False),
    ("a second paragraph of a note", "!!! note\n    one\n\n    X\n", False),
    ("a second paragraph of details", "??? note\n    one\n\n    X\n", False),
    ("a definition", "Term\n:   def\n\n    X\n", False),
    ("after the indented block ends", "Para\n\n    a\n\nb X\n", False),
]


@pytest.mark.parametrize("name,text,code", CASES, ids=[c[0] for c in CASES])
def test_indented_code_as_python_markdown_sees_it(name, text, code):
    line = next(line for line in ms.lines(text) if "X" in line.text)
    assert line.is_code is code
    assert line.kind == (ms.INDENTED if code else ms.PROSE)
    # The rule is checked against the renderer itself, so it cannot drift.
    html = markdown.markdown(text, extensions=EXTENSIONS)
    assert bool(re.search(r"<code>[^<]*X", html)) is code


def test_fenced_code_and_fence_lines():
    text = "a\n~~~~\n```\nb\n~~~\n~~~~~\nc\n  ```py\n  d\n  ```"
    kinds = [(line.kind, line.opens) for line in ms.lines(text)]
    assert kinds == [(ms.PROSE, False), (ms.FENCED, True), (ms.FENCED, False), (ms.FENCED, False),
                     (ms.FENCED, False), (ms.FENCED, False), (ms.PROSE, False),
                     (ms.FENCED, True), (ms.FENCED, False), (ms.FENCED, False)]


def test_clause_marker_at_column_0_is_never_code():
    text = "Para\n\n    code\n{#muc-2-4}\n\n    code again"
    assert [line.kind for line in ms.lines(text)] == [ms.PROSE, ms.PROSE, ms.INDENTED, ms.PROSE, ms.PROSE,
                                                       ms.INDENTED]


def test_segments_of_a_prose_line():
    line = next(ms.lines("A `[[x]]` [[kl-14]] [t](u.md) <b>b</b> <https://e.vn> z"))
    kinds = [(s.kind, s.text) for s in ms.segments(line) if s.text]
    assert kinds == [(ms.PROSE, "A "), (ms.CODE_SPAN, "`[[x]]`"), (ms.PROSE, " "), (ms.REFERENCE, "[[kl-14]]"),
                     (ms.PROSE, " "), (ms.LINK, "[t](u.md)"), (ms.PROSE, " "), (ms.HTML, "<b>"),
                     (ms.PROSE, "b"), (ms.HTML, "</b>"), (ms.PROSE, " "), (ms.AUTOLINK, "<https://e.vn>"),
                     (ms.PROSE, " z")]


def test_rewrite_leaves_indented_code_alone():
    seen = []
    text = "A [[kl-14]]\n\n    [[kl-98]] 14-KL/TW\n\n- item\n\n    [[kl-15]] 14-KL/TW"
    out = ms.rewrite(text, lambda m, i: (seen.append((i, m.group(0))), "R")[1],
                     lambda t, i: t.replace("14-KL/TW", "N"))
    assert seen == [(0, "[[kl-14]]"), (6, "[[kl-15]]")]
    assert out.split("\n") == ["A R", "", "    [[kl-98]] 14-KL/TW", "", "- item", "", "    R N"]


def test_read_drops_a_byte_order_mark(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes("\ufeff---\nid: a\n---\nĐ".encode("utf-8"))
    assert ms.read(path) == "---\nid: a\n---\nĐ"
    path.write_bytes("---\nĐ".encode())
    assert ms.read(path) == "---\nĐ"


def test_legal_numbering_is_escaped_in_prose_only():
    from hooks.render.views import _escape_numbering
    text = "1. Một\n2. Hai\n\n3. Ba\n\n```\n\n5. rào\n```\n6.\n\n7.\n\nĐoạn.\n\n    8. thụt lề"
    assert _escape_numbering(text) == ("1\\. Một\n2. Hai\n\n3\\. Ba\n\n```\n\n5. rào\n```\n6.\n\n7\\.\n\n"
                                       "Đoạn.\n\n    8. thụt lề")
