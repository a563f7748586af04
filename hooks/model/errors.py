"""Content errors an editor can cause, reported with file, line and a fix.

Each message is given in Vietnamese (for editors) and English (for
developers), and the build collects all of them before stopping, so one run
shows every mistake.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path


def nearest(wanted: str, candidates: list[str], n: int = 3) -> list[str]:
    """The n valid ids closest to a wrong one, for the fix in a message."""
    return difflib.get_close_matches(wanted, candidates, n=n, cutoff=0.0)


def shown(value: object) -> str:
    """A value as an editor wrote it, for a message: quoted text, never
    Python's repr ('None', "'kl-14'")."""
    if value is None or value == "" or value == []:
        return "(để trống)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {v}" for k, v in value.items()) + "}"
    return f"“{value}”"


@dataclass(frozen=True)
class ContentError:
    path: str            # path relative to the project, e.g. docs/van-ban/kl-14.md
    line: int | None     # 1-based line in the file, None if not known
    vi: str              # what is wrong, in Vietnamese
    en: str              # the same in English
    fix_vi: str = ""     # what would be valid / how to fix it
    fix_en: str = ""
    field: str | None = None

    def format(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.field:
            where += f" [{self.field}]"
        text = f"{where}: {self.vi}"
        if self.fix_vi:
            text += f" Cách sửa: {self.fix_vi}"
        text += f"\n    (en) {self.en}"
        if self.fix_en:
            text += f" Fix: {self.fix_en}"
        return text


class ContentErrors(Exception):
    """Raised with every error found in one pass over the content."""

    def __init__(self, errors: list[ContentError]):
        self.errors = list(errors)
        super().__init__(self.format())

    def format(self) -> str:
        head = (f"Nội dung có {len(self.errors)} lỗi, trang chưa được tạo "
                f"/ {len(self.errors)} content error(s), the site was not built:")
        return "\n".join([head] + [e.format() for e in self.errors])


@dataclass
class ErrorSink:
    """Collects errors while a pass goes on; `raise_if_any` ends the pass."""

    root: Path
    errors: list[ContentError] = field(default_factory=list)

    def rel(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def add(self, path: Path, line: int | None, vi: str, en: str,
            fix_vi: str = "", fix_en: str = "", field: str | None = None) -> None:
        self.errors.append(ContentError(self.rel(path), line, vi, en, fix_vi, fix_en, field))

    def raise_if_any(self) -> None:
        if self.errors:
            raise ContentErrors(self.errors)


def page_markdown(message: str) -> str:
    """Under `mkdocs serve`, every page shows the build's errors instead of
    the server hanging on a failed build; `mkdocs build` still stops."""
    return ("# Bản dựng có lỗi / The build has errors\n\n"
            "!!! danger \"Nội dung có lỗi, trang chưa được tạo lại\"\n"
            "    Sửa các lỗi dưới đây rồi lưu tệp; trang sẽ tự tải lại.\n\n"
            f"```text\n{message}\n```\n")
