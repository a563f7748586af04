"""schema.org JSON-LD, built as data and serialised safely for a <script>.

Editors' text ends up inside a <script type="application/ld+json"> element;
the HTML parser ends that element at the first "</script" whatever JSON
thinks, so `<`, `>` and `&` are written as JSON escapes (\\u003c …), which
every JSON parser reads back unchanged.
"""
from __future__ import annotations

import json

CONTEXT = "https://schema.org"   # an identifier, never fetched


def faq_page(entries: list[tuple[str, str]], *, name: str | None = None, url: str | None = None) -> dict:
    """A FAQPage of (question, answer text) pairs."""
    data: dict = {"@context": CONTEXT, "@type": "FAQPage", "inLanguage": "vi"}
    if name:
        data["name"] = name
    if url:
        data["url"] = url
    data["mainEntity"] = [{"@type": "Question", "name": q,
                           "acceptedAnswer": {"@type": "Answer", "text": a}} for q, a in entries]
    return data


def dumps(data: dict) -> str:
    """JSON text that cannot close or comment out the <script> around it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def script(data: dict) -> str:
    return f'<script type="application/ld+json">{dumps(data)}</script>'
