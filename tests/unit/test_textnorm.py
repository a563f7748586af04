import unicodedata

from hooks.text import textnorm


def test_fold_strips_tones_and_folds_d():
    assert textnorm.fold("Điều khoản đặc biệt") == "Dieu khoan dac biet"
    assert textnorm.fold("cán bộ năng động") == "can bo nang dong"


def test_slugify_keeps_d_of_dieu():
    assert textnorm.slugify("Điều 1") == "dieu-1"
    assert textnorm.slugify("Mục 2.4") == "muc-2-4"
    assert textnorm.slugify("ĐẢNG, Nhà nước!") == "dang-nha-nuoc"
    assert textnorm.slugify("Phần mở đầu", "_") == "phan_mo_dau"


def test_slugify_nfd_input_same_as_nfc():
    text = "Đoạn văn bản"
    assert textnorm.slugify(unicodedata.normalize("NFD", text)) == textnorm.slugify(text) == "doan-van-ban"


def test_first_non_nfc_points_at_line_and_column():
    assert textnorm.first_non_nfc("cán bộ\nnăng động") is None
    bad = "dòng một\nxin " + unicodedata.normalize("NFD", "chào")
    assert textnorm.first_non_nfc(bad) == (2, 7)
