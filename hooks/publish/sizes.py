"""Pages too heavy for a phone: named after the build, with what to do."""
from __future__ import annotations

from pathlib import Path

PAGE_LIMIT = 1_000_000   # bytes of HTML: about ten times the longest document page today


def written(text: str, limit: int = PAGE_LIMIT) -> int | None:
    """The size in bytes of a page as MkDocs writes it, if over `limit`.
    Taken from the text as each page is written, not by walking the built
    site after it (5 s for the 57,000 files of 100× the corpus); only a
    page long enough to be over is encoded."""
    if len(text) * 4 <= limit:   # UTF-8 takes at most 4 bytes a character
        return None
    size = len(text.encode("utf-8", errors="xmlcharrefreplace"))
    return size if size > limit else None


def on_disk(site_dir: Path, rels: list[str], limit: int = PAGE_LIMIT) -> list[tuple[str, int]]:
    """The same, for HTML files that do not pass through the page events
    (HTML copied from docs/ as it is)."""
    sized = ((rel, (site_dir / rel).stat().st_size) for rel in rels)
    return [(rel, size) for rel, size in sized if size > limit]


def message(rel: str, size: int) -> str:
    return (f"Cảnh báo: trang {rel} nặng {size / 1e6:.1f} MB, quá nặng để đọc trên điện thoại. Cách sửa: chia "
            "nội dung thành nhiều trang, hoặc với tin dài, đặt dòng <!-- more --> sớm hơn "
            f"/ warning: page {rel} is {size / 1e6:.1f} MB")
