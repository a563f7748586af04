"""Search records come from the model and the rendered content (issue 15),
not from cutting every finished page again; the index they make is the one
cutting the finished pages made. Read from the files the browser loads."""
from __future__ import annotations

from conftest import ROOT
from hooks.collect import corpus
from hooks.search import store as search_store
from tools import search_reference


def test_index_equals_the_one_cut_from_the_finished_pages(built_site, tmp_path):
    model = corpus.load(ROOT / "docs", ROOT)
    reference = search_reference.reference_records(model, built_site)
    # Every kind of page is in it: the comparison covers each way records are made.
    assert {r.kind for r in reference} == {"document", "clause", "excerpt", "faq", "news", "body", "page"}
    expected = search_reference.index_by_url(search_store.write(search_store.build(reference), tmp_path, "x"))
    built = search_reference.index_by_url(built_site / search_store.OUTPUT)
    assert sorted(built) == sorted(expected)
    for url, (row, terms) in expected.items():
        assert built[url][0] == row, url
        assert built[url][1] == terms, url
