"""`python -m hooks.cli.scaffold KIND ID`: a new content file to fill in.

Kinds: tin-tuc (news post), hoi-dap (FAQ), co-quan (body), van-ban
(document). Every fact the editor has not given is `null` or a visible
placeholder, never a guess: a new document says "Chưa xác định" until an
editor fills in its number, date and issuer from the official text.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from hooks import contract
from hooks.model.errors import shown
from hooks.model.schema import ID_RE

ROOT = Path(__file__).resolve().parents[2]
# Each kind by its folder's name (as editors know it) or its own.
KINDS = {contract.BLOG: "news", "news": "news", **contract.ID_FOLDERS, **{k: k for k in contract.ID_FOLDERS.values()}}

NEWS = """---
title: "Tiêu đề tin (sửa lại)"
date: {iso}
authors:
  - {author}
categories:
  - {category}
tags: []
slug: {id}
description: >-
  Một câu tóm tắt tin (hiện trong danh sách tin, nguồn tin RSS và khi chia sẻ).
# Bản nháp: chỉ hiện khi xem trước (make serve); xóa dòng dưới để đăng.
draft: true
---

# Tiêu đề tin (sửa lại)

Đoạn mở đầu của tin.

<!-- more -->

Nội dung tin. Dẫn chiếu văn bản bằng liên kết, ví dụ
[mục 2.4 Kết luận số 14-KL/TW](../../van-ban/kl-14.md#muc-2-4).
"""

FAQ = """---
id: {id}
question: "Câu hỏi (sửa lại)?"
# Dành cho ai: một hoặc nhiều trong cong-dan, can-bo, co-quan.
audience: [cong-dan]
# Chủ đề: một khóa trong FAQ_TOPICS của hooks/vocab.py.
topic: chua-phan-loai
# Điều khoản được giải thích, ít nhất một (sửa lại cho đúng câu hỏi).
explains:
  - kl-14#muc-2
# Ngày rà soát dd/mm/yyyy; null nếu chưa rà soát.
reviewed: null
---

Câu trả lời chưa được viết (sửa lại). Viết bằng lời dễ hiểu, câu ngắn; chỉ nói
điều văn bản nói và dẫn chiếu điều khoản, ví dụ [[kl-14#muc-2]].
"""

BODY = """---
id: {id}
name: "Tên đầy đủ của cơ quan (sửa lại)"
short_name: null
level: tinh
parent: null
---

Chưa có mô tả về cơ quan này.
"""

DOCUMENT = """---
id: {id}
number: null
type: null
issuer: null
signer: null
issued: null
effective: null
legal_status: chua-xac-dinh
# Trích yếu, chép đúng văn bản; null nếu chưa biết.
summary: "Trích yếu của văn bản (sửa lại)"
text:
  completeness: chua-co
  source: Chưa có nguồn. Ghi tên, số hiệu và nơi công bố của văn bản gốc khi có.
  missing:
    - Toàn văn
---

## Toàn văn

!!! note "Chưa có văn bản"
    Chưa có nội dung văn bản này. Khi có văn bản chính thức, chép nguyên văn
    vào đây, mỗi điều khoản bắt đầu bằng một dòng mã như `{{#dieu-1}}`.
"""


class ScaffoldError(Exception):
    pass


def _first_key(path: Path, section: str) -> str | None:
    """First key under `section:` of a small YAML file, without a YAML parser."""
    if not path.exists():
        return None
    inside = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() == f"{section}:":
            inside = True
        elif inside and line.startswith("  ") and not line.startswith("   ") and line.strip().endswith(":"):
            return line.strip()[:-1]
    return None


def _first_category(mkdocs_yml: Path) -> str:
    lines = mkdocs_yml.read_text(encoding="utf-8").splitlines()
    for i, line in enumerate(lines):
        if line.strip() == "categories_allowed:":
            return lines[i + 1].strip().lstrip("- ").strip()
    raise ScaffoldError("mkdocs.yml has no categories_allowed")


def create(kind: str, ident: str, root: Path = ROOT, today: dt.date | None = None) -> Path:
    """Write the new file and return its path; refuse to overwrite."""
    kind = KINDS.get(kind, "")
    if not kind:
        raise ScaffoldError("loại không hợp lệ / unknown kind; dùng / use: tin-tuc, hoi-dap, co-quan, van-ban")
    if not ID_RE.match(ident):
        raise ScaffoldError(f"mã {shown(ident)} không hợp lệ: chỉ chữ thường không dấu, số và dấu gạch ngang, "
                            f"ví dụ 'so-tai-chinh' / id {shown(ident)} is not lower-case ASCII with dashes")
    docs = root / "docs"
    today = today or dt.date.today()
    if kind == "news":
        path = docs / contract.POSTS / f"{today.isoformat()}-{ident}.md"
        author = _first_key(docs / contract.AUTHORS, "authors") or "tuan-lam"
        text = NEWS.format(iso=today.isoformat(), id=ident, author=author,
                           category=_first_category(root / "mkdocs.yml"))
    else:
        # ids are unique across documents, bodies and FAQs
        for other in contract.ID_FOLDERS.values():
            if (docs / contract.src(other, ident)).exists():
                raise ScaffoldError(f"mã {shown(ident)} đã có ở docs/{contract.src(other, ident)} / id already used")
        path = docs / contract.src(kind, ident)
        text = {"faq": FAQ, "body": BODY, "document": DOCUMENT}[kind].format(id=ident)
    if path.exists():
        raise ScaffoldError(f"tệp đã có / file exists: {path.relative_to(root)}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks.cli.scaffold",
                                     description="Tạo tệp nội dung mới từ mẫu / create a content file from a template.")
    parser.add_argument("kind", help="tin-tuc | hoi-dap | co-quan | van-ban")
    parser.add_argument("id", help="mã mới, ví dụ so-tai-chinh")
    parser.add_argument("--root", type=Path, default=ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        path = create(args.kind, args.id, args.root)
    except ScaffoldError as exc:
        print(f"Lỗi / error: {exc}", file=sys.stderr)
        return 2
    print(path.relative_to(args.root).as_posix() if path.is_relative_to(args.root) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
