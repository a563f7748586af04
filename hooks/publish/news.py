"""A news post as publishing sees it: what the blog plugin assigned (URL,
date) and the documents and clauses it cites (from the derived indexes)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Post:
    src_uri: str        # tin-tuc/posts/....md
    title: str
    url: str            # site-relative URL, e.g. tin-tuc/2022/12/10/slug/
    date: dt.datetime   # of publication
    draft: bool
    cites: list[tuple[str, str | None]] = field(default_factory=list)
