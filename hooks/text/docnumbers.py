"""Document numbers written in prose ("Kết luận số 14-KL/TW", "26- CTr/TU",
"73/2023/NĐ-CP"): find them and map them to known documents."""
from __future__ import annotations

import re

from hooks.text.textnorm import fold

_CODE = r"[A-ZĐƯ][A-Za-zĐđƯư]{0,5}"
_ISSUER = r"[A-ZĐƯ][A-Za-zĐđƯư]{0,7}"
# number [/year] -/ CODE [-/ CODE]: the shape of Vietnamese document numbers.
# A space alone may stand for the first dash only when a second code
# follows ("14 KL/TW"), so "5 Điều" or "2 KH" in prose stay prose.
CANDIDATE = re.compile(
    rf"(?<![\w/.-])(\d{{1,4}})(?:\s*/\s*(\d{{4}}))?"
    rf"(?:\s*[-/]\s*{_CODE}(?:\s*[-/]\s*{_ISSUER})?|\s+{_CODE}\s*[-/]\s*{_ISSUER})(?![\w/-])"
)


def canonical(number: str) -> str:
    """'73/2023/NĐ-CP', '73/2023/ND-CP' and '73 / 2023 / NĐ - CP' are one key;
    so are '14-KL/TW', '14-KL/TƯ' and '14 KL/TW': TƯ (Trung ương) is written
    TW, while TU (Tỉnh ủy) is another issuer and stays TU."""
    number = re.sub(r"TƯ$", "TW", number.strip())
    return re.sub(r"[^A-Z0-9]", "", fold(number).upper())


def find(text: str):
    """Every candidate number in a piece of prose: (start, end, text, key)."""
    for match in CANDIDATE.finditer(text):
        yield match.start(), match.end(), match.group(0), canonical(match.group(0))
