"""Bad input through a real `mkdocs build`: the build fails, prints every
error with file, line, field, the Vietnamese message and the English one,
writes no site and leaves no staging folder, and a failed rebuild keeps the
previous good site (each kind of mistake: tests/unit/test_bad_input.py)."""
from __future__ import annotations

import re
import shutil

from conftest import copy_project, failed_build, run_build
from tests.tools.project import edit, line_of

KL = "docs/van-ban/kl-14.md"
CTR = "docs/van-ban/ctr-26.md"


def test_failed_build_keeps_the_previous_good_site(tmp_path, built_site):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    # The previous good site: the session's build of the same sources, copied
    # rather than built again.
    shutil.copytree(built_site, site)
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    edit(project, KL, "{#muc-2-5}", "{#muc-2.5}")
    edit(project, "docs/index.md", "Trang này đăng", "Trang này ĐÃ SỬA đăng")
    assert run_build(project, site).returncode != 0
    assert not list(tmp_path.glob("site.*")), "no staging folder is left behind"
    after = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before


def test_all_errors_reported_in_one_run(tmp_path):
    def mutate(project):
        edit(project, KL, "issued: 22/09/2021", "issued: 30/02/2021")
        edit(project, CTR, "type: chuong-trinh-hanh-dong", "type: ctr")

    project, output = failed_build(tmp_path, mutate)
    assert re.search(r"\b2 content error", output), output
    for where, vi in ((f"{KL}:{line_of(project, KL, 'issued:')} [issued]", "không phải ngày có thật"),
                      (f"{CTR}:{line_of(project, CTR, 'type:')} [type]", "không có trong danh mục")):
        assert re.search(rf"{re.escape(where)}: [^\n]*{vi}[^\n]*Cách sửa: [^\n]+\n +\(en\) \S", output), output
