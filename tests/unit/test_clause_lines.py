"""A clause line that is almost right, or numbering that contradicts itself,
stops the run on the clause's own line, before anything that cites it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from hooks import pipeline
from hooks.model.errors import ContentErrors

KL = "docs/van-ban/kl-14.md"


def run(tmp_path: Path, old: str, new: str) -> tuple[list, list[str]]:
    root = tmp_path / "p"
    shutil.copytree(ROOT / "docs", root / "docs")
    path = root / KL
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        pipeline.build(root / "docs", root)
    return caught.value.errors, path.read_text(encoding="utf-8").split("\n")


def line_of(lines: list[str], needle: str) -> int:
    return next(i for i, t in enumerate(lines, 1) if needle in t)


@pytest.mark.parametrize("old,new,needle,words", [
    ("{#muc-2-5}", "{# muc-2-5}", "{# muc-2-5}", "khoảng trắng"),
    ("{#muc-2-5}", "{#muc-2-5", "{#muc-2-5", "thiếu dấu '}'"),
    ("{#muc-2-5}", "  {#muc-2-5}", "  {#muc-2-5}", "không thụt lề"),
    ("{#muc-2-5}\n2.5.", "{#muc-2-5} 2.5.", "{#muc-2-5} 2.5.", "chữ sau dấu '}'"),
])
def test_a_malformed_clause_line_is_reported_first_on_its_line(tmp_path, old, new, needle, words):
    errors, lines = run(tmp_path, old, new)
    first = errors[0]
    assert (first.path, first.line) == (KL, line_of(lines, needle)) and words in first.vi, first.format()
    assert "{#muc-2-5}" in first.fix_vi


@pytest.mark.parametrize("old,new,needle,words", [
    ("{#muc-2-2}\n2.2.", "{#muc-2-9}\n2.9.", "{#muc-2-3}", "không theo thứ tự"),
    ("{#muc-3 .chua-co}", "{#muc-4-1 .chua-co}", "{#muc-4-1", "chưa có dòng {#muc-4}"),
    ("{#muc-3 .chua-co}", "{#dieu-7-khoan-2-diem-b .chua-co}", "{#dieu-7", "đánh số theo “muc”"),
    ("{#muc-2-5}", "{#muc-2-7}", "{#muc-2-7}", "lời văn bắt đầu bằng số 2.5"),
])
def test_numbering_that_contradicts_itself_stops_on_the_clause(tmp_path, old, new, needle, words):
    errors, lines = run(tmp_path, old, new)
    mine = [e for e in errors if e.path == KL and e.line == line_of(lines, needle)]
    assert mine and any(words in e.vi for e in mine), [e.format() for e in errors]
