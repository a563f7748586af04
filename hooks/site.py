"""The one MkDocs hook: wires MkDocs events to the plain modules, nothing else.

MkDocs keeps this module loaded across rebuilds under `mkdocs serve`, so all
state of a build lives on one `State`, replaced at the start of every build.
"""
from __future__ import annotations

import datetime as dt
import itertools
import json
import logging
import os
import posixpath
import secrets
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

from hooks import contract, heap, pipeline, site_markdown
from hooks import site_clause_pages as clause_pages
from hooks.collect import authors, posts
from hooks.derive import (
    navorder,
    report,
)
from hooks.derive.model import Model
from hooks.model.corpus import Document
from hooks.model.errors import ContentErrors
from hooks.model.errors import page_markdown as error_page
from hooks.publish import (
    csp,
    editor_config,
    export,
    scripts,
    sizes,
    staging,
)
from hooks.publish import publishing as publish
from hooks.render import (
    allowed_values,
    clause_units,
    escaping,
    faq_views,
    navcache,
    packed,
    shell,
    template_cache,
)
from hooks.render import views as render
from hooks.resolve import (
    placeholders,
    references,
)
from hooks.search import records as search_index
from hooks.search import store as search_store
from hooks.text import dates, textnorm

LOG = logging.getLogger("mkdocs.hooks.kl14")


@dataclass
class State:
    command: str | None = None     # build | serve | gh-deploy, from on_startup
    model: Model | None = None
    publish: publish.Publishing | None = None   # news, feeds, dates, sharing
    urls: dict[str, str] = field(default_factory=dict)   # source file -> site URL, as MkDocs and the blog assigned
    fragments: list[str] = field(default_factory=list)   # finished HTML that page Markdown holds placeholders for
    answers: dict[str, str] = field(default_factory=dict)   # FAQ id -> text of its rendered answer
    scheduled: list = field(default_factory=list)   # (page, day) of posts dated after today
    early_errors: list = field(default_factory=list)   # found in on_config, reported with the pipeline's
    site_dir: Path | None = None   # the real output folder while staging
    serve_error: str | None = None  # content errors shown in every page under serve
    # The search index, record by record in page order (records are terms and rows at once).
    search: search_store.Builder = field(default_factory=search_store.Builder)
    # src -> records made from a page's content (packed), joined in page order by on_post_page
    content_records: dict[str, bytes] = field(default_factory=dict)
    # src -> the span of `fragments` a page's own Markdown added, let go once in its HTML (release_fragments)
    own_fragments: dict[str, tuple[int, int]] = field(default_factory=dict)
    # Names this build's index files (?v=): a browser cache never mixes two builds.
    search_version: str = field(default_factory=lambda: f"{time.time_ns() // 1_000_000:x}")
    failed: bool = False
    nav_items: navcache.NavCache = field(default_factory=navcache.NavCache)   # rendered navigation items
    heavy: list[tuple[str, int]] = field(default_factory=list)   # pages written over sizes.PAGE_LIMIT
    copied_html: list[str] = field(default_factory=list)   # HTML files copied from docs/ as they are
    # Clause pages are joined to one shell (hooks/render/shell.py) unless
    # KL_CLAUSE_PAGES=full asks for the theme's full render of each.
    clause_shell: bool = True
    # One Markdown instance for the loop's pages (hooks/site_markdown.py),
    # made at the first page, once every plugin has set the config; None
    # when KL_MARKDOWN=per-page leaves each page to MkDocs.
    markdown: site_markdown.Renderer | None = None
    shared_markdown: bool = True
    shell: shell.Shell | None = None   # made from the prototype page, before any clause page
    shell_policy: str | None = None    # its script policy's tag (hooks/publish/csp.py)
    # (src, heading) of each clause page, written after the page loop (hooks/site_clause_pages.py)
    clause_pages: list[tuple[str, str]] = field(default_factory=list)
    # Under serve, the source of a page at each address of the last good
    # build, kept across rebuilds: while the content is broken every one
    # shows the error, not a 404 that the live reload never leaves (MkDocs
    # injects its script into pages only), such as a clause page or a news
    # post whose date is wrong (the blog is off then).
    served_pages: list[str] = field(default_factory=list)
    nav: object = None     # this build's navigation, env and files, for the clause pages
    env: object = None
    files: object = None
    # path -> text of each file that joins the site's own scripts (hooks/publish/scripts.py)
    scripts: dict[str, str] = field(default_factory=dict)
    units: clause_units.DocumentUnits | None = None   # the units of the document whose clause pages are being written
    # A document page's clauses are units in its Markdown, converted apart
    # (hooks/render/clause_units.py): marks made with this build's nonce, the
    # page's Markdown with them until the page is converted, and each
    # document's units, held from its page to its clause pages.
    nonce: str = field(default_factory=lambda: secrets.token_hex(8))
    marked: tuple[str, Document, str] | None = None
    held_units: dict[str, bytes] = field(default_factory=dict)
    from_units: list[str] = field(default_factory=list)   # documents whose page was put together from units
    whole: list[str] = field(default_factory=list)        # and those converted whole


STATE = State()


def on_startup(command, dirty):
    global STATE
    STATE = State(command=command)
    # One function, so a second startup in the same process adds no second filter.
    logging.getLogger("mkdocs.commands.build").addFilter(_not_the_prototype)


def _not_the_prototype(record: logging.LogRecord) -> bool:
    # MkDocs names every page it does not write; the shell's prototype never is, by design.
    return shell.PROTOTYPE_SRC not in record.getMessage()


@event_priority(100)
def on_config(config):
    global STATE
    heap.relax()   # until the build ends (hooks/heap.py)
    # `mkdocs serve` keeps this module between builds: each build starts clean.
    STATE = State(command=STATE.command, clause_shell=shell.enabled(os.environ),
                  shared_markdown=site_markdown.enabled(os.environ), served_pages=STATE.served_pages)
    # Vietnamese-aware slugs: "Điều 1" -> "dieu-1" in headings and blog URLs.
    config.mdx_configs.setdefault("toc", {})["slugify"] = textnorm.slugify
    blog = config.plugins.get("material/blog")
    if blog is not None:
        blog.config.post_slugify = textnorm.slugify
        blog.config.categories_slugify = textnorm.slugify
        # The blog stops on a broken authors file with an English, lineless
        # error, which leaves `mkdocs serve` hanging: check it first, and
        # let the blog go on without authors until it is fixed.
        STATE.early_errors = authors.check(Path(config.docs_dir), Path(config.config_file_path).parent)
        if STATE.early_errors:
            blog.config.authors = False
    if STATE.command in ("build", "gh-deploy"):
        if blog is not None:
            blog.config.draft = False  # a built site never carries drafts, whatever mkdocs.yml says
        STATE.site_dir = Path(config.site_dir)
        config.site_dir = str(staging.prepare(STATE.site_dir))
    config.extra_javascript = join_scripts(config)
    return config


def join_scripts(config) -> list:
    """`extra_javascript` with each run of the site's own scripts as one
    file, written by on_files (hooks/publish/scripts.py)."""
    entries, STATE.scripts, missing = scripts.joined(list(config.extra_javascript), Path(config.docs_dir))
    for path in missing:
        # Left as MkDocs leaves it (a tag the browser cannot load), but said: the strict build stops.
        LOG.warning(f"mkdocs.yml, extra_javascript: không có tệp docs/{path}; sửa đường dẫn hoặc bỏ dòng đó "
                    f"/ no such script in docs/")
    return entries


def on_pre_build(config):
    blog = config.plugins.get("material/blog")
    blog_config = pipeline.BlogConfig(None if STATE.early_errors else frozenset(getattr(blog, "authors", {})),
                                      tuple(blog.config.categories_allowed or []),
                                      checked=True) if blog is not None else pipeline.BlogConfig()
    try:
        STATE.model = pipeline.build(Path(config.docs_dir), Path(config.config_file_path).parent, blog_config,
                                     final=STATE.command != "serve", earlier=tuple(STATE.early_errors))
        STATE.publish = publish.prepare(STATE.model, site_url=config.site_url, site_name=config.site_name,
                                        site_description=config.site_description)
    except ContentErrors as exc:
        if STATE.command != "serve":
            raise PluginError(exc.format()) from None
        # A failed rebuild leaves `mkdocs serve` hanging on every request;
        # instead print the errors and show them in every page until fixed.
        STATE.model, STATE.serve_error = None, exc.format()
        print(STATE.serve_error, file=sys.stderr, flush=True)
        if blog is not None:
            # The blog would stop on the same mistake (a post's date) with its
            # own error, and the server would hang: this build goes without it.
            blog.config.enabled = False
        return
    STATE.fragments = list(STATE.model.resolved.fragments)
    STATE.scheduled = posts.scheduled(STATE.model.corpus, dt.datetime.now(publish.VN).date())
    for author in getattr(blog, "authors", {}).values():   # before the blog writes profile pages from them
        escaping.escape_author(author)


def on_env(env, config, files):
    # The templates the build before compiled: kept in memory for the
    # rebuilds of `mkdocs serve`, in the project's .cache/jinja/ for the next build.
    project = Path(config.config_file_path).parent if config is not None and config.config_file_path else None
    env.bytecode_cache = template_cache.for_env(env, project)
    # overrides/partials/nav.html: each navigation item rendered once per
    # build and base, not once per page (hooks/render/navcache.py).
    env.globals["kl_nav_items"] = STATE.nav_items.items
    STATE.env = env
    return env


def on_template_context(context, template_name, config):
    if template_name == "sitemap.xml" and STATE.clause_shell:
        # The clause pages are not in the loop's files; the sitemap lists
        # them where it lists them when they are: last.
        context["pages"] = itertools.chain(context["pages"], clause_pages.sitemap_entries(config, STATE.clause_pages))
    return context


class Posts(list):
    """The blog's list of posts, with `in` by identity through a set.

    Material's blog asks `page not in self.blog.posts` of every page, twice
    (on_page_markdown, on_page_content): a list search by Page.__eq__, which
    compares titles, so pages × posts comparisons, a fifth of a profiled
    build at 100×. Only the blog's own Post objects are posts, so identity
    answers the same. Compare with Material's blog plugin on upgrade."""

    def __init__(self, posts):
        super().__init__(posts)
        self._ids = frozenset(map(id, self))   # the list holds them: no id is reused

    def __contains__(self, page) -> bool:
        return id(page) in self._ids


def write_report(config) -> None:
    """The link report, from the model alone, as soon as MkDocs has
    emptied the output folder (after on_pre_build). Its every reference
    (100,000 at 100×) is then read by nothing else: the model lets go of
    them instead of holding them to the end of the build."""
    assert STATE.model is not None
    path = Path(config.site_dir) / report.REPORT_PATH
    path.parent.mkdir(parents=True, exist_ok=True)
    built = STATE.model.report
    with path.open("w", encoding="utf-8") as out:   # written as encoded: the text is never whole in memory
        json.dump(built, out, ensure_ascii=False, indent=1)
    LOG.info(report.summary(built))
    STATE.model.resolved.occurrences.clear()


@event_priority(-100)  # after the blog plugin has given posts their URLs
def on_files(files, config):
    if STATE.model is not None:
        write_report(config)
    # Every page, whatever its inclusion: the blog marks posts excluded until it renders them.
    STATE.urls = {f.src_uri: f.url for f in files if f.is_documentation_page()}
    blog = config.plugins.get("material/blog")
    blog_state = getattr(blog, "blog", None)
    if blog_state is not None and isinstance(blog_state.posts, list):   # sorted by the blog's on_files
        blog_state.posts = Posts(blog_state.posts)
    if STATE.publish is not None:
        waiting = {page.src for page, _ in STATE.scheduled}
        known = getattr(blog, "authors", {})
        for page, day in STATE.scheduled:
            if STATE.command != "serve":
                LOG.info(f"Tin hẹn ngày đăng {dates.format_dmy(day)}, chưa xuất bản trong bản dựng này: "
                         f"docs/{page.src} / scheduled post left out until {day.isoformat()}")
        STATE.publish.attach_posts([publish.PostInfo(
            p.file.src_uri, p.meta.get("title", ""), p.url, p.config.date.created,
            bool(p.config.draft) or p.file.src_uri in waiting,
            [escaping.plain(known[a].name) for a in p.config.authors if a in known],
            list(p.config.categories), p.meta.get("description", "")) for p in blog.blog.posts])
    if STATE.model is not None:
        # A page of its own for every clause (contract.clause_page_url), made
        # from the model: not in the navigation, in the sitemap. With the
        # shell, only its prototype goes through the page loop; the clause
        # pages are written after the loop (hooks/site_clause_pages.py).
        STATE.clause_pages = clause_pages.sources(STATE.model.corpus)
        if not STATE.clause_shell:
            for source in STATE.clause_pages:
                files.append(clause_pages.page(config, source).file)
        elif STATE.clause_pages:
            files.append(clause_pages.prototype(config))
    if STATE.command == "serve":
        served_pages(files, config)
    for path, text in STATE.scripts.items():
        files.append(File.generated(config, path, content=text))
    STATE.copied_html = [f.dest_uri for f in files if f.dest_uri.endswith(".html") and not f.is_documentation_page()]
    STATE.files = files
    return files


def served_pages(files, config) -> None:
    """Under serve: remember where a good build's pages are; while the
    content is broken, add an error page (page_markdown) at each of those
    addresses this build has no page for."""
    if STATE.model is not None:
        STATE.served_pages = ([_source_at(f.dest_uri) for f in files
                               if f.is_documentation_page() and f.src_uri != shell.PROTOTYPE_SRC]
                              + [src for src, _ in STATE.clause_pages])
        return
    present = {f.dest_uri for f in files}
    for src in STATE.served_pages:
        page = File.generated(config, src, content="", inclusion=InclusionLevel.NOT_IN_NAV)
        if page.dest_uri not in present:
            present.add(page.dest_uri)
            files.append(page)


def _source_at(dest_uri: str) -> str:
    """A page source MkDocs writes to `dest_uri` ('a/b/index.html' or
    'a/b.html' -> 'a/b.md')."""
    return posixpath.splitext(dest_uri.removesuffix("/index.html"))[0] + ".md"


def on_nav(nav, config, files):
    STATE.nav = nav
    model = STATE.model
    if model is None:
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
                model, folder, PurePosixPath(c.file.src_uri).stem) if c.is_page else (3,))
    nav.items.sort(key=lambda i: navorder.section_key(folder_of(i)))
    return nav


def on_pre_page(page, config, files):
    if STATE.shared_markdown:
        if STATE.markdown is None:
            STATE.markdown = site_markdown.Renderer(config, document_page_html)
        STATE.markdown.attach(page)
    return page


def on_page_markdown(markdown, page, config, files):
    held = len(STATE.fragments)
    text = page_markdown(markdown, page, config)
    STATE.own_fragments[page.file.src_uri] = (held, len(STATE.fragments))
    if STATE.model is not None:
        # The page's Markdown, as written and resolved, is in `text` now:
        # read by nothing else, and held to the end of the build otherwise.
        STATE.model.resolved.blocks.pop(page.file.src_uri, None)
        source = STATE.model.corpus.pages.get(page.file.src_uri)
        if source is not None:
            source.blocks.clear()   # a document's own list too: the same list
    return text


def page_kind(page) -> str | None:
    held = STATE.model.corpus.pages.get(page.file.src_uri) if STATE.model is not None else None
    return held.kind if held is not None else None


def page_markdown(markdown, page, config):
    if STATE.serve_error:
        return error_page(STATE.serve_error)
    model, publishing = STATE.model, STATE.publish
    assert model is not None and publishing is not None   # else serve_error is set
    corpus, src = model.corpus, page.file.src_uri
    # Not PurePosixPath: it interns every part of every path it is given,
    # for the life of the process (a name for each of 30,000 clause pages at 100×).
    stem = posixpath.splitext(posixpath.basename(src))[0]
    clause_page = contract.clause_of_src(src) if page.file.generated_by else None
    if clause_page and src == shell.PROTOTYPE_SRC:
        doc, clause = next((d, c) for d in corpus.documents.values() for c in d.clauses.values())
        view = shell.prototype_view(render.clause_page_view(corpus, doc, clause))
        # Markers as they are: the shell finds them where the theme prints them.
        page.meta.update(kl=view, title=view["title"], description=view["description"], _kl_escaped=True,
                         template=shell.PROTOTYPE_TEMPLATE)
        # MkDocs renders the sitemap before any page, from the pages with a
        # URL; on_page_context gives the prototype its (marker) URL back.
        page.canonical_url = page.abs_url = None
        return shell.prototype_markdown()
    if clause_page and clause_page[0] in corpus.documents:
        doc = corpus.documents[clause_page[0]]
        clause = doc.clauses[clause_page[1]]
        clause_page_meta(page, doc, clause)
        return render.clause_page_markdown(corpus, model.resolved, model.links, doc, clause, STATE.urls,
                                           STATE.fragments)
    if src not in corpus.pages:
        return markdown            # pages the blog plugin generates (archive, categories)
    kind = corpus.pages[src].kind
    notice = next((scheduled_notice(day) for p, day in STATE.scheduled if p.src == src), "")
    # Views first, then the page keys Material prints raw are escaped once.
    if kind == "document":
        doc = corpus.documents[stem]
        page.meta["kl"] = (render.document_view(corpus, doc) | publishing.document_extras(doc)
                           | faq_views.document_extras(model, doc) | render.article_view(model, doc, STATE.urls))
        page.meta.setdefault("title", doc.title)
        page.meta.setdefault("description", f"{doc.title} {doc.summary}")
    elif kind == "body":
        page.meta["kl"] = render.body_view(model, corpus.bodies[stem], STATE.urls)
        page.meta.setdefault("title", corpus.bodies[stem].name)
    elif kind == "faq":
        page.meta["kl"] = faq_views.faq_view(model, corpus.faqs[stem])
        page.meta["title"] = corpus.faqs[stem].question
    elif src == contract.index_src(contract.FAQS):
        page.meta["kl"] = faq_views.index_view(model)
    elif src == contract.index_src(contract.DOCUMENTS):
        page.meta["kl"] = render.documents_index_view(model)
    elif src == contract.index_src(contract.BODIES):
        page.meta["kl"] = render.bodies_index_view(model)
    elif src == contract.index_src(contract.GRAPH):
        page.meta["kl"] = render.graph_view(model)
    escaping.escape_meta(page.meta)
    if kind == "document":
        if not STATE.shared_markdown:
            return render.document_markdown(corpus, model.resolved, model.links, doc, STATE.fragments, STATE.urls)
        marked = render.document_markdown(corpus, model.resolved, model.links, doc, STATE.fragments, STATE.urls,
                                          STATE.nonce)
        STATE.marked = (src, doc, marked)
        return clause_units.whole_markdown(marked, STATE.nonce, model.resolved, doc)
    text = render.page_markdown(model.resolved, src)
    if allowed_values.MARKER in text:   # the guide's table, from the vocabularies the build checks
        blog = config.plugins.get("material/blog")
        text = allowed_values.fill(text, list(blog.config.categories_allowed or []) if blog else [])
    return notice + text


def clause_page_meta(page, doc, clause) -> None:
    assert STATE.model is not None
    view = render.clause_page_view(STATE.model.corpus, doc, clause)
    page.meta.update(kl=view, title=view["title"], description=view["description"])
    if STATE.clause_shell:
        page.meta["template"] = shell.PARTS_TEMPLATE   # its own parts only; on_post_page joins the shell
    escaping.escape_meta(page.meta)


def document_page_html(page, convert):
    """A document page's HTML and table of contents from its clauses' units
    and the rest of its Markdown, each converted apart
    (hooks/render/clause_units.py), or None: its whole Markdown is
    converted. Units that come out the same on every page are held for the
    document's clause pages, which then convert none."""
    marked, STATE.marked = STATE.marked, None
    if marked is None or marked[0] != page.file.src_uri or STATE.model is None or not marked[1].clauses:
        return None
    _, doc, text = marked
    try:
        made = clause_units.convert_units(STATE.model.resolved, doc, convert)
    except clause_units.NotAlone:
        STATE.whole.append(doc.id)
        return None
    if STATE.clause_shell and clause_units.location_free(made):
        STATE.held_units[doc.id] = clause_units.pack(made)
    html, tokens, alone = convert(text)
    page_html = clause_units.document_page(html, tokens, alone, made, STATE.nonce, doc)
    (STATE.whole if page_html is None else STATE.from_units).append(doc.id)
    return page_html


def clause_page_html(page, convert):
    """A clause page's HTML and table of contents from its clauses' units,
    converted once per build (hooks/render/clause_units.py), or None: its
    whole Markdown is converted, as under `page_markdown`."""
    model, src = STATE.model, page.file.src_uri
    found = contract.clause_of_src(src)
    if model is None or STATE.serve_error or src == shell.PROTOTYPE_SRC or not found:
        return None
    doc = model.corpus.documents.get(found[0])
    if doc is None:
        return None
    if STATE.units is None or STATE.units.doc.id != doc.id:
        # Pages come in document order: one document's units are held at a time.
        kept = STATE.held_units.pop(doc.id, None)
        STATE.units = clause_units.convert(model, doc, STATE.urls, lambda text: convert(page, text),
                                           None if kept is None else clause_units.unpack(kept))
    if not STATE.units.alone:
        return None
    clause = doc.clauses[found[1]]
    clause_page_meta(page, doc, clause)
    held = len(STATE.fragments)
    made = STATE.units.page(clause, STATE.fragments)
    STATE.own_fragments[src] = (held, len(STATE.fragments))
    return made


def scheduled_notice(day) -> str:
    # Only `make serve` renders a scheduled post; say why readers do not see it yet.
    return (f'!!! note "Tin hẹn ngày đăng {dates.format_dmy(day)}"\n    Tin này chỉ hiện khi xem trước. '
            f"Bản dựng để xuất bản sẽ đăng tin từ ngày {dates.format_dmy(day)}.\n\n")


def on_page_content(html, page, config, files):
    model = STATE.model
    if model is not None and searched(page) and search_index.from_content(
            page.meta.get("kl"), page.file.src_uri in model.corpus.pages):
        # Before the deferred HTML is back: backlinks and tools stay placeholders.
        STATE.content_records[page.file.src_uri] = packed.pack_value(search_index.content_records(
            model.corpus, page.url, escaping.plain(page.title), html, STATE.fragments, page.meta.get("kl")))
    html = placeholders.finish_html(html, STATE.fragments)
    release_fragments(page.file.src_uri)
    if page_kind(page) in _RELEASED:
        # Converted: read by nothing again, and held until the page is
        # written, with every other page's ("" keeps MkDocs' title rule).
        page.markdown = ""
    if model is not None and contract.page_kind(page.file.src_uri) == "faq":
        # MkDocs renders every page's Markdown before any template, so each
        # answer is rendered once, with the site's own Markdown settings,
        # and its text is ready for the FAQ page and the index.
        faq_id = PurePosixPath(page.file.src_uri).stem
        if faq_id in model.corpus.faqs:
            STATE.answers[faq_id] = faq_views.html_text(html)
    if shell_page(page):
        # A clause page's template comes right after (hooks/site_clause_pages.py);
        # the prototype is the one such page that waits in MkDocs' loop.
        return html
    # This hook runs last (hooks follow plugins); on_page_context unpacks.
    return packed.pack(html)


def shell_page(page) -> bool:
    """A clause page joined to the page shell (or the shell's prototype)."""
    return bool(page.file.generated_by and STATE.clause_shell and STATE.model is not None
                and contract.clause_of_src(page.file.src_uri))


def on_page_context(context, page, config, nav):
    page.content = packed.unpack(page.content)
    if STATE.publish is None:
        return context
    if page.file.generated_by and page.file.src_uri == shell.PROTOTYPE_SRC:
        page.canonical_url = shell.marker("canonical")
    context["kl_shell_sep"] = shell.SEP
    view = page.meta.get("kl")
    if view and view.get("kind") == "faq":
        view |= faq_views.answer_parts(view["question"], STATE.answers.get(view["id"], ""))
        # An FAQ's description waits for its rendered answer.
        page.meta.setdefault("description", escaping.escape_text(view["description"]))
    elif view and view.get("kind") == "faq-index" and STATE.model is not None:
        view["jsonld"] = faq_views.index_jsonld(STATE.model, STATE.answers)
    page.meta["kl_page"] = STATE.publish.page_view(
        src_uri=page.file.src_uri if page.file and not page.file.generated_by else None,
        # The home page is the site itself: its og:title is the site's name.
        url=page.url, title=config.site_name if page.is_homepage else escaping.plain(page.title),
        description=escaping.plain(page.meta.get("description")),
        canonical_url=page.canonical_url)
    context["kl_feeds"] = STATE.publish.feed_links()
    context["kl_search_version"] = STATE.search_version
    return context


def on_post_page(output, page, config):
    def finish(html: str) -> str:
        return references.localize(placeholders.finish_html(html, STATE.fragments), page.url)

    policy = None   # the page's policy tag when it is known without reading the page

    if shell_page(page):
        try:
            if page.file.src_uri == shell.PROTOTYPE_SRC:
                STATE.shell = shell.Shell(output)
                # The policy is made from the page's scripts beside its article: the shell's, on every clause page.
                STATE.shell_policy = csp.meta(STATE.shell.bare())
                return ""   # never written: MkDocs skips an empty page
            if STATE.shell is None:
                raise shell.ShellError("a clause page came before the prototype")
            # Only the page's own parts hold placeholders and hook links (the shell has none).
            parts = STATE.shell.parts(output, finish)
            policy = (None if any(map(csp.changes_policy, STATE.shell.beside_content(parts)))
                      else STATE.shell_policy)
            output = STATE.shell.join(parts)
        except shell.ShellError as exc:
            raise PluginError(f"clause page shell: {exc} (KL_CLAUSE_PAGES=full renders each page in full)") from None
    else:
        # Every page, blog index views included: their excerpts never pass
        # through on_page_content.
        output = finish(output)
    held = STATE.content_records.pop(page.file.src_uri, None)
    records = packed.unpack_value(held) if held is not None else None
    if records is None and STATE.model is not None and searched(page):
        # Listings whose template prints more than their content.
        records = search_index.page_records(STATE.model.corpus, page.url, escaping.plain(page.title), output)
    for record in records or ():
        STATE.search.add(record)
    if STATE.command != "serve":   # serve injects its live-reload script into every page
        output = csp.insert(output, policy) if policy else csp.apply(output)
    weighed(page.file.dest_uri, output)
    # Written, and read by nothing after: MkDocs would hold every page's
    # HTML, and these pages' text, contents and view, to the end of the
    # build. A post keeps its Markdown, from which the blog renders its
    # excerpt on later pages; its HTML is not read again.
    page.content = None
    page.meta.pop("kl_page", None)   # its head and end tags, printed
    if page_kind(page) in _RELEASED:
        # Not None: MkDocs gives a page without Markdown no title, and the
        # navigation prints titles.
        page.markdown, page.toc = "", []
        page.meta.pop("kl", None)
    return output


def release_fragments(src: str) -> None:
    """Let go of the HTML a page's own Markdown added (its clause tools and
    link lines) once that HTML is in the page's: templates print views,
    whose placeholders are only the shared reference fragments, kept for
    every page, blog excerpts included. MkDocs converts every page before
    it renders any, so held to the template they would all be held at once.
    A clause page written after the loop added the last ones: they are cut
    off. Elsewhere they become None, not "": a late use fails
    (placeholders._element), never prints nothing."""
    start, end = STATE.own_fragments.pop(src, (0, 0))
    if end == len(STATE.fragments):
        del STATE.fragments[start:]
    else:
        STATE.fragments[start:end] = [None] * (end - start)  # type: ignore[list-item]


# Not news: the blog renders a post's excerpt from its Markdown on later pages.
_RELEASED = frozenset({"document", "body", "faq"})


def searched(page) -> bool:
    # A clause's page repeats the clause, whose search result is the clause in place.
    return search_index.indexed(page.url, page.file.src_uri) and not (
        page.file.generated_by and contract.clause_of_src(page.file.src_uri))


def weighed(rel: str, output: str) -> None:
    size = sizes.written(output)
    if size is not None:
        STATE.heavy.append((rel, size))


def on_post_template(output_content, template_name, config):
    # Theme pages rendered outside the page loop (404.html) get the policy too.
    if template_name.endswith(".html"):
        if STATE.command != "serve":
            output_content = csp.apply(output_content)
        weighed(template_name, output_content)
    return output_content


def on_post_build(config):
    try:
        finish_build(config)
    finally:
        heap.restore(collect=STATE.command == "serve")


def finish_build(config) -> None:
    """What the site holds beyond its pages: the search index, open data,
    the editor, feeds and the clause pages."""
    if STATE.model is None or STATE.publish is None:
        return
    site_dir = Path(config.site_dir)
    # What only the loop's pages read goes first.
    STATE.nav_items.clear()   # clause pages take their navigation from the shell
    STATE.answers.clear()     # the FAQ pages are written
    # The index is whole once the loop ends (a clause page adds no record:
    # `searched`): written, and let go, first.
    started, count = time.perf_counter(), STATE.search.count
    search_store.write(STATE.search.index(), site_dir, STATE.search_version)
    STATE.search = search_store.Builder()
    LOG.info(f"Chỉ mục tìm kiếm / search index: {count} bản ghi / records, {time.perf_counter() - started:.2f} s")
    # Then the files each made whole in memory for a moment, before the
    # clause pages, which leave MkDocs' caches and the heap larger: at 100×
    # the peak of the build was the editor's config made after them.
    try:
        export.write(STATE.model, config.site_url or "", STATE.urls, site_dir)
    except export.ExportError as exc:
        if STATE.command != "serve":
            raise PluginError(str(exc)) from None
        # A failed rebuild would leave every request of `mkdocs serve`
        # hanging; the pages are written, so say it in the terminal instead.
        LOG.error(f"Dữ liệu mở không khớp lược đồ, trang xem trước vẫn chạy / open data does not match its "
                  f"schema: {exc}")
    # The web editor at /bien-tap/: forms generated from this build's model.
    blog = config.plugins.get("material/blog")
    settings = editor_config.Settings.from_env()
    editor = editor_config.write(site_dir, Path(config.config_file_path).parent, editor_config.config(
        # The authors the blog loaded this build, with the names as written.
        STATE.model, {key: escaping.plain(a.name) for key, a in getattr(blog, "authors", {}).items()},
        list(blog.config.categories_allowed or []) if blog is not None else [], settings, config.site_url or ""),
        settings)
    LOG.info("Trình biên tập / editor: " + (f"/{editor_config.FOLDER}/, {editor['bytes']:,} B"
                                            if editor["installed"] else "chưa cài / not installed"))
    STATE.publish.write_feeds(site_dir)
    LOG.info(f"Trang văn bản ghép từ điều khoản / document pages from clause units: {_named(STATE.from_units)}; "
             f"chuyển cả trang / converted whole: {_named(STATE.whole)}")
    if STATE.clause_shell and STATE.clause_pages:
        write_clause_pages(config)
    assert STATE.search.count == 0, "a clause page made search records after the index was written"
    for rel, size in sorted(STATE.heavy + sizes.on_disk(site_dir, STATE.copied_html)):
        LOG.info(sizes.message(rel, size))   # info: a warning would fail the strict build


def _named(ids: list[str]) -> str:
    """How many, and which when few: the tests read which way each page was made."""
    return f"{len(ids)}" + (f" ({', '.join(sorted(ids))})" if 0 < len(ids) <= 10 else "")


def write_clause_pages(config) -> None:
    started = time.perf_counter()
    writer = clause_pages.Writer(config, STATE.files, STATE.nav, STATE.env, clause_pages.Events(
        on_page_markdown, on_page_content, on_page_context, on_post_page, clause_page_html))
    # Each page's file and page are made as it is written, and go with it.
    sources, STATE.clause_pages = STATE.clause_pages, []
    for source in sources:
        writer.write(clause_pages.page(config, source))
    STATE.units = None
    count = len(sources)
    LOG.info(f"Trang điều khoản / clause pages: {count}, {time.perf_counter() - started:.2f} s")


def on_build_error(error):
    STATE.failed = True
    heap.restore(collect=STATE.command == "serve")


def on_shutdown():
    if STATE.site_dir is not None:
        if STATE.failed:
            staging.discard(STATE.site_dir)
        else:
            staging.publish(STATE.site_dir)
        STATE.site_dir = None
