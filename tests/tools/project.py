"""Edits to a private copy of the project, for tests that break it on purpose."""
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
