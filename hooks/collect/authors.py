"""The blog's authors file (docs/tin-tuc/.authors.yml), checked before the
blog plugin reads it: the plugin stops on a broken file with an English
message and no line, which under `mkdocs serve` leaves every page hanging."""
from __future__ import annotations

from pathlib import Path

import yaml

from hooks import contract
from hooks.model.errors import ContentError, ErrorSink, shown
from hooks.text import yamlerrors

EXAMPLE = "authors:\\n  ma-tac-gia:\\n    name: Họ và tên\\n    description: Chức danh, đơn vị\\n    avatar: assets/images/avatar.svg"


def path_in(docs_dir: Path) -> Path:
    return docs_dir / contract.AUTHORS


def check(docs_dir: Path, root: Path) -> list[ContentError]:
    path = path_in(docs_dir)
    sink = ErrorSink(root)
    if not path.is_file():
        return []
    try:
        text = path.read_text(encoding="utf-8-sig")
        data = yaml.safe_load(text)
    except UnicodeDecodeError:
        sink.add(path, None, "tệp không phải UTF-8.", "the file is not UTF-8.", "lưu lại tệp với mã hóa UTF-8.",
                 "save the file as UTF-8.")
        return sink.errors
    except yaml.YAMLError as exc:
        line, vi, en = yamlerrors.describe(exc, 1, text)
        sink.add(path, line, f"danh sách tác giả không đọc được: {vi}.", f"the authors file does not parse: {en}.",
                 f"sửa dòng này theo mẫu: {EXAMPLE}", "fix this line; see the guide for the file's shape.")
        return sink.errors
    authors = data.get("authors") if isinstance(data, dict) else None
    if not isinstance(authors, dict) or not authors:
        sink.add(path, 1, "tệp cần khóa 'authors:' với ít nhất một tác giả.",
                 "the file needs an 'authors:' mapping with at least one author.", f"theo mẫu: {EXAMPLE}",
                 "follow the example in the guide.")
        return sink.errors
    lines = text.split("\n")
    # What the blog requires of each author; the site ships a neutral avatar.
    fixes = {"name": "    name: Họ và tên", "description": "    description: Chức danh, đơn vị",
             "avatar": "    avatar: assets/images/avatar.svg"}
    for ident, author in authors.items():
        line = next((i for i, t in enumerate(lines, 1) if t.strip().startswith(f"{ident}:")), None)
        for key, fix in fixes.items():
            value = author.get(key) if isinstance(author, dict) else None
            if not isinstance(value, str) or not value.strip():
                sink.add(path, line, f"tác giả {shown(ident)} thiếu trường '{key}'.", f"author {ident} has no '{key}'.",
                         f"thêm dòng '{fix}' dưới '  {ident}:'.", f"add '{fix.strip()}' under '{ident}:'.")
    return sink.errors
