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

from hooks import corpus as corpus_mod, navorder, render, staging, textnorm  # noqa: E402
from hooks import publish  # noqa: E402
from hooks.errors import ContentErrors, page_markdown as error_page  # noqa: E402


class _State:
    command: str | None = None
    corpus: corpus_mod.Corpus | None = None
    site_dir: Path | None = None   # the real output folder while staging
    failed = False
    publish: publish.Publishing | None = None   # news, feeds, dates, sharing
    serve_error: str | None = None   # content errors shown in every page under serve


STATE = _State()


def on_startup(command, dirty):
    STATE.command = command


@event_priority(100)
def on_config(config):
    STATE.corpus, STATE.failed, STATE.site_dir = None, False, None
    STATE.publish, STATE.serve_error = None, None
    # Vietnamese-aware slugs: "Điều 1" -> "dieu-1" in headings and blog URLs.
    config.mdx_configs.setdefault("toc", {})["slugify"] = textnorm.slugify
    blog = config.plugins.get("material/blog")
    if blog is not None:
        blog.config.post_slugify = textnorm.slugify
        blog.config.categories_slugify = textnorm.slugify
    if blog is not None and STATE.command in ("build", "gh-deploy"):
        blog.config.draft = False  # a built site never carries drafts, whatever mkdocs.yml says
    if STATE.command in ("build", "gh-deploy"):
        STATE.site_dir = Path(config.site_dir)
        config.site_dir = str(staging.prepare(STATE.site_dir))
    return config


def on_pre_build(config):
    try:
        STATE.corpus = corpus_mod.load(Path(config.docs_dir), Path(config.config_file_path).parent)
        blog = config.plugins.get("material/blog")
        STATE.publish = publish.prepare(
            STATE.corpus, site_url=config.site_url, site_name=config.site_name,
            site_description=config.site_description, authors=set(blog.authors),
            categories=list(blog.config.categories_allowed or []))
    except ContentErrors as exc:
        if STATE.command != "serve":
            raise PluginError(exc.format()) from None
        # A failed rebuild leaves `mkdocs serve` hanging on every request;
        # instead print the errors and show them in every page until fixed.
        STATE.serve_error = exc.format()
        print(STATE.serve_error, file=sys.stderr, flush=True)


@event_priority(-100)  # after the blog plugin has resolved its posts
def on_files(files, config):
    if STATE.publish is None:
        return
    blog = config.plugins.get("material/blog")
    STATE.publish.attach_posts([publish.PostInfo(
        p.file.src_uri, p.meta.get("title", ""), p.url, p.config.date.created, bool(p.config.draft),
        [blog.authors[a].name for a in p.config.authors if a in blog.authors],
        list(p.config.categories), p.meta.get("description", "")) for p in blog.blog.posts])


def on_nav(nav, config, files):
    corpus = STATE.corpus
    if corpus is None:
        return nav

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
    if STATE.serve_error:
        return error_page(STATE.serve_error)
    corpus = STATE.corpus
    src = PurePosixPath(page.file.src_uri)
    folder, stem = str(src.parent), src.stem
    if folder == corpus_mod.DOCS_DIR:
        if stem == "index":
            page.meta["kl"] = render.documents_index_view(corpus)
            return markdown
        doc = corpus.documents[stem]
        page.meta["kl"] = render.document_view(corpus, doc) | STATE.publish.document_extras(doc)
        page.meta.setdefault("title", doc.title)
        page.meta.setdefault("description", f"{doc.title} {doc.summary}")
        return render.document_markdown(corpus, doc)
    if folder == corpus_mod.BODIES_DIR:
        if stem == "index":
            page.meta["kl"] = render.bodies_index_view(corpus)
            return markdown
        body = corpus.bodies[stem]
        page.meta["kl"] = render.body_view(corpus, body)
        page.meta.setdefault("title", body.name)
    return markdown


def on_page_context(context, page, config, nav):
    if STATE.publish is None:
        return context
    page.meta["kl_page"] = STATE.publish.page_view(
        src_uri=page.file.src_uri if page.file and not page.file.generated_by else None,
        url=page.url, title=page.title, description=page.meta.get("description"),
        canonical_url=page.canonical_url)
    context["kl_feeds"] = STATE.publish.feed_links()
    return context


def on_post_build(config):
    if STATE.publish is None:
        return
    STATE.publish.write_feeds(Path(config.site_dir))


def on_build_error(error):
    STATE.failed = True


def on_shutdown():
    if STATE.site_dir is not None:
        if STATE.failed:
            staging.discard(STATE.site_dir)
        else:
            staging.publish(STATE.site_dir)
        STATE.site_dir = None
