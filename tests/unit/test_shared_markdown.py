"""Pages rendered one after another by one Markdown instance
(hooks/site_markdown.py) come out as MkDocs' own `Page.render` makes each
alone: content, table of contents, title, anchors and links to anchors, with
nothing one page defines (an abbreviation, a link reference, a heading id)
reaching the next. Real MkDocs objects, with the site's own Markdown
settings; tests/build/test_shared_markdown_build.py compares whole built sites."""
from __future__ import annotations

import logging
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from conftest import ROOT
from hooks import site_markdown
from hooks.text import textnorm

PAGES = {
    "a.md": """# Trang A

*[UBND]: Ủy ban nhân dân
[nguon]: https://example.org/a

## Mục chung {#muc-chung}

UBND tỉnh, theo [nguồn][nguon] và [trang B](b.md#muc-chung).

!!! note "Ghi chú"
    Nội dung **ghi chú**.

| Cột | Giá trị |
|---|---|
| một | 1 |

<div markdown id="khoi-html">
Đoạn *trong* HTML.
</div>
""",
    "b.md": """# Trang B

## Mục chung {#muc-chung}

## Mục chung

UBND tỉnh, theo [nguồn][nguon] và [trang A](a.md#khoi-html), [không có](a.md#khong-co).

Thuật ngữ
:   Định nghĩa.

```python
print("mã")
```

??? note "Mở ra"
    Bên trong.
""",
    "c.md": "Không có tiêu đề; UBND.\n",
}


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    extensions = text[text.index("markdown_extensions:"):text.index("\nextra_css:")]
    (tmp_path / "mkdocs.yml").write_text(f"site_name: T\ndocs_dir: docs\n{extensions}\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    for name, body in PAGES.items():
        (tmp_path / "docs" / name).write_text(body, encoding="utf-8")
    return tmp_path


def rendered(project: Path, shared: bool) -> list[tuple]:
    config = load_config(str(project / "mkdocs.yml"))
    config.mdx_configs.setdefault("toc", {})["slugify"] = textnorm.slugify   # as hooks/site.py sets it
    files = Files([File(name, config.docs_dir, config.site_dir, config.use_directory_urls) for name in PAGES])
    renderer = site_markdown.Renderer(config) if shared else None
    out = []
    for file in files:
        page = Page(None, file, config)
        page.read_source(config)
        if renderer is not None:
            renderer.attach(page)
            assert "render" in vars(page)
        page.render(config, files)
        assert "render" not in vars(page)   # the page keeps no tie to the shared instance
        out.append((file.src_uri, page.content, str(page.toc), page._title_from_render,
                    sorted(page.present_anchor_ids or ()),
                    {f.src_uri: links for f, links in (page.links_to_anchors or {}).items()}))
    return out


def test_pages_in_a_row_are_each_what_page_render_makes(project):
    logging.getLogger("mkdocs.structure.pages").setLevel(logging.INFO)   # as a build: links to anchors kept
    shared, alone = rendered(project, True), rendered(project, False)
    assert shared == alone
    pages = dict((row[0], row) for row in shared)
    assert "<abbr" in pages["a.md"][1] and "<abbr" not in pages["b.md"][1] + pages["c.md"][1]
    assert 'href="https://example.org/a"' in pages["a.md"][1] and "[nguồn][nguon]" in pages["b.md"][1]
    assert 'id="muc-chung"' in pages["b.md"][1] and 'id="muc-chung_1"' in pages["b.md"][1]
    assert pages["b.md"][5]["a.md"] == {"khoi-html": "a.md#khoi-html", "khong-co": "a.md#khong-co"}
    assert [row[3] for row in shared] == ["Trang A", "Trang B", None]


def test_a_page_with_its_own_render_is_left_to_it(project):
    config = load_config(str(project / "mkdocs.yml"))

    class Own(Page):
        def render(self, config, files):
            self.content = "own"

    page = Own(None, File("c.md", config.docs_dir, config.site_dir, config.use_directory_urls), config)
    site_markdown.Renderer(config).attach(page)
    assert "render" not in vars(page)


def test_per_page_is_the_reference_switch():
    # Any value but per-page keeps the one instance.
    assert site_markdown.enabled({}) and site_markdown.enabled({"KL_MARKDOWN": "one"})
    assert not site_markdown.enabled({"KL_MARKDOWN": "per-page"})
