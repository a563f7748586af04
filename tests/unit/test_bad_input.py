"""Every editor mistake stops the build, names file, line or field, and says
what would be valid. Checked in-process on the pipeline the build runs first;
tests/build/test_bad_input_build.py runs real failing builds (no half-built
site, the previous site kept, every error printed in one run)."""
from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest

from tests.tools.content_errors import Expect, content_errors, project_copy, reported
from tests.tools.project import POST, edit, line_of

KL = "docs/van-ban/kl-14.md"
KH = "docs/van-ban/kh-116.md"


def copy_file(project: Path, rel: str, new_rel: str) -> None:
    shutil.copy2(project / rel, project / new_rel)


# (name, mutate(project), the error expected: file, line, field and what it says)
CASES = {
    "yaml-does-not-parse": (
        lambda p: edit(p, KL, "number: 14-KL/TW", "number: [14-KL/TW"),
        lambda p: Expect(KL, says=("YAML", "Cách sửa: kiểm tra"))),
    "missing-required-field": (
        lambda p: edit(p, KL, "number: 14-KL/TW\n", ""),
        lambda p: Expect(KL, 1, "number", ("thiếu trường bắt buộc", "'number: …'", "'number: null' nếu chưa biết"))),
    "date-not-real": (
        lambda p: edit(p, KL, "issued: 22/09/2021", "issued: 30/02/2021"),
        lambda p: Expect(KL, line_of(p, KL, "issued:"), "issued", ("không phải ngày có thật", "dd/mm/yyyy"))),
    "unknown-document-type": (
        lambda p: edit(p, KL, "type: ket-luan", "type: ket-luan-hoi-nghi"),
        lambda p: Expect(KL, line_of(p, KL, "type:"), "type", ("ket-luan, chuong-trinh-hanh-dong",))),
    "unknown-status": (
        lambda p: edit(p, KL, "legal_status: chua-xac-dinh", "legal_status: hieu-luc"),
        lambda p: Expect(KL, line_of(p, KL, "legal_status:"), "legal_status", ("con-hieu-luc",))),
    "unknown-completeness": (
        lambda p: edit(p, KL, "completeness: mot-phan", "completeness: day-du"),
        lambda p: Expect(KL, line_of(p, KL, "completeness:"), "text.completeness", ("toan-van, mot-phan, chua-co",))),
    "duplicate-document-id": (
        lambda p: copy_file(p, KL, "docs/van-ban/kl-14-ban-sao.md"),
        lambda p: Expect("docs/van-ban/kl-14.md", says=("kl-14-ban-sao.md", "“kl-14”"))),
    "duplicate-body-id": (
        lambda p: edit(p, "docs/co-quan/chinh-phu.md", "id: chinh-phu", "id: bo-chinh-tri"),
        lambda p: Expect("docs/co-quan/chinh-phu.md", says=("“bo-chinh-tri”", "docs/co-quan/bo-chinh-tri.md"))),
    "duplicate-clause-id": (
        lambda p: edit(p, KL, "{#muc-2-2}", "{#muc-2-1}"),
        lambda p: Expect(KL, line_of(p, KL, "{#muc-2-1}") + 3, says=("“muc-2-1”", "trùng"))),
    "anchor-breaks-numbering-rule": (
        lambda p: edit(p, KL, "{#muc-2-5}", "{#muc-2.5}"),
        lambda p: Expect(KL, line_of(p, KL, "{#muc-2.5}"), says=("quy tắc đánh số", "muc-2-4-doan-2"))),
    "implements-unknown-document": (
        lambda p: edit(p, "docs/van-ban/ctr-26.md", "  - kl-14\n", "  - kl-41\n"),
        lambda p: Expect("docs/van-ban/ctr-26.md", field="implements", says=("“kl-41”", "kl-14"))),
    "issuer-unknown-body": (
        lambda p: edit(p, KL, "issuer: bo-chinh-tri", "issuer: bo-chinh-tr"),
        lambda p: Expect(KL, line_of(p, KL, "issuer:"), "issuer", ("bo-chinh-tri",))),
    "implements-itself": (
        lambda p: edit(p, "docs/van-ban/ctr-26.md", "  - kl-14\n", "  - ctr-26\n"),
        lambda p: Expect("docs/van-ban/ctr-26.md", field="implements", says=("chính nó",))),
    "reference-to-nothing": (
        lambda p: edit(p, "docs/co-quan/so-noi-vu.md", "[[kh-116#noi-dung-7|", "[[kh-116#noi-dung-9|"),
        lambda p: Expect("docs/co-quan/so-noi-vu.md", line_of(p, "docs/co-quan/so-noi-vu.md", "noi-dung-9"),
                         says=("kh-116#noi-dung-9", "kh-116#noi-dung-7"))),
    "reference-to-unknown-id": (
        lambda p: edit(p, "docs/index.md", "[[ctr-26]]", "[[ctr-62]]"),
        lambda p: Expect("docs/index.md", line_of(p, "docs/index.md", "ctr-62"), says=("“ctr-62”", "ctr-26"))),
    "task-unknown-body": (
        lambda p: edit(p, "docs/van-ban/kh-116.md", "lead: so-noi-vu", "lead: so-noi-v"),
        lambda p: Expect("docs/van-ban/kh-116.md", line_of(p, "docs/van-ban/kh-116.md", "lead: so-noi-v"),
                         "tasks[6].lead", ("“so-noi-v”", "so-noi-vu"))),
    "task-not-quoted-from-source": (
        lambda p: edit(p, "docs/van-ban/kh-116.md", "what: Xây dựng đội ngũ", "what: Đào tạo đội ngũ"),
        lambda p: Expect("docs/van-ban/kh-116.md", field="tasks[1].what", says=("nguyên văn",))),
    "implements-closes-a-cycle": (
        lambda p: edit(p, KL, "text:\n", "implements:\n  - kh-116\ntext:\n"),
        lambda p: Expect(field="implements", says=("vòng", "ctr-26 → kl-14 → kh-116 → ctr-26"))),
    "redirect-from-a-published-id": (
        lambda p: edit(p, KL, "text:\n", "redirects:\n  - from: muc-2-1\n    to: muc-2\ntext:\n"),
        lambda p: Expect(KL, line_of(p, KL, "from: muc-2-1"), "redirects[0].from", ("noi-dung-N", "không bao giờ đổi"))),
    "redirect-to-nothing": (
        lambda p: edit(p, KH, "tasks:\n", "redirects:\n  - from: noi-dung-9\n    to: muc-9\ntasks:\n"),
        lambda p: Expect(KH, line_of(p, KH, "to: muc-9"), "redirects[0].to", ("“muc-9”", "noi-dung-"))),
    "redirect-from-a-live-clause": (
        lambda p: edit(p, KH, "tasks:\n", "redirects:\n  - from: noi-dung-1\n    to: noi-dung-2\ntasks:\n"),
        lambda p: Expect(KH, line_of(p, KH, "from: noi-dung-1"), "redirects[0].from",
                         ("vẫn là một điều khoản", "{#noi-dung-1}"))),
    "text-not-nfc": (
        lambda p: edit(p, KL, "Trong quá trình lãnh đạo",
                       unicodedata.normalize("NFD", "Trong quá trình lãnh đạo")),
        lambda p: Expect(KL, line_of(p, KL, "Trong qu"), says=("NFC", "make nfc"))),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_stops_the_build(tmp_path, case):
    mutate, expect = CASES[case]
    project = project_copy(tmp_path)
    mutate(project)
    reported(content_errors(project), expect(project))


# A news post's citations are checked with the rest of the content.
@pytest.mark.parametrize("body, says", [
    ("[sai](../../van-ban/kl-14.md#muc-9)", ("muc-9", "muc-2", "Cách sửa: các mã gần nhất")),
    ("[sai](../../van-ban/kl-41.md)", ("“kl-41”", "kl-14")),
])
def test_bad_citation_in_a_post_names_file_and_line(tmp_path, body, says):
    project = project_copy(tmp_path)
    rel = "docs/tin-tuc/posts/2024-01-01-sai.md"
    text = POST.replace("[mục 2.4](../../van-ban/kl-14.md#muc-2-4)", body)
    assert body in text
    (project / rel).write_text(text, encoding="utf-8")
    reported(content_errors(project), Expect(rel, line_of(project, rel, body), says=says))
