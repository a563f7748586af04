"""Editor-supplied text is escaped everywhere it lands: HTML, attributes,
head tags, search records, JSON, feeds. A copy of the site whose front
matter carries <script>, quotes and </script> in every text field builds,
and its output holds the text as text (Chromium runs the pages in
tests/browser/test_escaping_browser.py)."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from tests.tools.variants import MARK, payload


def test_payload_reaches_the_pages_as_text(evil_site):
    html = (evil_site / "van-ban" / "kl-14" / "index.html").read_text(encoding="utf-8")
    assert f"{MARK} summary" in html and f"{MARK} signer.name" in html
    raw = [p.relative_to(evil_site).as_posix() for p in evil_site.rglob("*.html")
           if any(raw in p.read_text(encoding="utf-8") for raw in ("<script>window.__pwned", "<img src=x"))]
    assert raw == []


def test_json_and_feeds_carry_the_text_intact(evil_site):
    doc = json.loads((evil_site / "api/v1/van-ban/kl-14.json").read_text(encoding="utf-8"))
    assert doc["metadata"]["summary"] == payload("summary")
    faqs = json.loads((evil_site / "api/v1/hoi-dap.json").read_text(encoding="utf-8"))["faqs"]
    assert payload("faq.question") in [f["metadata"]["question"] for f in faqs]
    feeds = sorted(evil_site.glob("*.rss.xml")) + sorted(evil_site.glob("*.atom.xml"))
    assert len(feeds) == 4
    for feed in feeds:
        ET.parse(feed)   # well-formed: every payload escaped
    assert any(payload("post.title") in "".join(ET.parse(f).getroot().itertext()) for f in feeds)
