"""Search text for Vietnamese readers: NFC, tokens, folding.

Readers type on phones, often without tone marks and with d for đ. The
rule here is mirrored word for word by `docs/assets/javascripts/search-core.js`
(`klFold`, `klTokens`); tests run both on the same inputs.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from hooks.text.textnorm import fold as _fold

# Letters, digits and combining marks (Unicode L*, N*, M*), as JS's
# /[\p{L}\p{N}\p{M}]/u; everything else separates tokens. Python's \w is
# L* and N* (plus "_"); the mark blocks are listed for the rare mark that NFC
# leaves uncomposed. One regex: a loop over characters cost seconds a build.
_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])+")


def tokens(text: str) -> list[str]:
    """Words of `text`, NFC, lower case, punctuation stripped."""
    return _TOKEN.findall(unicodedata.normalize("NFC", text.lower()))


@functools.lru_cache(maxsize=1 << 16)   # called once per token of every record
def fold(text: str) -> str:
    """Lower-case ASCII-ish key: tones stripped and đ -> d ('Điều' -> 'dieu')."""
    return unicodedata.normalize("NFC", _fold(unicodedata.normalize("NFC", text)).lower())
