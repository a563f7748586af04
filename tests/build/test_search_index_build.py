"""The built search index holds readers' pages only, each record with its kind
(issue 13). Read from the files the browser loads, without a browser."""
from __future__ import annotations

import json
import re

from hooks.search import records as search_index
from hooks.search import store as search_store


def _load(path):
    text = path.read_text(encoding="utf-8")
    prefix = f"{search_store.CALLBACK}("
    return json.loads("[" + text[len(prefix):].rstrip().rstrip(");") + "]")[1]


def test_index_holds_readers_pages_each_with_its_kind(built_site):
    out = built_site / search_store.OUTPUT
    meta = _load(out / "meta.js")
    rows = [row for n in range(-(-meta["records"] // meta["chunk"])) for row in _load(out / "r" / f"{n}.js")]
    assert len(rows) == meta["records"]
    urls = [row[0] for row in rows]
    # No home page, editors' guide or open-data page.
    assert not [u for u in urls if u.split("#")[0] in ("", "index.html") or u.startswith(("huong-dan/", "du-lieu-mo/"))]
    # Meta's ranges cover every record once, in the order of KINDS, and each row's kind is its range's.
    kinds = meta["kinds"]
    assert [k[0] for k in kinds] == [k for k in search_index.KINDS if any(row[2] == k for row in rows)]
    assert kinds[0][2] == 0 and kinds[-1][3] == len(rows)
    assert all(a[3] == b[2] for a, b in zip(kinds, kinds[1:], strict=False))
    for kind, label, start, end in kinds:
        assert label == search_index.KINDS[kind]
        assert {row[2] for row in rows[start:end]} == {kind}
    # Kinds follow what the pages are.
    for url, _title, kind, *_rest in rows:
        if kind in ("clause", "excerpt"):
            assert url.startswith("van-ban/") and "#" in url, url
        # A summary's items are not provisions: never labelled "Điều khoản".
        assert (kind == "excerpt") == bool(re.search(r"#noi-dung-\d", url)), url
        if kind == "faq":
            assert url.startswith("hoi-dap/"), url
        if kind == "news":
            assert url.startswith("tin-tuc/"), url
        if kind == "body":
            assert url.startswith("co-quan/"), url
    # Every document page is a result with its full title to rank by.
    documents = {row[0]: row for row in rows if row[2] == "document" and "#" not in row[0]}
    assert "van-ban/kl-14/" in documents
    assert all(len(row) == 5 and row[4].startswith(row[1].split(" ")[0]) for row in documents.values())
