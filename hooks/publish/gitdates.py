"""Last-change dates and change logs of content files, from one `git log`.

One batched call for the whole docs folder instead of one per page: a
per-file `git log -1` costs a process start per page. Where git has no
answer (no repository, untracked file, or a shallow clone that cut the
file's history), the build date stands in and the entry says so.
"""
from __future__ import annotations

import datetime as dt
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

_RECORD, _UNIT = "\x1e", "\x1f"
# A subject shown to readers must be Vietnamese; a developer's English
# subject ("Fix nav order") is replaced by a neutral Vietnamese note.
_VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ"
                         r"ằắẳẵặầấẩẫậềếểễệồốổỗộờớởỡợừứửữự]", re.I)
NEUTRAL_NOTE = "Cập nhật nội dung"


@dataclass(frozen=True)
class Change:
    when: dt.datetime
    commit: str
    subject: str
    added: int = 0     # lines of this file, from --numstat (0 for a binary file)
    deleted: int = 0

    @property
    def described(self) -> bool:
        return bool(_VIETNAMESE.search(self.subject))

    @property
    def note(self) -> str:
        # Without a Vietnamese subject, say at least how much of the file changed.
        return self.subject if self.described else neutral_note(self.added, self.deleted)


def neutral_note(added: int, deleted: int) -> str:
    parts = [f"thêm {added} dòng" if added else "", f"bỏ {deleted} dòng" if deleted else ""]
    parts = [p for p in parts if p]
    return f"{NEUTRAL_NOTE} ({', '.join(parts)})" if parts else NEUTRAL_NOTE


def merged_log(changes: list[Change], day) -> list[tuple[str, str]]:
    """(day, note) per entry of a page's change log, newest first. Changes
    without a Vietnamese subject on the same day are one entry: a day of
    developers' commits says once how much changed, not "Cập nhật nội dung"
    again and again."""
    out: list[tuple[str, str]] = []
    pending: tuple[str, int, int] | None = None
    for change in changes:
        when = day(change.when)
        if not change.described and pending and pending[0] == when:
            pending = (when, pending[1] + change.added, pending[2] + change.deleted)
            continue
        if pending:
            out.append((pending[0], neutral_note(pending[1], pending[2])))
            pending = None
        if change.described:
            out.append((when, change.note))
        else:
            pending = (when, change.added, change.deleted)
    if pending:
        out.append((pending[0], neutral_note(pending[1], pending[2])))
    return out


@dataclass
class History:
    """Changes per file (newest first), paths relative to the project root."""
    built: dt.datetime
    changes: dict[str, list[Change]] = field(default_factory=dict)
    complete: bool = True   # False in a shallow clone: oldest entries are unreliable

    def updated(self, rel_path: str) -> tuple[dt.datetime, bool]:
        """(last change, from_git). Falls back to the build time."""
        log = self.changes.get(rel_path)
        if log:
            return log[0].when, True
        return self.built, False

    def log(self, rel_path: str) -> list[Change]:
        return list(self.changes.get(rel_path, []))


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                                text=True, encoding="utf-8", timeout=60)
    except (OSError, subprocess.SubprocessError):
        return None
    return result.stdout if result.returncode == 0 else None


def parse_log(output: str) -> dict[str, list[Change]]:
    """Parse `git log --numstat --format=<RS>%H<US>%cI<US>%s` output."""
    changes: dict[str, list[Change]] = {}
    for record in output.split(_RECORD):
        if not record.strip():
            continue
        head, _, names = record.partition("\n")
        commit, when, subject = head.split(_UNIT, 2)
        for line in names.split("\n"):
            added, _, rest = line.partition("\t")
            deleted, _, name = rest.partition("\t")
            if name.strip():
                changes.setdefault(name.strip(), []).append(Change(
                    dt.datetime.fromisoformat(when), commit, subject.strip(),
                    int(added) if added.isdigit() else 0, int(deleted) if deleted.isdigit() else 0))
    return changes


def load(root: Path, folder: str = "docs", now: dt.datetime | None = None) -> History:
    """History of every file under `folder` of the project at `root`."""
    built = now or dt.datetime.now(dt.UTC).astimezone()
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    if shallow is None:
        return History(built)
    output = _git(root, "log", "--relative", "--numstat", "--no-renames",
                  f"--format={_RECORD}%H{_UNIT}%cI{_UNIT}%s", "--", folder)
    if output is None:
        return History(built)
    changes = parse_log(output)
    if shallow.strip() == "true":
        # The boundary commit of a shallow clone lists every file as added;
        # its date says nothing about when a file last changed.
        boundary = _shallow_roots(root)
        changes = {f: [c for c in log if c.commit not in boundary] for f, log in changes.items()}
        changes = {f: log for f, log in changes.items() if log}
    return History(built, changes, complete=shallow.strip() != "true")


def _shallow_roots(root: Path) -> set[str]:
    path = _git(root, "rev-parse", "--git-path", "shallow")
    if not path:
        return set()
    shallow_file = Path(path.strip())
    if not shallow_file.is_absolute():
        shallow_file = root / shallow_file
    return set(shallow_file.read_text().split()) if shallow_file.exists() else set()
