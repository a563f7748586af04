"""Every editor mistake stops the build, names file, line or field, says what
would be valid, and leaves no half-built site behind."""
from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from conftest import copy_project, failed_build, run_build

KL = "docs/van-ban/kl-14.md"
KH = "docs/van-ban/kh-116.md"


def edit(project: Path, rel: str, old: str, new: str, count: int = 1) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture drift: {old!r} not in {rel}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(project: Path, rel: str, needle: str) -> int:
    lines = (project / rel).read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def copy_file(project: Path, rel: str, new_rel: str) -> None:
    shutil.copy2(project / rel, project / new_rel)


# (name, mutate(project), expected fragments of the error: file:line and hints)
CASES = {
    "yaml-does-not-parse": (
        lambda p: edit(p, KL, "number: 14-KL/TW", "number: [14-KL/TW"),
        lambda p: [f"{KL}:", "YAML", "Cách sửa"]),
    "missing-required-field": (
        lambda p: edit(p, KL, "number: 14-KL/TW\n", ""),
        lambda p: [f"{KL}:1 [number]", "thiếu trường bắt buộc", "number: '14-KL/TW'"]),
    "date-not-real": (
        lambda p: edit(p, KL, "issued: 22/09/2021", "issued: 30/02/2021"),
        lambda p: [f"{KL}:{line_of(p, KL, 'issued:')} [issued]", "không phải ngày có thật", "dd/mm/yyyy"]),
    "unknown-document-type": (
        lambda p: edit(p, KL, "type: ket-luan", "type: ket-luan-hoi-nghi"),
        lambda p: [f"{KL}:{line_of(p, KL, 'type:')} [type]", "ket-luan, chuong-trinh-hanh-dong"]),
    "unknown-status": (
        lambda p: edit(p, KL, "legal_status: chua-xac-dinh", "legal_status: hieu-luc"),
        lambda p: [f"{KL}:{line_of(p, KL, 'legal_status:')} [legal_status]", "con-hieu-luc"]),
    "unknown-completeness": (
        lambda p: edit(p, KL, "completeness: mot-phan", "completeness: day-du"),
        lambda p: [f"{KL}:{line_of(p, KL, 'completeness:')} [text.completeness]", "toan-van, mot-phan, chua-co"]),
    "duplicate-document-id": (
        lambda p: copy_file(p, KL, "docs/van-ban/kl-14-ban-sao.md"),
        lambda p: ["docs/van-ban/kl-14.md", "kl-14-ban-sao.md", "'kl-14'"]),
    "duplicate-body-id": (
        lambda p: edit(p, "docs/co-quan/chinh-phu.md", "id: chinh-phu", "id: bo-chinh-tri"),
        lambda p: ["docs/co-quan/chinh-phu.md", "'bo-chinh-tri'", "docs/co-quan/bo-chinh-tri.md"]),
    "duplicate-clause-id": (
        lambda p: edit(p, KL, "{#muc-2-2}", "{#muc-2-1}"),
        lambda p: [f"{KL}:{line_of(p, KL, '{#muc-2-1}') + 3}", "'muc-2-1'", "trùng"]),
    "anchor-breaks-numbering-rule": (
        lambda p: edit(p, KL, "{#muc-2-5}", "{#muc-2.5}"),
        lambda p: [f"{KL}:{line_of(p, KL, '{#muc-2.5}')}", "quy tắc đánh số", "muc-2-4-doan-2"]),
    "implements-unknown-document": (
        lambda p: edit(p, "docs/van-ban/ctr-26.md", "  - kl-14\n", "  - kl-41\n"),
        lambda p: ["docs/van-ban/ctr-26.md", "[implements]", "'kl-41'", "kl-14"]),
    "issuer-unknown-body": (
        lambda p: edit(p, KL, "issuer: bo-chinh-tri", "issuer: bo-chinh-tr"),
        lambda p: [f"{KL}:{line_of(p, KL, 'issuer:')} [issuer]", "bo-chinh-tri"]),
    "implements-itself": (
        lambda p: edit(p, "docs/van-ban/ctr-26.md", "  - kl-14\n", "  - ctr-26\n"),
        lambda p: ["docs/van-ban/ctr-26.md", "[implements]", "chính nó"]),
    "reference-to-nothing": (
        lambda p: edit(p, "docs/co-quan/so-noi-vu.md", "[[kh-116#noi-dung-7|", "[[kh-116#noi-dung-9|"),
        lambda p: [f"docs/co-quan/so-noi-vu.md:{line_of(p, 'docs/co-quan/so-noi-vu.md', 'noi-dung-9')}",
                   "kh-116#noi-dung-9", "kh-116#noi-dung-7"]),
    "reference-to-unknown-id": (
        lambda p: edit(p, "docs/index.md", "[[ctr-26]]", "[[ctr-62]]"),
        lambda p: [f"docs/index.md:{line_of(p, 'docs/index.md', 'ctr-62')}", "'ctr-62'", "ctr-26"]),
    "task-unknown-body": (
        lambda p: edit(p, "docs/van-ban/kh-116.md", "lead: so-noi-vu", "lead: so-noi-v"),
        lambda p: [f"docs/van-ban/kh-116.md:{line_of(p, 'docs/van-ban/kh-116.md', 'lead: so-noi-v')}",
                   "tasks[6].lead", "'so-noi-v'", "so-noi-vu"]),
    "task-not-quoted-from-source": (
        lambda p: edit(p, "docs/van-ban/kh-116.md", "what: Xây dựng đội ngũ", "what: Đào tạo đội ngũ"),
        lambda p: ["docs/van-ban/kh-116.md", "tasks[1].what", "nguyên văn"]),
    "implements-closes-a-cycle": (
        lambda p: edit(p, KL, "text:\n", "implements:\n  - kh-116\ntext:\n"),
        lambda p: ["[implements]", "vòng", "ctr-26 → kl-14 → kh-116 → ctr-26"]),
    "redirect-from-a-published-id": (
        lambda p: edit(p, KL, "text:\n", "redirects:\n  - from: muc-2-1\n    to: muc-2\ntext:\n"),
        lambda p: [f"{KL}:{line_of(p, KL, 'from: muc-2-1')} [redirects[0].from]", "noi-dung-N", "không bao giờ đổi"]),
    "redirect-to-nothing": (
        lambda p: edit(p, KH, "tasks:\n", "redirects:\n  - from: noi-dung-9\n    to: muc-9\ntasks:\n"),
        lambda p: [f"{KH}:{line_of(p, KH, 'to: muc-9')} [redirects[0].to]", "'muc-9'", "noi-dung-"]),
    "redirect-from-a-live-clause": (
        lambda p: edit(p, KH, "tasks:\n", "redirects:\n  - from: noi-dung-1\n    to: noi-dung-2\ntasks:\n"),
        lambda p: [f"{KH}:{line_of(p, KH, 'from: noi-dung-1')} [redirects[0].from]", "vẫn là một điều khoản",
                   "{#noi-dung-1}"]),
    "text-not-nfc": (
        lambda p: edit(p, KL, "Trong quá trình lãnh đạo",
                       unicodedata.normalize("NFD", "Trong quá trình lãnh đạo")),
        lambda p: [f"{KL}:{line_of(p, KL, 'Trong qu')}", "NFC", "make nfc"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_stops_the_build(tmp_path, case):
    mutate, expect = CASES[case]
    project, output = failed_build(tmp_path, mutate)
    for fragment in expect(project):
        assert fragment in output, f"{fragment!r} missing from:\n{output}"
    assert "(en)" in output  # every message is also given in English


def test_failed_build_keeps_the_previous_good_site(tmp_path):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    assert run_build(project, site).returncode == 0
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    edit(project, KL, "{#muc-2-5}", "{#muc-2.5}")
    edit(project, "docs/index.md", "Trang này đăng", "Trang này ĐÃ SỬA đăng")
    assert run_build(project, site).returncode != 0
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


def test_all_errors_reported_in_one_run(tmp_path):
    project = copy_project(tmp_path / "project")
    edit(project, KL, "issued: 22/09/2021", "issued: 30/02/2021")
    edit(project, "docs/van-ban/ctr-26.md", "type: chuong-trinh-hanh-dong", "type: ctr")
    result = run_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert re.search(r"\b2 content error", output), output
    assert "kl-14.md" in output and "ctr-26.md" in output
