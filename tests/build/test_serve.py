"""`mkdocs serve` as an editor uses it: edits rebuild with fresh hook state,
a content error is logged with file and line and shown in the pages, at
every address of the last good build (a clause's page, a news post whose
date is wrong), for a broken authors file, a post date and a missing image
too; the server keeps serving and recovers once the mistake is fixed."""
from __future__ import annotations

from conftest import copy_project
from tools.project import edit
from tools.serving import fetch, mkdocs_serve, wait_for


def test_serve_rebuilds_reports_errors_and_keeps_serving(tmp_path):
    project = copy_project(tmp_path / "project")
    log_path = tmp_path / "serve.log"
    with mkdocs_serve(project, log_path) as (url, server):
        logged = lambda: log_path.read_text(encoding="utf-8")  # noqa: E731
        assert "Trang này đăng" in (fetch(url) or "")

        # 1. An edit is rebuilt and served.
        edit(project, "docs/index.md", "Trang này đăng", "Trang này (bản sửa 1) đăng")
        wait_for(lambda: "bản sửa 1" in (fetch(url) or ""), "the edited home page")

        # 2. A broken clause anchor: the error names file and line, the server stays up.
        kl = project / "docs/van-ban/kl-14.md"
        line = kl.read_text(encoding="utf-8").split("\n").index("{#muc-2-5}") + 1
        edit(project, "docs/van-ban/kl-14.md", "{#muc-2-5}", "{#muc-2.5}")
        wait_for(lambda: f"docs/van-ban/kl-14.md:{line}" in logged(), "the error in the server log")
        assert "quy tắc đánh số" in logged() and "(en)" in logged()
        assert server.poll() is None, "the server stopped on a content error"
        # The served page shows the error too, instead of hanging.
        shown = wait_for(lambda: fetch(url + "van-ban/kl-14/"), "a page while the content is broken")
        assert "Bản dựng có lỗi" in shown and f"docs/van-ban/kl-14.md:{line}" in shown
        # A clause's own page, open in the editor's browser when the
        # mistake was saved, reloads to the error and keeps the live
        # reload that brings it back once fixed (a 404 page has none).
        shown = fetch(url + "van-ban/kl-14/muc-2-4/") or ""
        assert "Bản dựng có lỗi" in shown and f"docs/van-ban/kl-14.md:{line}" in shown
        assert "livereload" in shown

        # 3. Fixed: the page is rebuilt again, with its clause.
        edit(project, "docs/van-ban/kl-14.md", "{#muc-2.5}", "{#muc-2-5}")
        edit(project, "docs/index.md", "bản sửa 1", "bản sửa 2")
        wait_for(lambda: "bản sửa 2" in (fetch(url) or ""), "the site after the fix")
        assert 'id="muc-2-5"' in (fetch(url + "van-ban/kl-14/") or "")
        # A clause's page is whole again: the rebuild made a fresh shell for it.
        clause_page = fetch(url + "van-ban/kl-14/muc-2-5/") or ""
        assert 'id="muc-2-5"' in clause_page and 'class="md-header' in clause_page
        assert "<title>Mục 2.5 · " in clause_page and clause_page.rstrip().endswith("</html>")
        assert fetch(url + "van-ban/_kl-shell/_prototype/") is None
        assert server.poll() is None

        # 4. Errors that used to leave every request hanging: a broken
        # authors file (the blog plugin's own error), an impossible post
        # date, a missing image. Each shows in the pages, then recovers.
        authors = project / "docs/tin-tuc/.authors.yml"
        post = next((project / "docs/tin-tuc/posts").glob("*.md"))
        good_authors, good_post = authors.read_text(encoding="utf-8"), post.read_text(encoding="utf-8")
        date_line = next(i for i, t in enumerate(good_post.split("\n"), 1) if t.startswith("date:"))
        for n, (path, broken, where) in enumerate([
            (authors, good_authors.replace("name: Tuấn Lâm", 'name: "Tuấn Lâm'), "docs/tin-tuc/.authors.yml:3"),
            (post, good_post.replace("date: 2022-12-10", "date: 2022-02-30"), f"{post.name}:{date_line}"),
            (post, good_post + "\n![Ảnh](../../assets/images/khong-co.png)\n", "khong-co.png"),
        ], 3):
            path.write_text(broken, encoding="utf-8")
            shown = wait_for(lambda: (lambda page: page if page and where in page else None)(fetch(url)),
                             f"the error {where} in a served page")
            assert "Bản dựng có lỗi" in shown and server.poll() is None
            # The post's own page, open while the editor works on it, shows
            # the error too, though a wrong date turns the blog off.
            assert where in (fetch(url + "tin-tuc/2022/12/10/thanh-hoa-trien-khai-ket-luan-14/") or "")
            path.write_text(good_authors if path == authors else good_post, encoding="utf-8")
            edit(project, "docs/index.md", f"bản sửa {n - 1}", f"bản sửa {n}")
            wait_for(lambda: f"bản sửa {n}" in (fetch(url) or "") and "Bản dựng có lỗi" not in (fetch(url) or ""),
                     f"the site after fixing {where}")

        # 5. A post dated in the future shows under serve, marked as scheduled.
        later = post.parent / "2999-01-01-hen-gio.md"
        later.write_text(good_post.replace("date: 2022-12-10", "date: 2999-01-01")
                         .replace("slug: thanh-hoa-trien-khai-ket-luan-14", "slug: hen-gio"), encoding="utf-8")
        scheduled = wait_for(lambda: fetch(url + "tin-tuc/2999/01/01/hen-gio/"), "the scheduled post under serve")
        assert "Tin hẹn ngày đăng 01/01/2999" in scheduled
