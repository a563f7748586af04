"""One build of the model, in the order data flows: collect (corpus), resolve
(references), then the indexes derived from both (backlinks, report)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from hooks.derive import backlinks
from hooks.collect import corpus as corpus_mod
from hooks.derive import report
from hooks.resolve import resolver as resolve
from hooks.model.errors import ErrorSink


@dataclass
class Model:
    corpus: corpus_mod.Corpus
    resolved: resolve.Resolved
    links: backlinks.Backlinks
    report: dict


def build(docs_dir: Path, root: Path) -> Model:
    """Raise errors.ContentErrors with every problem found, or return the model."""
    corpus = corpus_mod.load(docs_dir, root)
    sink = ErrorSink(root)
    resolved = resolve.run(corpus, sink)
    sink.raise_if_any()
    links = backlinks.build(corpus, resolved)
    return Model(corpus, resolved, links, report.build(corpus, resolved, links))
