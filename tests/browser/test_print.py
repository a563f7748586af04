"""Print: each document prints from Chromium as a clean legal text. The PDF's
text holds the metadata and every clause, and none of the site's tools."""
from __future__ import annotations

import io
import re
import unicodedata

import pytest
from pypdf import PdfReader

from conftest import ROOT
from hooks import pipeline

SITE_ONLY = ["Sao chép trích dẫn", "Được cụ thể hóa tại", "Tin liên quan", "Chia sẻ", "Danh sách điều khoản",
             "Lịch sử thay đổi", "Tìm kiếm", "Cập nhật lần cuối"]


# An editor's note inside a clause is an admonition; its title prints apart
# from its text, so each is looked for on its own.
_NOTE = re.compile(r'(?:!!!|\?\?\?\+?)\s+[\w-]+(?:\s+"([^"]*)")?')


def pieces(own_text: str) -> list[str]:
    return [p for p in re.split(r"\x00", _NOTE.sub(lambda m: f"\x00{m.group(1) or ''}\x00", own_text)) if p.strip()]


def squash(text: str) -> str:
    """Compare words only: PDF text breaks lines and spaces its own way."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


@pytest.fixture(scope="module")
def model():
    return pipeline.build(ROOT / "docs", ROOT)


@pytest.fixture(scope="module")
def printer(browser, site_url):
    context = browser.new_context(base_url=site_url)
    pg = context.new_page()
    yield pg
    context.close()


def pdf_text(pg, url: str) -> str:
    pg.goto(url)
    pg.wait_for_load_state("networkidle")
    data = pg.pdf(format="A4", print_background=False)
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(p.extract_text() or "" for p in reader.pages)


def test_every_document_prints_all_its_clauses_and_nothing_else(printer, model):
    assert len(model.corpus.documents) >= 4
    for doc in model.corpus.documents.values():
        text = pdf_text(printer, f"/van-ban/{doc.id}/")
        flat = squash(text)
        assert squash(doc.title) in flat
        for label in ("Số hiệu", "Cơ quan ban hành", "Ngày ban hành", "Trích yếu"):
            assert squash(label) in flat, (doc.id, label)
        for clause in doc.clauses.values():
            assert squash(clause.heading) in flat, (doc.id, clause.anchor)
            if clause.available:
                for piece in pieces(clause.own_text):
                    assert squash(piece) in flat, (doc.id, clause.anchor, piece[:60])
        for words in SITE_ONLY:
            assert squash(words) not in flat, (doc.id, words)
