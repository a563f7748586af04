"""YAML errors as an editor can act on them: the line where the mistake
starts (an unclosed quote is reported where it opens, not where the file
ends) and the reason in Vietnamese, with the parser's English beside it."""
from __future__ import annotations

import re

import yaml

# 'key: "value' or '- "value': a quoted value that this line does not close.
_OPEN_QUOTE = re.compile(r"""^\s*(?:-\s+|[\w.-]+:\s+)(["'])(?!.*\1\s*(?:#.*)?$)""")

# (words of PyYAML's problem or context) -> what it means for an editor
REASONS = [
    ("while scanning a quoted scalar", "dấu ngoặc kép mở ở đây chưa được đóng"),
    ("while parsing a flow sequence", "danh sách [...] mở ở đây chưa đóng, hoặc thiếu dấu phẩy giữa các mục"),
    ("while parsing a flow mapping", "cặp ngoặc {...} mở ở đây chưa đóng, hoặc thiếu dấu phẩy"),
    ("found character that cannot start any token",
     "có ký tự không được đứng đầu một giá trị (ví dụ @, `, % hoặc dấu tab)"),
    ("could not find expected ':'", "thiếu dấu ':' sau tên trường"),
    ("mapping values are not allowed",
     "có dấu ':' ở chỗ không được phép: dòng thụt lề sai, hoặc giá trị chứa ':' chưa đặt trong ngoặc kép"),
    ("expected <block end>", "thụt lề không khớp với các dòng ở trên"),
    ("found unexpected end of stream", "phần đầu kết thúc khi một giá trị chưa đóng"),
    ("found undefined alias", "có dấu '*' ở đầu giá trị (đặt giá trị trong ngoặc kép)"),
    ("found duplicate", "một tên trường xuất hiện hai lần"),
]


def describe(exc: yaml.YAMLError, first_line: int = 1, text: str = "") -> tuple[int | None, str, str]:
    """(line in the file, reason in Vietnamese, reason in English). `first_line`
    is the file line of the YAML text's first line; `text`, the YAML itself,
    lets an unclosed quote be found where it opens: the parser only notices
    it where the next quote (lines later) no longer makes sense."""
    problem = getattr(exc, "problem", None) or str(exc).split("\n")[0]
    context = getattr(exc, "context", None) or ""
    problem_mark = getattr(exc, "problem_mark", None)
    # Where a construct that went wrong opens (a quote, a [ list), if the
    # parser says so; a block mapping's start is no help.
    opens = context.startswith(("while scanning a quoted", "while parsing a flow"))
    context_mark = getattr(exc, "context_mark", None)
    mark = context_mark if opens and context_mark else (problem_mark or context_mark)
    line = mark.line + first_line if mark is not None else None
    last = problem_mark.line + first_line if problem_mark is not None else line
    said = f"{context} {problem}"
    vi = next((reason for words, reason in REASONS if words in said), "cú pháp YAML không đúng")
    en = " ".join(f"{context}, {problem}".strip(", ").split())
    for i, row in enumerate(text.split("\n")):
        if last is not None and i + first_line > last:
            break
        if _OPEN_QUOTE.match(row):
            return i + first_line, REASONS[0][1], en
    return line, vi, en
