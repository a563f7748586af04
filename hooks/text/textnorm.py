"""Vietnamese text folding: ASCII slugs for anchors and ids, NFC checks."""
from __future__ import annotations

import re
import unicodedata

# đ/Đ are letters of their own, not d plus a combining mark, so NFD alone
# would drop them ("Điều" -> "ieu"); fold them explicitly first.
_D_FOLD = str.maketrans({"đ": "d", "Đ": "D"})
_NON_SLUG = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Strip Vietnamese diacritics: 'Điều khoản' -> 'Dieu khoan'."""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str, sep: str = "-") -> str:
    """ASCII, lower-case slug: 'Điều 1' -> 'dieu-1'.

    Signature matches Python-Markdown's toc `slugify(value, separator)`.
    """
    return _NON_SLUG.sub(sep, fold(text).lower()).strip(sep)


def first_non_nfc(text: str) -> tuple[int, int] | None:
    """(line, column), 1-based, of the first character not in NFC, else None."""
    if unicodedata.is_normalized("NFC", text):
        return None
    for lineno, line in enumerate(text.split("\n"), start=1):
        if not unicodedata.is_normalized("NFC", line):
            for col in range(len(line)):
                # The first prefix whose normalisation differs marks the spot.
                if unicodedata.normalize("NFC", line[: col + 1]) != line[: col + 1]:
                    # Point at the letter the stray combining mark belongs to.
                    while col > 0 and unicodedata.combining(line[col]):
                        col -= 1
                    return lineno, col + 1
            return lineno, 1
    return 1, 1
