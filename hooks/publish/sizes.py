"""Pages too heavy for a phone: named after the build, with what to do."""
from __future__ import annotations

from pathlib import Path

PAGE_LIMIT = 1_000_000   # bytes of HTML: about ten times the longest document page today


def oversized(site_dir: Path, limit: int = PAGE_LIMIT) -> list[tuple[str, int]]:
    return sorted((p.relative_to(site_dir).as_posix(), p.stat().st_size)
                  for p in site_dir.rglob("*.html") if p.stat().st_size > limit)


def message(rel: str, size: int) -> str:
    return (f"Cảnh báo: trang {rel} nặng {size / 1e6:.1f} MB, quá nặng để đọc trên điện thoại. Cách sửa: chia "
            "nội dung thành nhiều trang, hoặc với tin dài, đặt dòng <!-- more --> sớm hơn "
            f"/ warning: page {rel} is {size / 1e6:.1f} MB")
