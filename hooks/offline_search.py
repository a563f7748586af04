"""Search from the file system: Pagefind needs fetch and ES modules, which a
page opened from file:// (a USB stick) cannot use. The same records go into
one script, loaded with a plain <script> tag only on file://, and searched
by search.js with the same folding (klFold/klTokens mirror search_text)."""
from __future__ import annotations

import json
from pathlib import Path

from . import search_text
from .search_index import Record

OUTPUT = "assets/javascripts/search-records.js"


def entry(record: Record) -> dict:
    return {
        "u": record.url, "t": record.title, "k": record.kind, "x": record.text,
        # Folded words by weight: names and title first, then the text.
        "n": " ".join(search_text.folded_tokens(" ".join((record.names, record.title, record.heading)))),
        "w": " ".join(search_text.folded_tokens(" ".join((record.text, record.context)))),
    }


def write(records: list[Record], site_dir: Path) -> Path:
    path = Path(site_dir) / OUTPUT
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps([entry(r) for r in records], ensure_ascii=False, separators=(",", ":"))
    # "</" cannot end a script here, and U+2028/9 are line breaks in older JS.
    data = data.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    path.write_text(f"window.klSearchRecords={data};\n", encoding="utf-8")
    return path
