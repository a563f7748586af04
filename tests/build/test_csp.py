"""The Content-Security-Policy is on every built page, before any script
(what it allows and blocks in Chromium: tests/browser/test_privacy.py)."""
from __future__ import annotations


def test_policy_is_on_every_page_before_any_script(built_site):
    checked = 0
    for path in built_site.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        meta = text.find('http-equiv="Content-Security-Policy"')
        assert meta != -1, path
        first_script = text.find("<script")
        assert first_script == -1 or meta < first_script, path
        if path.parent.name == "bien-tap":
            continue   # the editor's own policy (tests/unit/test_editor_config.py): no inline script at all
        assert "script-src 'self' file: 'sha256-" in text
        checked += 1
    assert checked > 20
