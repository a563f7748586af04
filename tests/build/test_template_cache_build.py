"""Two real builds of one project, with a template edited between them, as
an editor works: the second build takes the templates it did not change
from .cache/jinja/ (their files are not written again) and shows the edit
(hooks/render/template_cache.py)."""
from __future__ import annotations

from conftest import copy_project, run_build
from hooks.render import template_cache

EDIT = '<p class="kl-test-edit">Đã sửa mẫu trang</p>'


def cache_files(project) -> dict[str, tuple[int, bytes]]:
    """Each cached template's file: its inode (a file written again is a new
    one) and its bytes."""
    return {p.name: (p.stat().st_ino, p.read_bytes()) for p in (project / template_cache.FOLDER).glob("*/*.cache")}


def test_an_edited_template_shows_in_the_next_build_and_the_others_come_from_the_cache(tmp_path):
    project = copy_project(tmp_path / "project")
    for build in ("first", "second"):
        result = run_build(project, tmp_path / build)
        assert result.returncode == 0, result.stdout + result.stderr
        if build == "first":
            before = cache_files(project)
            partial = project / "overrides" / "partials" / "kl-document.html"
            partial.write_text(partial.read_text(encoding="utf-8") + EDIT + "\n", encoding="utf-8")
    after = cache_files(project)
    assert len(before) > 20   # Material's templates and ours
    assert EDIT not in (tmp_path / "first" / "van-ban" / "kl-14" / "index.html").read_text(encoding="utf-8")
    assert EDIT in (tmp_path / "second" / "van-ban" / "kl-14" / "index.html").read_text(encoding="utf-8")
    # Only the edited template was compiled, and only its file written again.
    assert after.keys() == before.keys()
    rewritten = [name for name in after if after[name] != before[name]]
    assert len(rewritten) == 1 and after[rewritten[0]][1] != before[rewritten[0]][1]
