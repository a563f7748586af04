"""Search text for Vietnamese readers: NFC, tokens, folding, đ variants.

Readers type on phones, often without tone marks and with d for đ. The
rule here is mirrored word for word by `docs/assets/javascripts/search.js`
(`klFold`, `klTokens`); tests run both on the same inputs.
"""
from __future__ import annotations

import unicodedata

from .textnorm import fold as _fold


def _word_char(ch: str) -> bool:
    # Letters, digits and combining marks (Unicode L*, N*, M*), as JS's
    # /[\p{L}\p{N}\p{M}]/u; everything else separates tokens.
    return unicodedata.category(ch)[0] in "LNM"


def normalize(text: str) -> str:
    """NFC and lower case: what the reader meant, in one spelling."""
    return unicodedata.normalize("NFC", text).lower()


def tokens(text: str) -> list[str]:
    """Words of `text`, NFC, lower case, punctuation stripped."""
    # Match on NFD so a stray combining mark stays with its letter, then
    # recompose each token.
    out, word = [], []
    for ch in unicodedata.normalize("NFD", text.lower()) + " ":
        if _word_char(ch):
            word.append(ch)
        elif word:
            out.append(unicodedata.normalize("NFC", "".join(word)))
            word = []
    return out


def fold(text: str) -> str:
    """Lower-case ASCII-ish key: tones stripped and đ -> d ('Điều' -> 'dieu')."""
    return unicodedata.normalize("NFC", _fold(unicodedata.normalize("NFC", text)).lower())


def folded_tokens(text: str) -> list[str]:
    return [fold(t) for t in tokens(text)]


def d_variants(text: str) -> list[str]:
    """Each distinct word with đ spelled d, tones kept ('đổi' -> 'dổi').

    The search engine strips tone marks itself but treats đ as its own
    letter; indexing these spellings lets 'doi' find 'đổi' while 'đổi'
    still matches the exact word first.
    """
    seen: dict[str, None] = {}
    for token in tokens(text):
        if "đ" in token:
            seen.setdefault(token.replace("đ", "d"), None)
    return list(seen)
