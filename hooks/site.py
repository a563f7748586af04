"""The one MkDocs hook: wires MkDocs events to the plain modules, nothing else.

MkDocs keeps this module loaded across rebuilds under `mkdocs serve`, so all
state lives on `STATE` and is reset at the start of every build.
"""
from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from hooks import corpus as corpus_mod, navorder, render, search_index, staging, textnorm  # noqa: E402
from hooks.errors import ContentErrors  # noqa: E402


class _State:
    command: str | None = None
    corpus: corpus_mod.Corpus | None = None
    site_dir: Path | None = None   # the real output folder while staging
    failed = False
    search_records: list = []


STATE = _State()


def on_startup(command, dirty):
    STATE.command = command


@event_priority(100)
def on_config(config):
    STATE.corpus, STATE.failed, STATE.site_dir = None, False, None
    STATE.search_records = []
    # Vietnamese-aware slugs: "Điều 1" -> "dieu-1" in headings and blog URLs.
    config.mdx_configs.setdefault("toc", {})["slugify"] = textnorm.slugify
    blog = config.plugins.get("material/blog")
    if blog is not None:
        blog.config.post_slugify = textnorm.slugify
        blog.config.categories_slugify = textnorm.slugify
    if STATE.command in ("build", "gh-deploy"):
        STATE.site_dir = Path(config.site_dir)
        config.site_dir = str(staging.prepare(STATE.site_dir))
    return config


def on_pre_build(config):
    try:
        STATE.corpus = corpus_mod.load(Path(config.docs_dir), Path(config.config_file_path).parent)
    except ContentErrors as exc:
        raise PluginError(exc.format()) from None


def on_nav(nav, config, files):
    corpus = STATE.corpus

    def folder_of(item) -> str:
        if getattr(item, "file", None) is not None:
            return str(PurePosixPath(item.file.src_uri).parent).strip(".")
        for child in getattr(item, "children", None) or []:
            return folder_of(child)
        return ""

    for item in nav.items:
        if item.is_section:
            folder = folder_of(item)
            item.title = navorder.SECTION_TITLES.get(folder, item.title)
            item.children.sort(key=lambda c: navorder.page_key(
                corpus, folder, PurePosixPath(c.file.src_uri).stem) if c.is_page else (3,))
    nav.items.sort(key=lambda i: navorder.section_key(folder_of(i)))
    return nav


def on_page_markdown(markdown, page, config, files):
    corpus = STATE.corpus
    src = PurePosixPath(page.file.src_uri)
    folder, stem = str(src.parent), src.stem
    if folder == corpus_mod.DOCS_DIR:
        if stem == "index":
            page.meta["kl"] = render.documents_index_view(corpus)
            return markdown
        doc = corpus.documents[stem]
        page.meta["kl"] = render.document_view(corpus, doc)
        page.meta.setdefault("title", doc.title)
        page.meta.setdefault("description", f"{doc.title} {doc.meta['summary']}")
        return render.document_markdown(corpus, doc)
    if folder == corpus_mod.BODIES_DIR:
        if stem == "index":
            page.meta["kl"] = render.bodies_index_view(corpus)
            return markdown
        body = corpus.bodies[stem]
        page.meta["kl"] = render.body_view(corpus, body)
        page.meta.setdefault("title", body.name)
    return markdown


def on_post_page(output, page, config):
    if search_index.indexed(page.url):
        STATE.search_records += search_index.page_records(STATE.corpus, page.url, page.title or "", output)
    return output


def on_post_build(config):
    search_index.write(STATE.search_records, Path(config.site_dir))


def on_build_error(error):
    STATE.failed = True


def on_shutdown():
    if STATE.site_dir is not None:
        if STATE.failed:
            staging.discard(STATE.site_dir)
        else:
            staging.publish(STATE.site_dir)
        STATE.site_dir = None
