"""The built FAQ JSON-LD never cites an excerpt of the source article as a
provision of the plan (issue 14)."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT
from hooks import pipeline

DOCS = ROOT / "docs"


@pytest.fixture(scope="module")
def model():
    return pipeline.build(DOCS, ROOT)


def test_faq_jsonld_answers_do_not_cite_excerpts_as_provisions(built_site, model):
    pattern = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
    for entry in model.corpus.faqs.values():
        html = (built_site / entry.url.strip("/") / "index.html").read_text(encoding="utf-8")
        ld = pattern.findall(html.split("</head>")[0])[0]
        assert not re.search(r"[Nn]ội dung \d+ (Kế hoạch|Chương trình)", ld), entry.id
