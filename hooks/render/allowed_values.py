"""The guide's table of allowed values, made from the vocabularies and the
blog's categories at build time, so what editors read cannot drift from
what the build accepts."""
from __future__ import annotations

from hooks.model import vocab

MARKER = "<!-- kl:allowed-values -->"


def _table(field: str, values: dict[str, str]) -> str:
    rows = "\n".join(f"| `{key}` | {label} |" for key, label in values.items())
    return f"**`{field}`**\n\n| giá trị | nghĩa |\n| --- | --- |\n{rows}\n"


def markdown(categories: list[str]) -> str:
    parts = [
        _table("type (loại văn bản)", vocab.DOC_TYPES),
        _table("legal_status (tình trạng hiệu lực)", vocab.STATUSES),
        _table("text.completeness (mức độ đầy đủ)", vocab.COMPLETENESS),
        _table("level (cấp của cơ quan)", vocab.BODY_LEVELS),
        _table("audience (hỏi đáp dành cho)", vocab.AUDIENCES),
        _table("topic (chủ đề hỏi đáp)", vocab.FAQ_TOPICS),
        "**`categories` (chuyên mục tin)**\n\n" + "\n".join(f"- `{c}`" for c in categories) + "\n",
    ]
    return "\n".join(parts)


def fill(page_markdown: str, categories: list[str]) -> str:
    return page_markdown.replace(MARKER, markdown(categories)) if MARKER in page_markdown else page_markdown
