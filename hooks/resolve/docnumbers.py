"""Document numbers written in prose ("Kết luận số 14-KL/TW", "26- CTr/TU",
"73/2023/NĐ-CP"): find them and map them to known documents."""
from __future__ import annotations

import re

from hooks.text.textnorm import fold

# number [/year] -/ CODE [-/ CODE]: the shape of Vietnamese document numbers.
CANDIDATE = re.compile(
    r"(?<![\w/.-])(\d{1,4})(?:\s*/\s*(\d{4}))?\s*[-/]\s*([A-ZĐ][A-Za-zĐđ]{0,5})"
    r"(?:\s*[-/]\s*([A-ZĐ][A-Za-zĐđ]{0,7}))?(?![\w/-])"
)


def canonical(number: str) -> str:
    """'73/2023/NĐ-CP', '73/2023/ND-CP' and '73 / 2023 / NĐ - CP' are one key."""
    return re.sub(r"[^A-Z0-9]", "", fold(number).upper())


def find(text: str):
    """Every candidate number in a piece of prose: (start, end, text, key)."""
    for match in CANDIDATE.finditer(text):
        yield match.start(), match.end(), match.group(0), canonical(match.group(0))
