"""Posts and dates through a real build: a post dated in the future waits
for its day (not on the list, in no feed, no page); official dates without
zero padding build."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import copy_project, run_build
from tools.project import POST_TEMPLATE as POST

POSTS = "docs/tin-tuc/posts"


def write(root: Path, rel: str, text: str) -> str:
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(text, encoding="utf-8")
    return rel


def test_a_future_post_waits_for_its_day(tmp_path):
    root = copy_project(tmp_path / "project")
    day = dt.date.today() + dt.timedelta(days=30)
    write(root, f"{POSTS}/{day.isoformat()}-hen-gio.md",
          POST.format(title="Tin hẹn giờ đăng", date=day.isoformat(), authors="authors: [tuan-lam]\n"))
    site = tmp_path / "site"
    result = run_build(root, site)
    assert result.returncode == 0, result.stderr
    assert "Tin hẹn ngày đăng" in result.stderr and "hen-gio.md" in result.stderr
    assert "Tin hẹn giờ đăng" not in (site / "tin-tuc/index.html").read_text(encoding="utf-8")
    for feed in ("tin-tuc.rss.xml", "tin-tuc.atom.xml"):
        assert "Tin hẹn giờ đăng" not in (site / feed).read_text(encoding="utf-8")
    assert not any("hen-gio" in str(p) for p in site.rglob("*"))


def test_official_dates_without_zero_padding_build(tmp_path):
    # 27/4/2022 and 1/10/2023 are how official documents write dates.
    root = copy_project(tmp_path / "project")
    kh = root / "docs/van-ban/kh-116.md"
    kh.write_text(kh.read_text(encoding="utf-8").replace("issued: 27/04/2022", "issued: 27/4/2022"), encoding="utf-8")
    assert "issued: 27/4/2022" in kh.read_text(encoding="utf-8")
    site = tmp_path / "site"
    result = run_build(root, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert '"issued": "27/4/2022"' in (site / "api/v1/van-ban/kh-116.json").read_text(encoding="utf-8")
    assert "27/04/2022" in (site / "van-ban/kh-116/index.html").read_text(encoding="utf-8")
