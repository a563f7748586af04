"""A clause page put together from its clauses' units, each converted once
(hooks/render/clause_units.py), is what Markdown makes of the page's whole
Markdown, with the site's own Markdown settings: nested clauses at every
depth, a clause with no text of its own before its sub-clauses, a clause
whose text is not in the source, lists, tables and emphasis. A unit whose
conversion would read or leave state for the rest of its page (a link
reference, an abbreviation, a heading of its own) makes the document's pages
convert whole. tests/build/test_clause_shell.py compares the built pages."""
from __future__ import annotations

from pathlib import Path

import markdown
import pytest
import yaml

from conftest import ROOT
from hooks import pipeline
from hooks.render import clause_units, views
from hooks.resolve import placeholders

BODY = """Lời dẫn.

{#muc-1}
1. Một, **đậm** và *nghiêng*.

{#muc-2}
2. Hai:

{#muc-2-1}
2.1. Hai một.

- gạch đầu dòng một;
- gạch đầu dòng hai.

{#muc-2-2}

{#muc-2-2-dieu-1}
Điều một.

| Cột | Cột hai |
| --- | --- |
| một | hai |

{#muc-2-2-dieu-1-khoan-1}
Khoản **một**.

{#muc-2-2-dieu-1-khoan-1-diem-a}
a) Điểm a.

{#muc-2-2-dieu-1-khoan-1-diem-a-doan-1}
Đoạn một, sâu nhất.

{#muc-2-2-doan-2}
Đoạn hai.

{#muc-3 .chua-co}
"""


def site_markdown() -> markdown.Markdown:
    """A Markdown instance with mkdocs.yml's extensions and their settings."""
    class Loader(yaml.SafeLoader):
        pass
    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    names, settings = [], {}
    for item in config["markdown_extensions"]:
        name, setting = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        names.append(name)
        settings[name] = setting or {}
    return markdown.Markdown(extensions=names, extension_configs=settings)


def model_of(root: Path, body: str) -> pipeline.Model:
    docs = root / "docs"
    (docs / "co-quan").mkdir(parents=True)
    (docs / "van-ban").mkdir()
    (docs / "co-quan" / "ubnd.md").write_text(
        "---\n" + yaml.safe_dump({"id": "ubnd", "name": "Ủy ban nhân dân tỉnh", "short_name": "UBND tỉnh",
                                  "level": "tinh", "parent": None}, allow_unicode=True) + "---\n", encoding="utf-8")
    meta = {"id": "a", "number": "1/KH-UBND", "type": "ke-hoach", "issuer": "ubnd", "signer": None,
            "issued": "01/02/2022", "effective": None, "legal_status": "chua-xac-dinh", "summary": "thử",
            "text": {"completeness": "toan-van", "source": "thử"}, "implements": []}
    (docs / "van-ban" / "a.md").write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n\n" + body,
                                           encoding="utf-8")
    return pipeline.build(docs, root)


def convert_with(md: markdown.Markdown):
    def convert(text: str):
        md.reset()
        html = md.convert(text)
        return html, md.toc_tokens, clause_units.leaves_nothing(md)
    return convert


def test_pages_from_units_are_the_whole_pages_markdown(tmp_path):
    m = model_of(tmp_path, BODY)
    doc = m.corpus.documents["a"]
    assert max(c.depth for c in doc.clauses.values()) == 5
    md = site_markdown()
    units = clause_units.convert(m, doc, {}, convert_with(md))
    assert units.alone
    for clause in doc.clauses.values():
        whole: list[str] = []
        md.reset()
        expected = md.convert(views.clause_page_markdown(m.corpus, m.resolved, m.links, doc, clause, {}, whole))
        expected_toc = md.toc_tokens
        parts: list[str] = []
        html, toc = units.page(clause, parts)
        assert placeholders.finish_html(html, parts) == placeholders.finish_html(expected, whole), clause.anchor
        assert toc == expected_toc, clause.anchor
    # Headings run 2 to 6 on a page, the deepest (7) capped at 6, as in the page's Markdown.
    html, _ = units.page(doc.clauses["muc-2"], [])
    assert "<h6" in html and "<h2" in html and "<h7" not in html


@pytest.mark.parametrize("text", [
    "[nguồn]: https://example.org/nguon",            # a link reference another clause could use
    "*[UBND]: Ủy ban nhân dân",                     # an abbreviation the whole page would mark
])
def test_a_unit_that_is_not_alone_converts_its_document_whole(tmp_path, text):
    m = model_of(tmp_path, BODY.replace("2.1. Hai một.", f"2.1. Hai một.\n\n{text}"))
    units = clause_units.convert(m, m.corpus.documents["a"], {}, convert_with(site_markdown()))
    assert not units.alone


def test_an_end_marker_in_a_clauses_text_converts_its_document_whole(tmp_path):
    # The units of a document are converted at once and cut at their end markers.
    m = model_of(tmp_path, BODY.replace("2.1. Hai một.", f"2.1. Hai một.\n\n{views.UNIT_END}"))
    units = clause_units.convert(m, m.corpus.documents["a"], {}, convert_with(site_markdown()))
    assert not units.alone


def test_a_unit_with_a_heading_of_its_own_is_not_alone():
    # A heading ends a clause's text when the document is read, so only
    # Markdown made some other way could hold one: its id would be made
    # unique across the page, and the page's contents would list it.
    md = site_markdown()
    html, tokens, alone = convert_with(md)("## Mục 1 {#muc-1}\n\nVăn bản.\n\n### Ghi chú\n\n" + views.UNIT_END)
    assert alone and len(tokens) == 1 and tokens[0]["children"]
    with pytest.raises(clause_units.NotAlone):
        clause_units.units(html, tokens, alone, ["muc-1"])


# -- a document's page: its clauses' units put in place of their marks -------

FREE = "## Giới thiệu\n\n" + BODY + "\n## Phụ lục {#phu-luc}\n\nVăn bản tự do, **đậm**.\n"
NONCE = "n0"


def document_page(m: pipeline.Model, md: markdown.Markdown):
    """(HTML and table of contents from the units, or None; those of the
    whole Markdown), each with its placeholders filled."""
    doc, convert = m.corpus.documents["a"], convert_with(md)
    plain: list[str] = []
    whole = views.document_markdown(m.corpus, m.resolved, m.links, doc, plain)
    md.reset()
    expected = (placeholders.finish_html(md.convert(whole), plain), md.toc_tokens)
    fragments: list[str] = []
    marked = views.document_markdown(m.corpus, m.resolved, m.links, doc, fragments, nonce=NONCE)
    assert clause_units.whole_markdown(marked, NONCE, m.resolved, doc) == whole
    made = clause_units.document_page(*convert(marked), clause_units.convert_units(m.resolved, doc, convert),
                                      NONCE, doc)
    return (None if made is None else (placeholders.finish_html(made[0], fragments), made[1])), expected


def test_a_document_page_from_units_is_its_whole_markdowns(tmp_path):
    got, expected = document_page(model_of(tmp_path, FREE), site_markdown())
    assert got == expected
    html, toc = got
    # Headings at their depth on the document's page, between the free ones.
    assert [t["id"] for t in toc] == ["gioi-thieu", "muc-1", "muc-2", "muc-3", "phu-luc"]
    assert '<h6 class="kl-clause__heading" id="muc-2-2-dieu-1-khoan-1-diem-a-doan-1"' in html and "<h7" not in html


@pytest.mark.parametrize(("free", "whole_only"), [
    ("## Mục 1\n\n", 'id="muc-1_1"'),                       # a heading whose id is a clause's, made unique
    ("[nguồn]: https://example.org/nguon\n\n", 'href="https://example.org/nguon"'),   # a link reference a clause uses
    ("*[UBND]: Ủy ban nhân dân\n\n", '<abbr title="Ủy ban nhân dân">UBND</abbr>'),   # an abbreviation in a clause
])
def test_a_document_page_whose_free_text_reaches_its_units_converts_whole(tmp_path, free, whole_only):
    body = free + BODY.replace("2.1. Hai một.", "2.1. Hai một, [nguồn][nguồn], UBND.")
    got, expected = document_page(model_of(tmp_path, body), site_markdown())
    assert got is None
    # What the units alone would have missed:
    assert whole_only in expected[0]


def test_units_are_held_for_the_clause_pages_only_if_they_convert_alike_everywhere(tmp_path):
    md = site_markdown()
    for link, free in [("[khác](https://example.org/)", True), ("[mục 1](#muc-1)", True),
                       ("[cơ quan](../co-quan/ubnd.md)", False), ("![ảnh](a.md)", False)]:
        m = model_of(tmp_path / str(len(link)) / link[1], BODY.replace("Hai một.", f"Hai một, {link}."))
        made = clause_units.convert_units(m.resolved, m.corpus.documents["a"], convert_with(md))
        assert clause_units.location_free(made) is free, link
        assert clause_units.unpack(clause_units.pack(made)) == made
