"""A real rebuild swaps the new site in and keeps the one it replaced as
site.previous; the build after deletes that one while it builds
(hooks/publish/staging.py)."""
from __future__ import annotations

import shutil

from conftest import copy_project, run_build


def test_rebuilds_keep_the_replaced_site_until_the_next_build(tmp_path, built_site):
    project = copy_project(tmp_path / "project")
    site = tmp_path / "site"
    shutil.copytree(built_site, site)   # the site as the last build left it
    (site / "first.txt").write_text("1", encoding="utf-8")
    for build, mark in (("second", "first.txt"), ("third", "second.txt")):
        result = run_build(project, site)
        assert result.returncode == 0, result.stdout + result.stderr
        assert (site / "index.html").exists() and not (site / mark).exists(), build
        assert (tmp_path / "site.previous" / mark).exists(), build   # the replaced site, whole
        assert (tmp_path / "site.previous" / "van-ban" / "kl-14" / "index.html").exists(), build
        (site / "second.txt").write_text("2", encoding="utf-8")
    # The third build deleted the first site; nothing else is left beside the site.
    assert not (tmp_path / "site.previous" / "first.txt").exists()
    assert sorted(p.name for p in tmp_path.glob("site*")) == ["site", "site.previous"]
