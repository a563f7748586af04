"""Regenerate the screenshots of the editors' guide (docs/huong-dan/
bien-tap-tren-trinh-duyet.md): publishing a news post from the browser, the
review board, the post on the site, and a build error with its fix.

Run by hand when the editor changes, then commit the PNGs:

    .venv/bin/python scripts/make-guide-screenshots.py

It works on a throwaway copy of the project (a fresh git repository in a
temporary folder), never on this working copy: `scripts/edit.sh` (what
`make edit` runs) with decap-server in its git mode, where Decap's editorial
workflow keeps each unpublished change on a local branch, as the hosted
service keeps it in a merge request. The hosted review itself (the merge
request page and its CI) cannot be shown here; the guide describes it in
text. Chromium is the system one (/usr/bin/chromium), driven by Playwright
(a test dependency); nothing is downloaded.
"""
from __future__ import annotations

import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from hooks.cli import port  # noqa: E402

OUT = ROOT / "docs" / "assets" / "images"
WIDTH = 1000
# An example post, marked as one: the guide shows the steps, not news.
TITLE = "Bài ví dụ: hội nghị quán triệt Kết luận số 14-KL/TW"
BODY = ("Đây là bài ví dụ của trang hướng dẫn biên tập. Bài dẫn chiếu "
        "[[kl-14#muc-2-4|mục 2.4 Kết luận số 14-KL/TW]].")


def project_copy(dest: Path) -> Path:
    """The site's sources in a new git repository on branch main."""
    for name in ("mkdocs.yml",):
        shutil.copy2(ROOT / name, dest / name)
    for folder in ("hooks", "overrides", "docs", "scripts"):
        shutil.copytree(ROOT / folder, dest / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (dest / "node_modules").symlink_to(ROOT / "node_modules")
    (dest / ".gitignore").write_text("node_modules\nsite*/\n__pycache__/\n", encoding="utf-8")
    git = ["git", "-C", str(dest), "-c", "user.name=Biên tập", "-c", "user.email=bien-tap@example.invalid"]
    subprocess.run(git[:3] + ["init", "-q", "-b", "main"], check=True)
    subprocess.run(git + ["add", "."], check=True)
    subprocess.run(git + ["commit", "-q", "-m", "Bản sao để chụp màn hình"], check=True)
    return dest


def optimise(path: Path) -> None:
    """Recompress a PNG's image data at zlib level 9 (no image library is
    installed; Chromium writes a fast, larger compression)."""
    data = path.read_bytes()
    chunks, pos = [], 8
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunks.append((kind, data[pos + 8:pos + 8 + length]))
        pos += 12 + length

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I4s", len(body), kind) + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)

    image = zlib.decompress(b"".join(body for kind, body in chunks if kind == b"IDAT"))
    head = [chunk(kind, body) for kind, body in chunks if kind in (b"IHDR", b"PLTE")]
    path.write_bytes(data[:8] + b"".join(head) + chunk(b"IDAT", zlib.compress(image, 9)) + chunk(b"IEND", b""))


def shot(target, name: str) -> None:
    path = OUT / name
    target.screenshot(path=str(path), type="png")
    optimise(path)
    print(f"{path.relative_to(ROOT)}: {path.stat().st_size:,} B")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="kl14-guide-") as tmp:
        (Path(tmp) / "project").mkdir()
        project = project_copy(Path(tmp) / "project")
        site_port, proxy_port = port.unused(), port.unused()
        base = f"http://127.0.0.1:{site_port}"
        env = dict(os.environ, MKDOCS=f"{sys.executable} -m mkdocs", EDIT_ADDR=f"127.0.0.1:{site_port}",
                   EDITOR_PROXY_PORT=str(proxy_port), EDITOR_PROXY_MODE="git", NO_MKDOCS_2_WARNING="1")
        log = open(Path(tmp) / "edit.log", "w")
        proc = subprocess.Popen(["bash", "scripts/edit.sh"], cwd=project, env=env, stdout=log,
                                stderr=subprocess.STDOUT, start_new_session=True)
        try:
            port.wait_http(f"{base}/bien-tap/config.yml", contains=f"127.0.0.1:{proxy_port}", timeout=180)
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium",
                                             args=["--no-sandbox", "--disable-gpu"])
                context = browser.new_context(locale="vi-VN", viewport={"width": WIDTH, "height": 680})
                pg = context.new_page()
                pg.on("dialog", accept)
                try:
                    take(pg, base, project)
                except Exception:
                    pg.screenshot(path=str(Path(tempfile.gettempdir()) / "guide-failed.png"))
                    raise
                browser.close()
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(30)
            log.close()


def accept(dialog) -> None:
    """Decap asks "publish this entry?" and, when leaving a form, "leave?"."""
    try:
        dialog.accept()
    except Exception:   # already closed by the page
        pass


def status(pg, name: str) -> None:
    pg.get_by_role("button", name="Trạng thái").first.click()
    pg.get_by_role("menuitem", name=name).click()
    pg.get_by_text("Trạng thái của mục đã được cập nhật").first.wait_for()


def publish_ready(pg) -> None:
    """Review done: ready, then published (merged into main)."""
    status(pg, "Sẵn sàng")
    pg.get_by_role("button", name="Công bố").first.click()
    pg.get_by_role("menuitem", name="Công bố ngay").click()
    pg.get_by_text("Mục đã được công bố").first.wait_for(timeout=60_000)


def take(pg, base: str, project: Path) -> None:
    pg.goto(f"{base}/bien-tap/")
    pg.get_by_role("button", name="Đăng nhập").click()
    pg.get_by_text("Tin tức").first.wait_for()

    # 0. The FAQ form with the clause picker open (the guide's form section).
    pg.goto(f"{base}/bien-tap/#/collections/hoi-dap/new")
    pg.reload()
    pg.fill("#question-field-2", "Câu hỏi ví dụ: mục 2.4 nói gì về việc theo dõi, kiểm tra?")
    pg.locator("#explains-field-5").click()
    pg.keyboard.type("Mục 2.4")
    pg.locator("[class*='-option']").first.wait_for()
    shot(pg, "bien-tap-hoi-dap.png")

    # 1. A news post written, with its preview.
    pg.goto(f"{base}/bien-tap/#/collections/tin-tuc/new")
    pg.reload()
    pg.fill("#title-field-1", TITLE)
    pg.locator("#authors-field-3").click()
    pg.locator("[class*='-option']").filter(has_text="Tuấn Lâm").first.click()
    pg.locator("#categories-field-4").click()
    pg.locator("[class*='-option']").filter(has_text="Thông báo").first.click()
    pg.fill("#description-field-5", "Bài ví dụ của trang hướng dẫn biên tập.")
    pg.locator("[data-slate-editor]").last.click()
    pg.keyboard.type(BODY)
    pg.locator("#title-field-1").click()
    shot(pg, "huong-dan-1-viet-tin.png")

    # 2. Saved (a local branch, as a merge request on the git service), sent
    # to review: the review board.
    pg.get_by_role("button", name="Lưu").first.click()
    pg.get_by_text("Mục đã được lưu").first.wait_for(timeout=60_000)
    status(pg, "Đang xét duyệt")
    pg.goto(f"{base}/bien-tap/#/workflow")
    pg.get_by_text(TITLE).first.wait_for()
    for note in ("Mục đã được lưu", "Trạng thái của mục đã được cập nhật"):
        pg.get_by_text(note).first.wait_for(state="hidden", timeout=60_000)
    shot(pg, "huong-dan-2-cho-duyet.png")

    # 3. Reviewed, published: the post on the site.
    pg.get_by_text(TITLE).first.click()
    pg.get_by_role("button", name="Trạng thái").first.wait_for()
    publish_ready(pg)
    pg.goto(f"{base}/tin-tuc/")
    port.wait_http(f"{base}/tin-tuc/", contains=TITLE, timeout=180)
    pg.reload()
    pg.get_by_text(TITLE).first.wait_for()
    shot(pg, "huong-dan-3-tren-trang.png")

    # 4. A change the build refuses: a reference to a clause that does not
    # exist. The preview shows the build's message: file, line, fix.
    post = next((project / "docs" / "tin-tuc" / "posts").glob("*bai-vi-du*.md"))
    slug = post.stem
    pg.goto(f"{base}/bien-tap/#/collections/tin-tuc/entries/{slug}")
    pg.reload()
    body = pg.locator("[data-slate-editor]").last
    body.wait_for()
    body.click()
    pg.keyboard.press("Control+End")
    pg.keyboard.type(" Xem thêm [[kl-14#muc-2-9]].")
    pg.get_by_role("button", name="Lưu").first.click()
    pg.get_by_text("Mục đã được lưu").first.wait_for(timeout=60_000)
    publish_ready(pg)
    port.wait_http(f"{base}/tin-tuc/", contains="Bản dựng có lỗi", timeout=180)
    pg.goto(f"{base}/tin-tuc/")
    pg.get_by_text("Bản dựng có lỗi").first.wait_for()
    # The message's lines wrapped, so the fix at the end of each shows.
    pg.add_style_tag(content="pre code { white-space: pre-wrap !important; }")
    shot(pg.locator("article").first, "huong-dan-4-loi.png")


if __name__ == "__main__":
    main()
