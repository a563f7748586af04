"""One build of the model, in the order data flows: collect (corpus), resolve
(references), check what only the whole site can tell (news posts), then
derive every index once. All stages report into one error sink, so a run
shows every content error of every stage together."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hooks.collect import corpus as corpus_mod
from hooks.collect import files, posts, rawhtml, unfinished
from hooks.derive.model import Model, derive
from hooks.model.errors import ContentError, ErrorSink
from hooks.resolve import resolver


@dataclass(frozen=True)
class BlogConfig:
    """What the blog plugin allows, as plain values (news posts are checked
    against it)."""
    authors: frozenset[str] | None = frozenset()   # None: the authors file is broken (reported on its own)
    categories: tuple[str, ...] = ()
    checked: bool = False     # False: no blog, posts are not checked here


def build(docs_dir: Path, root: Path, blog: BlogConfig = BlogConfig(), final: bool = True,
          earlier: tuple[ContentError, ...] = ()) -> Model:
    """Raise errors.ContentErrors with every problem found, or return the
    model. `final` is a build to publish; a preview (`mkdocs serve`) shows
    new files with their placeholders instead of stopping. `earlier` are
    errors found before the pipeline ran (the blog's authors file)."""
    sink = ErrorSink(root, list(earlier))
    corpus = corpus_mod.load(docs_dir, root, sink)
    rawhtml.check(corpus, sink)
    files.check(corpus, sink)
    if final:
        unfinished.check(corpus, sink)
    resolved = resolver.run(corpus, sink)
    if blog.checked:
        posts.check(corpus, None if blog.authors is None else set(blog.authors), list(blog.categories), sink)
    sink.raise_if_any()
    return derive(corpus, resolved)
