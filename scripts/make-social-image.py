"""Regenerate docs/assets/images/social.png, the 1200x630 sharing card.

Run by hand when the design changes (`.venv/bin/python scripts/make-social-image.py`),
then commit the PNG. It renders the HTML below in the system Chromium through
Playwright (a test dependency); the build itself never runs it, so building
the site needs neither a browser nor network access.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "assets" / "images" / "social.png"

# Only words that are the site's own name and subject: no legal statement.
HTML = """<!doctype html><html lang="vi"><meta charset="utf-8">
<style>
  html, body { margin: 0; width: 1200px; height: 630px; }
  body { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; color: #fff;
         background: linear-gradient(135deg, #b71c1c 0%, #8e0000 100%);
         display: flex; flex-direction: column; justify-content: space-between;
         box-sizing: border-box; padding: 72px 80px; }
  .kicker { font-size: 30px; letter-spacing: .08em; text-transform: uppercase; opacity: .85; }
  h1 { font-size: 64px; line-height: 1.15; margin: 24px 0 0; font-weight: 700; }
  .foot { display: flex; align-items: center; gap: 28px; font-size: 32px; }
  .foot svg { width: 84px; height: 84px; flex: none; }
  .bar { height: 8px; width: 160px; background: #ffd54f; margin-top: 36px; }
</style>
<div>
  <div class="kicker">Kết luận số 14-KL/TW · Thanh Hóa</div>
  <h1>Khuyến khích và bảo vệ cán bộ năng động, sáng tạo vì lợi ích chung</h1>
  <div class="bar"></div>
</div>
<div class="foot">
  <svg viewBox="0 0 24 24"><path fill="#fff" d="M12 3c-1.27 0-2.4.8-2.82 2H3v2h1.95L2 14c-.47 2 1 3 3.5 3s4.06-1 3.5-3L6.05 7h3.12c.33.85.98 1.5 1.83 1.83V20H2v2h20v-2h-9V8.82c.85-.32 1.5-.97 1.82-1.82h3.13L15 14c-.47 2 1 3 3.5 3s4.06-1 3.5-3l-2.95-7H21V5h-6.17C14.4 3.8 13.27 3 12 3m0 2a1 1 0 0 1 1 1 1 1 0 0 1-1 1 1 1 0 0 1-1-1 1 1 0 0 1 1-1m-6.5 5.25L7 14H4zm13 0L20 14h-3z"/></svg>
  <div>Văn bản, điều khoản, cơ quan thực hiện, tin tức</div>
</div>
</html>"""


def main() -> None:
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport={"width": 1200, "height": 630})
        page.set_content(HTML)
        page.screenshot(path=str(OUT), type="png")
        browser.close()
    print(OUT.relative_to(ROOT))


if __name__ == "__main__":
    main()
