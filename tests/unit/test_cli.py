"""The editors' commands: `make nfc` with a file that is not UTF-8, `make
serve` on a busy port, `make check` on the real site."""
from __future__ import annotations

import socket
import unicodedata

from conftest import ROOT
from hooks.cli import nfc, port


def test_nfc_names_a_file_that_is_not_utf8_and_normalises_the_rest(tmp_path, capsys):
    (tmp_path / "a.md").write_bytes("Trích yếu".encode("cp1258", errors="ignore") + b"\xff\xfe")
    (tmp_path / "b.md").write_text(unicodedata.normalize("NFD", "Kết luận"), encoding="utf-8")
    assert nfc.main([str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'a.md'}: tệp không phải UTF-8" in err and "make nfc" in err
    assert (tmp_path / "b.md").read_text(encoding="utf-8") == unicodedata.normalize("NFC", "Kết luận")


def test_a_busy_port_is_named_with_a_fix(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        busy = taken.getsockname()[1]
        assert port.main([str(busy)]) == 1
    err = capsys.readouterr().err
    assert f"Cổng {busy} đang được dùng" in err and f"make serve PORT={busy + 1}" in err
    assert port.main([str(busy)]) == 0   # free again once the other server stops




def test_check_finds_a_quotation_that_is_not_verbatim(tmp_path):
    import shutil

    from hooks import pipeline
    from hooks.cli import check
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    faq = next((tmp_path / "docs/hoi-dap").glob("[!i]*.md"))
    faq.write_text(faq.read_text(encoding="utf-8") + '\nVăn bản viết "được miễn mọi trách nhiệm".\n', encoding="utf-8")
    model = pipeline.build(tmp_path / "docs", tmp_path)
    assert check.unverified_quotations(model, ROOT / "sources") == [(faq.stem, "được miễn mọi trách nhiệm")]




def test_a_page_too_heavy_for_a_phone_is_named(tmp_path):
    from hooks.publish import sizes
    # Bytes as written, not characters: "ệ" is 3 bytes of UTF-8.
    assert sizes.written("ệ" * 400, limit=1000) == 1200 and sizes.written("e" * 400, limit=1000) is None
    assert sizes.written("x" * 1000, limit=1000) is None and sizes.written("x" * 1001, limit=1000) == 1001
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text("x" * 2000, encoding="utf-8")
    (tmp_path / "b.html").write_text("x" * 10, encoding="utf-8")
    assert sizes.on_disk(tmp_path, ["a/index.html", "b.html"], limit=1000) == [("a/index.html", 2000)]
    assert "a/index.html" in sizes.message("a/index.html", 2000) and "<!-- more -->" in sizes.message("a", 1)
