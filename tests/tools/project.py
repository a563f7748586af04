"""Edits to a private copy of the project, for tests that change or break it
on purpose, and a news post to add to one."""
from __future__ import annotations

from pathlib import Path


def edit(project: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    """Replace `old` by `new` in one file; `old` must be there (else the
    fixture drifted from the content and the test would prove nothing)."""
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture drift: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(project: Path, rel: str, needle: str) -> int:
    """1-based number of the first line of `rel` that holds `needle`."""
    lines = (project / rel).read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if needle in line)


# A news post citing mục 2.4 of kl-14, by the site's own author and category.
POST = """---
title: "Hội nghị quán triệt mục 2.4"
date: 2024-03-05
authors:
  - tuan-lam
categories:
  - Thông báo
tags:
  - Thí điểm
description: Tin thử nghiệm của bộ kiểm thử.
---

# Hội nghị quán triệt mục 2.4

Tin thử nghiệm nhắc đến [mục 2.4](../../van-ban/kl-14.md#muc-2-4).
"""


# One mistake in each of three stages: front matter (collect), a reference
# (resolve) and a news post (the blog's authors).
def three_mistakes(project):
    docs = project / "docs"
    kl14 = docs / "van-ban/kl-14.md"
    kl14.write_text(kl14.read_text(encoding="utf-8").replace("issued: 22/09/2021", "issued: 31/02/2021"),
                    encoding="utf-8")
    index = docs / "index.md"
    index.write_text(index.read_text(encoding="utf-8") + "\nXem [[ctr-62]].\n", encoding="utf-8")
    post = next((docs / "tin-tuc/posts").glob("*.md"))
    post.write_text(post.read_text(encoding="utf-8").replace("  - tuan-lam", "  - tuan-lamm"), encoding="utf-8")


# A post to fill in: title, ISO date and an authors line ("authors: [tuan-lam]\n" or "").
POST_TEMPLATE = """---
title: "{title}"
date: {date}
{authors}categories:
  - Thông báo
---

Nội dung tin.
"""
