import pytest

from hooks.model import anchors


@pytest.mark.parametrize("anchor,phrase", [
    ("muc-1", "mục 1"),
    ("muc-2-4", "mục 2.4"),
    ("muc-2-4-doan-2", "đoạn 2 mục 2.4"),
    ("dieu-5", "Điều 5"),
    ("dieu-5-khoan-2", "khoản 2 Điều 5"),
    ("dieu-5-khoan-2-diem-a", "điểm a khoản 2 Điều 5"),
    ("phan-i", "Phần I"),
    ("chuong-ii-dieu-3", "Điều 3 Chương II"),
    ("noi-dung-3", "đoạn trích 3"),   # an excerpt of the source article, not a provision
])
def test_valid_anchors_and_their_phrases(anchor, phrase):
    assert anchors.is_valid(anchor)
    assert anchors.phrase(anchor) == phrase


@pytest.mark.parametrize("anchor", [
    "", "muc", "muc-", "Muc-2", "muc-2.4", "muc-2--4", "muc-2-4-", "dieu-abc", "dieu-5a",
    "muc-2-4-paragraph-2", "khoan-2-dieu-5", "doan-1-muc-2", "ieu-1", "diem-1", "noi-dung",
])
def test_invalid_anchors(anchor):
    assert not anchors.is_valid(anchor)


def test_heading_and_citation_phrase():
    assert anchors.heading("muc-2-4-doan-2") == "Đoạn 2"
    assert anchors.cited("muc-2-4-doan-2") == "Đoạn 2 mục 2.4"
    assert anchors.cited("dieu-5-khoan-2-diem-a") == "Điểm a khoản 2 Điều 5"
